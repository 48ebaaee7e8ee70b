// Which Chromium the UI tests, the screenshots and the renderer bench drive, and how one is provisioned
// when the machine has none. Playwright never downloads a browser on its own here: the order is
//   1. CHROMIUM_PATH, when set (it must exist: a wrong path is reported, not skipped);
//   2. a system Chromium or Chrome (Debian's /usr/bin/chromium first);
//   3. a browser Playwright installed earlier (`playwright install chromium`);
// and, when none is found (`npm test` runs `provisionBrowser` first):
//   4. on Debian or Ubuntu as root, Debian's `chromium` package through apt-get (what CI needs);
//   5. else Playwright's own `playwright install chromium`, which needs internet;
//   6. else a message naming the one command to run.
// Every outside fact (environment, files, commands) is passed in, so each branch is tested with the
// candidates injected; `systemDeps()` gives the real ones.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, dirname, join } from 'node:path'

/** Executable names looked up on the PATH, then well-known install locations, per platform. */
export function systemCandidates(platform, env) {
  if (platform === 'darwin')
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ]
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean)
    return roots.flatMap((root) => [
      join(root, 'Chromium', 'Application', 'chrome.exe'),
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    ])
  }
  const onPath = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean)
  return ['/usr/bin/chromium', ...onPath.flatMap((name) => dirs.map((dir) => join(dir, name))), '/snap/bin/chromium']
}

/**
 * @returns {{ path: string, source: 'CHROMIUM_PATH' | 'system' | 'playwright' } | { error: string } | null}
 */
export function findBrowser({ env, platform, exists, playwrightBrowser }) {
  if (env.CHROMIUM_PATH) {
    if (exists(env.CHROMIUM_PATH)) return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' }
    return { error: `CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which does not exist.` }
  }
  const system = systemCandidates(platform, env).find((path) => exists(path))
  if (system) return { path: system, source: 'system' }
  const installed = playwrightBrowser()
  if (installed && exists(installed)) return { path: installed, source: 'playwright' }
  return null
}

/** Debian's package, and fonts so that Vietnamese text and emoji render in the screenshots. */
export const debianPackages = ['chromium', 'fonts-noto-core', 'fonts-noto-color-emoji']

export function isDebianLike(osRelease) {
  const field = (name) => new RegExp(`^${name}="?([^"\\n]*)"?$`, 'm').exec(osRelease)?.[1] ?? ''
  return /\b(debian|ubuntu)\b/.test(`${field('ID')} ${field('ID_LIKE')}`)
}

export const manualInstallMessage = [
  'No Chromium or Chrome was found for the UI tests, and none could be installed.',
  'Run one command, then npm test again:',
  '  Debian or Ubuntu:  sudo apt-get install chromium',
  '  anywhere else:     npx playwright install chromium   (downloads Playwright’s Chromium; needs internet)',
  'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
].join('\n')

/**
 * Finds a browser, installing one when there is none. Returns the path, or throws an Error whose
 * message is meant for the user as it is.
 */
export function provisionBrowser(deps) {
  const found = findBrowser(deps)
  if (found && 'error' in found) throw new Error(found.error)
  if (found) return found.path
  const { platform, isRoot, osRelease, run, log } = deps
  if (platform === 'linux' && isRoot && isDebianLike(osRelease)) {
    log(`No Chromium found: installing Debian's ${debianPackages.join(', ')} with apt-get…`)
    const env = { DEBIAN_FRONTEND: 'noninteractive' }
    const ok =
      run('apt-get', ['update', '-qq'], env) &&
      run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...debianPackages], env)
    const installed = ok && findBrowser(deps)
    if (installed && 'path' in installed) return installed.path
    log('apt-get could not install Chromium; trying Playwright’s own browser instead.')
  }
  // As root on an apt system, Playwright can install the libraries its browser needs too (Ubuntu's
  // `chromium` is only a snap stub, so there this is the way that works).
  const withDeps = platform === 'linux' && isRoot && isDebianLike(osRelease) ? ['--with-deps'] : []
  log('No Chromium found: running playwright install chromium (needs internet)…')
  if (run(process.execPath, [deps.playwrightCli, 'install', ...withDeps, 'chromium'], {})) {
    const installed = findBrowser(deps)
    if (installed && 'path' in installed) return installed.path
  }
  throw new Error(manualInstallMessage)
}

/** The real machine: its environment, files, commands and Playwright's own browser location. */
export function systemDeps() {
  const require = createRequire(import.meta.url)
  const readOsRelease = () => {
    try {
      return readFileSync('/etc/os-release', 'utf8')
    } catch {
      return ''
    }
  }
  return {
    env: process.env,
    platform: process.platform,
    exists: existsSync,
    isRoot: process.getuid?.() === 0,
    osRelease: readOsRelease(),
    playwrightCli: join(dirname(require.resolve('playwright-core/package.json')), 'cli.js'),
    playwrightBrowser: () => {
      try {
        return require('playwright-core').chromium.executablePath()
      } catch {
        return null
      }
    },
    run: (command, args, extraEnv) =>
      spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } }).status === 0,
    log: (line) => console.error(line),
  }
}

/** For configs: the browser found now, without installing anything; throws the user's message. */
export function chromiumPath() {
  const found = findBrowser(systemDeps())
  if (found && 'path' in found) return found.path
  throw new Error(found?.error ?? manualInstallMessage)
}
