import { describe, expect, it } from 'vitest'
import { commandChanges, commandLine, consentText, oneAtATime } from '../../../src/main/tools/command-consent'
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
    const en = consentText(change, 'en')
    expect(en.message).toBe('Allow the tool server “Files” to run this program?')
    expect(en.detail).toContain('Command: /usr/bin/npx -y "@scope/server files" "it\\"s"')
    expect(en.detail).toContain('Environment: ROOT=/home/me')
    expect(en.detail).toContain('Working folder: your home folder')
    expect([en.cancel, en.allow]).toEqual(['Cancel', 'Allow'])
    const vi = consentText({ ...change, kind: 'change' }, 'vi')
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
})
