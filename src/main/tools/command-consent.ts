/**
 * Consent for the programs a stdio tool server runs. The renderer is untrusted: a compromised one
 * could otherwise add a server through the contract and have main run any command. So every stdio
 * server added, or whose command, arguments, environment or working folder changed, is shown to the
 * user by main itself (a native dialog in the desktop app; see web/cli.ts for browser mode), and a
 * refusal leaves the settings as they were. Turning a server on or off, renaming it or turning its
 * tools off needs no consent: what it runs stays what the user allowed.
 */
import type { StdioServer, ToolServer } from '../../shared/tool-settings'

/** A stdio server's launch that the user is asked about. */
export interface ToolCommandChange {
  kind: 'add' | 'change'
  serverName: string
  command: string
  args: string[]
  env: Array<{ name: string; value: string }>
  cwd: string | null
}

/** Asks the user; true only when they allowed this exact launch. */
export type ConfirmToolCommand = (change: ToolCommandChange) => Promise<boolean>

/** What a core with no way to ask does: nothing new runs. */
export const refuseToolCommands: ConfirmToolCommand = async () => false

/**
 * One question at a time: a window sending many changes at once gets one dialog after another, each
 * answered on its own, never a pile of them. A confirm that fails counts as refused.
 */
export function oneAtATime(confirm: ConfirmToolCommand): ConfirmToolCommand {
  let last: Promise<unknown> = Promise.resolve()
  return (change) => {
    const answer = last.then(() => confirm(change)).catch(() => false)
    last = answer
    return answer
  }
}

/** The stdio launches in `after` that `before` did not have under the same server id. */
export function commandChanges(before: readonly ToolServer[], after: readonly ToolServer[]): ToolCommandChange[] {
  const changes: ToolCommandChange[] = []
  for (const server of after) {
    if (server.transport !== 'stdio') continue
    const previous = before.find((candidate) => candidate.id === server.id)
    if (previous?.transport === 'stdio' && launchOf(previous) === launchOf(server)) continue
    changes.push({
      kind: previous ? 'change' : 'add',
      serverName: server.name,
      command: server.command,
      args: [...server.args],
      env: server.env.map(({ name, value }) => ({ name, value })),
      cwd: server.cwd,
    })
  }
  return changes
}

function launchOf(server: StdioServer): string {
  return JSON.stringify([server.command, server.args, server.env, server.cwd])
}

/** The command line as the user would read it: each part quoted when it has spaces or quotes. */
export function commandLine(change: Pick<ToolCommandChange, 'command' | 'args'>): string {
  return [change.command, ...change.args].map(quoted).join(' ')
}

function quoted(part: string): string {
  return part === '' || /[\s"'\\]/.test(part) ? JSON.stringify(part) : part
}

const texts = {
  en: {
    add: (name: string) => `Allow the tool server “${name}” to run this program?`,
    change: (name: string) => `Allow the changed tool server “${name}” to run this program?`,
    command: 'Command',
    env: 'Environment',
    cwd: 'Working folder',
    home: 'your home folder',
    why: 'It runs with your permissions whenever the model uses its tools. Allow it only if you added it yourself.',
    allow: 'Allow',
    cancel: 'Cancel',
  },
  vi: {
    add: (name: string) => `Cho phép máy chủ công cụ “${name}” chạy chương trình này?`,
    change: (name: string) => `Cho phép máy chủ công cụ “${name}” đã sửa chạy chương trình này?`,
    command: 'Lệnh',
    env: 'Biến môi trường',
    cwd: 'Thư mục làm việc',
    home: 'thư mục nhà của bạn',
    why: 'Chương trình chạy với quyền của bạn mỗi khi mô hình dùng công cụ của nó. Chỉ cho phép nếu chính bạn đã thêm nó.',
    allow: 'Cho phép',
    cancel: 'Hủy',
  },
} as const

/** The dialog's words in the app's language; the command exactly, each env entry cut at 200 characters. */
export function consentText(change: ToolCommandChange, language: 'en' | 'vi') {
  const t = texts[language]
  const env = change.env.map(({ name, value }) => `${name}=${value}`.slice(0, 200))
  const detail = [
    `${t.command}: ${commandLine(change)}`,
    ...(env.length ? [`${t.env}: ${env.join(' ')}`] : []),
    `${t.cwd}: ${change.cwd ?? t.home}`,
    '',
    t.why,
  ].join('\n')
  return {
    message: change.kind === 'add' ? t.add(change.serverName) : t.change(change.serverName),
    detail,
    allow: t.allow,
    cancel: t.cancel,
  }
}
