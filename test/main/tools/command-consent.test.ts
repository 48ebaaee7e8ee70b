import { describe, expect, it } from 'vitest'
import {
  commandChanges,
  commandLine,
  consentText,
  consentTextLimit,
  dialogConsent,
  oneAtATime,
  type ConsentText,
} from '../../../src/main/tools/command-consent'
import { toolCommandFlag } from '../../../src/main/web/tool-command-flag'
import { stdioTestServer } from '../../support/mcp-servers'

const change = {
  kind: 'add' as const,
  serverName: 'Files',
  command: '/usr/bin/npx',
  args: ['-y', '@scope/server files', 'it"s'],
  env: [{ name: 'ROOT', value: '/home/me' }],
  cwd: null,
}

describe('tool command consent', () => {
  it('names the exact command, quoting parts with spaces or quotes, in English and Vietnamese', () => {
    expect(commandLine(change)).toBe('/usr/bin/npx -y "@scope/server files" "it\\"s"')
    const en = consentText(change, 'en')!
    expect(en.message).toBe('Allow the tool server “Files” to run this program?')
    expect(en.detail).toContain('Command: /usr/bin/npx -y "@scope/server files" "it\\"s"')
    expect(en.detail).toContain('Environment: ROOT="/home/me"')
    expect(en.detail).toContain('Working folder: your home folder')
    expect([en.cancel, en.allow]).toEqual(['Cancel', 'Allow'])
    const vi = consentText({ ...change, kind: 'change' }, 'vi')!
    expect(vi.message).toBe('Cho phép máy chủ công cụ “Files” đã sửa chạy chương trình này?')
    expect(vi.detail).toContain('Lệnh: /usr/bin/npx')
    expect([vi.cancel, vi.allow]).toEqual(['Hủy', 'Cho phép'])
  })

  it('asks about launches that are new under their id, not about the same launch switched or renamed', () => {
    const server = stdioTestServer()
    expect(commandChanges([], [server]).map((entry) => entry.kind)).toEqual(['add'])
    expect(commandChanges([server], [{ ...server, enabled: false, name: 'Other', disabledTools: ['echo'] }])).toEqual(
      [],
    )
    expect(commandChanges([server], [{ ...server, cwd: '/tmp' }]).map((entry) => entry.kind)).toEqual(['change'])
    expect(commandChanges([server], [{ ...server, env: [{ name: 'LD_PRELOAD', value: '/tmp/x.so' }] }])).toHaveLength(1)
    // Another server's launch moved under this id is new here.
    const other = stdioTestServer({ id: 'other', command: '/bin/sh' })
    expect(commandChanges([server, other], [{ ...other, id: server.id }])).toHaveLength(1)
  })

  it('browser mode allows only when HOLYSHEEP_ALLOW_TOOL_COMMANDS=1 was set by whoever started it, and prints the command', async () => {
    const printed: string[] = []
    expect(await toolCommandFlag({}, (line) => printed.push(line))(change)).toBe(false)
    expect(await toolCommandFlag({ HOLYSHEEP_ALLOW_TOOL_COMMANDS: 'yes' }, (line) => printed.push(line))(change)).toBe(
      false,
    )
    expect(await toolCommandFlag({ HOLYSHEEP_ALLOW_TOOL_COMMANDS: '1' }, (line) => printed.push(line))(change)).toBe(
      true,
    )
    expect(printed[0]).toMatch(
      /^Refused the tool server “Files” \(\/usr\/bin\/npx -y .*HOLYSHEEP_ALLOW_TOOL_COMMANDS=1/,
    )
    expect(printed[2]).toMatch(/^Allowed the tool server “Files” \(\/usr\/bin\/npx/)
    // The terminal gets no control characters from the page either.
    await toolCommandFlag({}, (line) => printed.push(line))({
      ...change,
      serverName: 'F\u001b[2J',
      args: ['\u001b[1A'],
    })
    expect(printed[3]).toBe(
      'Refused the tool server “F\\u001b[2J” (/usr/bin/npx "\\u001b[1A"): start browser mode with HOLYSHEEP_ALLOW_TOOL_COMMANDS=1 to allow tool servers that run a command.\n',
    )
  })

  it('asks one question at a time, and a confirm that fails counts as refused', async () => {
    const open: string[] = []
    let most = 0
    const answers: Array<() => void> = []
    const confirm = oneAtATime(async (asked) => {
      if (asked.serverName === 'Broken') throw new Error('no window')
      open.push(asked.serverName)
      most = Math.max(most, open.length)
      await new Promise<void>((resolve) => answers.push(resolve))
      open.pop()
      return asked.serverName === 'B'
    })
    const a = confirm({ ...change, serverName: 'A' })
    const broken = confirm({ ...change, serverName: 'Broken' })
    const b = confirm({ ...change, serverName: 'B' })
    await expect.poll(() => answers.length).toBe(1)
    answers[0]!()
    await expect.poll(() => answers.length).toBe(2)
    answers[1]!()
    expect(await Promise.all([a, broken, b])).toEqual([false, false, true])
    expect(most).toBe(1)
  })

  it('shows a value padded past the cut as cut, with the count of what is not shown', () => {
    const hiddenPart = '--import=data:text/javascript,process.exit()'
    const padded = { name: 'NODE_OPTIONS', value: ' '.repeat(190) + hiddenPart }
    const en = consentText({ ...change, env: [padded] }, 'en')!
    expect(en.detail).toContain(
      `Environment: NODE_OPTIONS="${' '.repeat(190)}${hiddenPart.slice(0, 10)}"… (${hiddenPart.length - 10} more characters)`,
    )
    const vi = consentText({ ...change, env: [padded] }, 'vi')!
    expect(vi.detail).toContain(`… (còn ${hiddenPart.length - 10} ký tự nữa)`)
  })

  it('escapes newlines in a value, an argument or the name, so none forges a line of the dialog', () => {
    const forged = consentText(
      {
        ...change,
        serverName: 'Files\nWorking folder: /safe',
        args: ['x\nWorking folder: /safe'],
        env: [{ name: 'A', value: 'b\r\nWorking folder: /safe' }],
        cwd: '/tmp/x\nCommand: /bin/true',
      },
      'en',
    )!
    expect(forged.message).toBe('Allow the tool server “Files\\nWorking folder: /safe” to run this program?')
    const lines = forged.detail.split('\n')
    expect(lines.filter((line) => line.startsWith('Working folder:'))).toEqual([
      'Working folder: "/tmp/x\\nCommand: /bin/true"',
    ])
    expect(lines.filter((line) => line.startsWith('Command:'))).toEqual([
      'Command: /usr/bin/npx "x\\nWorking folder: /safe"',
    ])
    expect(forged.detail).toContain('Environment: A="b\\r\\nWorking folder: /safe"')
  })

  it('shows bidi and invisible format characters as escapes, wherever they are', () => {
    const marks = ['\u202a', '\u202e', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c', '\u200b', '\u2028']
    const text = consentText(
      {
        ...change,
        serverName: `Files${marks.join('')}”x`,
        command: `/usr/bin/npx\u202e`,
        args: [`a${marks.join('')}`],
        env: [{ name: `N\u202e`, value: `v${marks.join('')}` }],
        cwd: `/tmp\u2067`,
      },
      'en',
    )!
    const escaped = '\\u{202A}\\u{202E}\\u{2066}\\u{2069}\\u{200E}\\u{200F}\\u{61C}\\u{200B}\\u{2028}'
    expect(text.message).toBe(`Allow the tool server “Files${escaped}\\u{201D}x” to run this program?`)
    expect(text.detail).toContain(`Command: "/usr/bin/npx\\u{202E}" "a${escaped}"`)
    expect(text.detail).toContain(`Environment: N\\u{202E}="v${escaped}"`)
    expect(text.detail).toContain('Working folder: "/tmp\\u{2067}"')
    for (const mark of marks) {
      expect(text.message).not.toContain(mark)
      expect(text.detail).not.toContain(mark)
    }
  })

  it('refuses without asking a launch too long for the dialog, and asks about one that fits', async () => {
    const asked: ConsentText[] = []
    const confirm = dialogConsent(
      () => 'en',
      async (text) => {
        asked.push(text)
        return true
      },
    )
    const long = { ...change, args: Array.from({ length: 50 }, () => 'x'.repeat(100)) }
    expect(consentText(long, 'en')).toBeNull()
    expect(await confirm(long)).toBe(false)
    // Many cut environment values add up too.
    const manyValues = {
      ...change,
      env: Array.from({ length: 30 }, (_, i) => ({ name: `V${i}`, value: 'y'.repeat(500) })),
    }
    expect(await confirm(manyValues)).toBe(false)
    expect(asked).toEqual([])
    expect(await confirm(change)).toBe(true)
    expect(asked).toHaveLength(1)
    expect(asked[0]!.message.length + asked[0]!.detail.length).toBeLessThanOrEqual(consentTextLimit)
  })
})
