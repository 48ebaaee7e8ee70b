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

/**
 * The command line as the user would read it: each part quoted when it has spaces, quotes or
 * characters that would not show as themselves (see `shown`).
 */
export function commandLine(change: Pick<ToolCommandChange, 'command' | 'args'>): string {
  return [change.command, ...change.args].map(quoted).join(' ')
}

function quoted(part: string): string {
  return part === '' || /[\s"'\\]/.test(part) || hidden.test(part) ? shown(part) : part
}

/**
 * Characters that do not show as themselves: controls (a newline would forge a line of the dialog),
 * format characters (bidi overrides and isolates reorder what is read, zero-width ones vanish),
 * line and paragraph separators, private-use and lone surrogates.
 */
const hidden = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}]/u
const hiddenAll = new RegExp(hidden.source, 'gu')

/**
 * A value exactly as the user should read it: JSON-quoted (so its ends and its spaces show, and
 * JSON escapes controls), with every other hidden character as \u{...}.
 */
function shown(value: string): string {
  return escapeHidden(JSON.stringify(value))
}

function escapeHidden(text: string): string {
  return text.replace(hiddenAll, (char) => `\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}`)
}

/**
 * A server name as it is shown between curly quotes: hidden characters escaped, and the curly
 * quotes themselves too, so the name cannot seem to end early.
 */
export function visibleName(name: string): string {
  return escapeHidden(JSON.stringify(name).slice(1, -1)).replace(
    /[“”]/g,
    (char) => `\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}`,
  )
}

/** The longest an environment value is shown; the rest is counted, never silently dropped. */
const valueShown = 200
/** The longest the dialog's words may be; a launch needing more is refused without asking. */
export const consentTextLimit = 4000

const texts = {
  en: {
    add: (name: string) => `Allow the tool server “${name}” to run this program?`,
    change: (name: string) => `Allow the changed tool server “${name}” to run this program?`,
    command: 'Command',
    env: 'Environment',
    cwd: 'Working folder',
    home: 'your home folder',
    why: 'It runs with your permissions whenever the model uses its tools. Allow it only if you added it yourself.',
    more: (count: number) => `… (${count} more characters)`,
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
    more: (count: number) => `… (còn ${count} ký tự nữa)`,
    allow: 'Cho phép',
    cancel: 'Hủy',
  },
} as const

export interface ConsentText {
  message: string
  detail: string
  allow: string
  cancel: string
}

/**
 * The dialog's words in the app's language: the command exactly, each environment value JSON-quoted
 * and cut at 200 characters with the count of the rest, the server name with its hidden characters
 * escaped. Null when the words would be longer than `consentTextLimit`: a dialog that long cannot be
 * read whole, so such a launch is refused rather than asked about.
 */
export function consentText(change: ToolCommandChange, language: 'en' | 'vi'): ConsentText | null {
  const t = texts[language]
  const env = change.env.map(({ name, value }) => {
    const cut = value.length > valueShown ? t.more(value.length - valueShown) : ''
    return `${escapeHidden(name)}=${shown(value.slice(0, valueShown))}${cut}`
  })
  const detail = [
    `${t.command}: ${commandLine(change)}`,
    ...(env.length ? [`${t.env}: ${env.join(' ')}`] : []),
    `${t.cwd}: ${change.cwd === null ? t.home : quoted(change.cwd)}`,
    '',
    t.why,
  ].join('\n')
  const name = visibleName(change.serverName)
  const message = change.kind === 'add' ? t.add(name) : t.change(name)
  if (message.length + detail.length > consentTextLimit) return null
  return { message, detail, allow: t.allow, cancel: t.cancel }
}

/** How the desktop app shows a question: the native dialog; the answer is true for Allow. */
export type ShowConsent = (text: ConsentText) => Promise<boolean>

/** Asks through `show` in the language of the moment; a launch too long to show is refused unasked. */
export function dialogConsent(language: () => 'en' | 'vi', show: ShowConsent): ConfirmToolCommand {
  return async (change) => {
    const text = consentText(change, language())
    return text === null ? false : show(text)
  }
}
