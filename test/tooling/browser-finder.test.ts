/**
 * The browser finder behind `npm test`'s UI tests, one branch at a time, with the machine's facts
 * injected: no real apt-get and no download run here.
 */
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type * as Finder from '../../scripts/browser-finder.mjs'

const finder = (await import(
  pathToFileURL(join(import.meta.dirname, '../../scripts/browser-finder.mjs')).href
)) as typeof Finder

const debian = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n'
const ubuntu = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n'
const fedora = 'NAME="Fedora Linux"\nID=fedora\n'
const playwrightChrome = '/home/u/.cache/ms-playwright/chromium-1/chrome-linux64/chrome'

/** A machine: the files that exist, and what each command does to them when run. */
function machine(options: {
  files?: string[]
  env?: Record<string, string>
  platform?: NodeJS.Platform
  isRoot?: boolean
  osRelease?: string
  installs?: Record<string, string[]>
}) {
  const files = new Set(options.files ?? [])
  const commands: string[] = []
  const logs: string[] = []
  const deps: Finder.ProvisionDeps = {
    env: options.env ?? { PATH: '/usr/local/bin:/usr/bin' },
    platform: options.platform ?? 'linux',
    exists: (path) => files.has(path),
    isRoot: options.isRoot ?? false,
    osRelease: options.osRelease ?? debian,
    playwrightCli: '/p/node_modules/playwright-core/cli.js',
    playwrightBrowser: () => playwrightChrome,
    run: (command, args) => {
      const line = [command, ...args].join(' ')
      commands.push(line)
      const made = Object.entries(options.installs ?? {}).find(([prefix]) => line.startsWith(prefix))
      for (const file of made?.[1] ?? []) files.add(file)
      return made !== undefined
    },
    log: (line) => logs.push(line),
  }
  return { deps, commands, logs }
}

describe('findBrowser and provisionBrowser', () => {
  it('takes CHROMIUM_PATH first, over a system browser', () => {
    const { deps, commands } = machine({
      files: ['/opt/my/chrome', '/usr/bin/chromium'],
      env: { CHROMIUM_PATH: '/opt/my/chrome', PATH: '/usr/bin' },
    })
    expect(finder.findBrowser(deps)).toEqual({ path: '/opt/my/chrome', source: 'CHROMIUM_PATH' })
    expect(finder.provisionBrowser(deps)).toBe('/opt/my/chrome')
    expect(commands).toEqual([])
  })

  it('reports a CHROMIUM_PATH that does not exist instead of quietly using another browser', () => {
    const { deps } = machine({ files: ['/usr/bin/chromium'], env: { CHROMIUM_PATH: '/nope', PATH: '' } })
    expect(() => finder.provisionBrowser(deps)).toThrow('CHROMIUM_PATH is set to /nope, which does not exist.')
  })

  it("finds Debian's Chromium, then a Chrome on the PATH", () => {
    expect(finder.findBrowser(machine({ files: ['/usr/bin/chromium'] }).deps)).toEqual({
      path: '/usr/bin/chromium',
      source: 'system',
    })
    const chrome = machine({ files: ['/usr/local/bin/google-chrome'] }).deps
    expect(finder.findBrowser(chrome)).toEqual({ path: '/usr/local/bin/google-chrome', source: 'system' })
  })

  it('knows where Chrome lives on macOS and Windows', () => {
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
    expect(finder.findBrowser(machine({ platform: 'darwin', files: [mac] }).deps)).toMatchObject({ path: mac })
    const windowsChrome = join('C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe')
    const windows = machine({ platform: 'win32', env: { PROGRAMFILES: 'C:\\Program Files' }, files: [windowsChrome] })
    expect(finder.findBrowser(windows.deps)).toMatchObject({ path: windowsChrome })
  })

  it('uses a browser Playwright installed earlier when the system has none', () => {
    const { deps, commands } = machine({ files: [playwrightChrome], isRoot: true })
    expect(finder.findBrowser(deps)).toEqual({ path: playwrightChrome, source: 'playwright' })
    expect(finder.provisionBrowser(deps)).toBe(playwrightChrome)
    expect(commands).toEqual([])
  })

  it("installs Debian's chromium with apt-get on Debian or Ubuntu as root", () => {
    for (const osRelease of [debian, ubuntu]) {
      const { deps, commands } = machine({
        isRoot: true,
        osRelease,
        installs: { 'apt-get update': [], 'apt-get install': ['/usr/bin/chromium'] },
      })
      expect(finder.provisionBrowser(deps)).toBe('/usr/bin/chromium')
      expect(commands).toEqual([
        'apt-get update -qq',
        `apt-get install -y -qq --no-install-recommends ${finder.debianPackages.join(' ')}`,
      ])
    }
  })

  it("falls back to Playwright's own download when apt-get fails, is not ours to run, or is not there", () => {
    const cases = [
      machine({ isRoot: true, installs: { 'apt-get update': [], [process.execPath]: [playwrightChrome] } }),
      machine({ isRoot: false, installs: { [process.execPath]: [playwrightChrome] } }),
      machine({ isRoot: true, osRelease: fedora, installs: { [process.execPath]: [playwrightChrome] } }),
    ]
    const cli = `${process.execPath} /p/node_modules/playwright-core/cli.js install`
    // As root on an apt system, with the libraries the browser needs (Ubuntu's chromium is a snap stub).
    const expected = [`${cli} --with-deps chromium`, `${cli} chromium`, `${cli} chromium`]
    cases.forEach(({ deps, commands }, index) => {
      expect(finder.provisionBrowser(deps)).toBe(playwrightChrome)
      expect(commands.at(-1)).toBe(expected[index])
    })
    expect(cases[1]!.commands.some((line) => line.startsWith('apt-get'))).toBe(false)
  })

  it('ends with one message naming the command to run when nothing works', () => {
    const { deps, commands } = machine({ isRoot: false, osRelease: fedora })
    expect(() => finder.provisionBrowser(deps)).toThrow(finder.manualInstallMessage)
    expect(finder.manualInstallMessage).toContain('sudo apt-get install chromium')
    expect(finder.manualInstallMessage).toContain('npx playwright install chromium')
    expect(commands).toHaveLength(1)
  })

  it('reads ID and ID_LIKE from os-release', () => {
    expect(finder.isDebianLike(debian)).toBe(true)
    expect(finder.isDebianLike(ubuntu)).toBe(true)
    expect(finder.isDebianLike('ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe(true)
    expect(finder.isDebianLike(fedora)).toBe(false)
    expect(finder.isDebianLike('')).toBe(false)
  })
})
