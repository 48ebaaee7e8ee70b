// Runs before every npm script that starts Electron (start, dev, test:electron, dist).
//
// Since Electron 42 the `electron` package no longer downloads its binary at `npm install`; it does so
// lazily, the first time its own `bin` runs. electron-vite reads `node_modules/electron/path.txt`
// directly and throws "Electron uninstall" when it is missing (electron-vite issue #904), so without
// this step `npm start` fails on every fresh machine. We run Electron's own installer
// (`electron/install.js`, which uses @electron/get and so honours ELECTRON_MIRROR,
// ELECTRON_CUSTOM_DIR, electron_config_cache, the proxy variables and the rest), once: when the binary
// is there, nothing is spawned. When the download cannot happen, the user gets a short message in
// plain words instead of the installer's stack trace.
//
// The Electron looked for is the one the project in the current folder depends on (npm runs scripts
// from the project's root).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The executable's path inside `dist/`, as Electron's installer names it for this platform. */
function platformPath(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  if (platform === 'win32') return 'electron.exe'
  return 'electron'
}

/** Where the project's `electron` package is, or null when it is not installed at all. */
export function electronPackageDir(projectDir) {
  try {
    return dirname(createRequire(join(projectDir, 'package.json')).resolve('electron/package.json'))
  } catch {
    return null
  }
}

/** The same test Electron's install.js makes before it downloads anything. */
export function isElectronInstalled(electronDir, env = process.env) {
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform
  try {
    const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'))
    if (readFileSync(join(electronDir, 'dist', 'version'), 'utf8').replace(/^v/, '') !== version) return false
    if (readFileSync(join(electronDir, 'path.txt'), 'utf8') !== platformPath(platform)) return false
    return existsSync(env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist', platformPath(platform)))
  } catch {
    return false
  }
}

/**
 * Turns the installer's output (a stack trace from @electron/get or got) into one plain line.
 * Only the first line of the error counts; the rest is the stack.
 */
export function describeDownloadFailure(stderr, mirror) {
  const firstLine =
    stderr
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line && !line.startsWith('at ')) ?? ''
  const status = /Response code (\d{3})(?: \(([^)]*)\))?(?: for (\S+))?/.exec(firstLine)
  if (status) {
    const [, code, text, url] = status
    return `the download server answered ${code}${text ? ` ${text}` : ''}${url ? ` for ${url}` : ''}`
  }
  const network = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH)\b/.exec(firstLine)
  // Node's fetch says only "fetch failed" (the cause, such as ENOTFOUND, is not in the stack it prints).
  if (network || /fetch failed/i.test(firstLine)) {
    const code = network ? ` (${network[1]})` : ''
    return `${mirror} could not be reached${code}: this computer seems offline, or needs a proxy (set HTTPS_PROXY)`
  }
  if (/checksum/i.test(firstLine)) return `the downloaded file did not match Electron's checksum (${firstLine})`
  return firstLine ? firstLine.slice(0, 300) : 'the installer failed without saying why'
}

/** The host @electron/get downloads from: the mirror when one is set, else GitHub's releases. */
function downloadHost(env) {
  const mirror = env.ELECTRON_MIRROR || env.npm_config_electron_mirror || env.npm_package_config_electron_mirror
  try {
    return new URL(mirror || 'https://github.com/electron/electron/releases/download/').host
  } catch {
    return mirror
  }
}

export function failureMessage(version, reason) {
  return [
    `Could not download Electron ${version}, which the desktop app needs: ${reason}.`,
    'To use a mirror, set ELECTRON_MIRROR (for example ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/)',
    'and run the command again. Without Electron, the app runs in your browser: npm run web',
  ].join('\n')
}

/** Returns the exit code: 0 when Electron is (now) installed. */
export function ensureElectron({ projectDir = process.cwd(), env = process.env, write = console.error } = {}) {
  const electronDir = electronPackageDir(projectDir)
  if (!electronDir) {
    write('The electron package is not installed. Run npm install first.')
    return 1
  }
  if (isElectronInstalled(electronDir, env)) return 0
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'))
  write(`Downloading Electron ${version} (once; later starts skip this)…`)
  const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: projectDir,
    env,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  })
  if (install.status === 0 && isElectronInstalled(electronDir, env)) return 0
  const stderr = install.stderr ?? install.error?.message ?? ''
  write(failureMessage(version, describeDownloadFailure(stderr, downloadHost(env))))
  return 1
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(ensureElectron())
