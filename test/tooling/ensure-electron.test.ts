/**
 * The step before `npm start`, `dev`, `test:electron` and `dist`: Electron's binary is fetched by
 * Electron's own installer when it is missing, and a failed download ends in a plain message.
 *
 * Each case runs the real script as a child process in a stand-in project whose `node_modules/electron`
 * holds the real package's installer (and the real @electron/get beside it), so nothing here touches
 * this checkout's own Electron and nothing leaves 127.0.0.1: the mirror is a local server.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const root = join(import.meta.dirname, '../..')
const script = join(root, 'scripts/ensure-electron.mjs')
const realElectron = join(root, 'node_modules/electron')
const electronVersion = (JSON.parse(readFileSync(join(realElectron, 'package.json'), 'utf8')) as { version: string })
  .version

interface EnsureElectronModule {
  describeDownloadFailure(stderr: string, mirror: string): string
}
const ensure = (await import(pathToFileURL(script).href)) as EnsureElectronModule

/** A project folder with Electron's package (installer included) but no binary. */
function projectWithoutBinary(): string {
  const project = tempDir()
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'stand-in', private: true }))
  const electronDir = join(project, 'node_modules/electron')
  mkdirSync(electronDir, { recursive: true })
  for (const file of ['package.json', 'install.js', 'checksums.json'])
    copyFileSync(join(realElectron, file), join(electronDir, file))
  // The installer's own dependency, the real one.
  symlinkSync(join(root, 'node_modules/@electron'), join(project, 'node_modules/@electron'), 'dir')
  return project
}

/** The same project after a successful install: what install.js leaves behind. */
function projectWithBinary(): string {
  const project = projectWithoutBinary()
  const electronDir = join(project, 'node_modules/electron')
  const executable = process.platform === 'win32' ? 'electron.exe' : 'electron'
  mkdirSync(join(electronDir, 'dist'))
  writeFileSync(join(electronDir, 'dist/version'), electronVersion)
  writeFileSync(join(electronDir, 'dist', executable), '')
  writeFileSync(join(electronDir, 'path.txt'), executable)
  return project
}

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

/** A mirror on 127.0.0.1 that has nothing (404) and remembers what was asked. */
async function emptyMirror(): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = []
  const server = createServer((request, response) => {
    requests.push(request.url ?? '')
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not here')
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests }
}

function run(project: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    // Only what the installer needs: no proxy from this machine, a cache of its own (a cached zip
    // would make the download succeed without asking the mirror).
    const child = spawn(process.execPath, [script], {
      cwd: project,
      env: { PATH: process.env.PATH ?? '', HOME: tempDir(), electron_config_cache: tempDir(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('close', (code) => resolve({ code, output }))
  })
}

describe('scripts/ensure-electron.mjs', () => {
  it('asks the mirror for the binary and, when it answers 404, exits non-zero with a plain message and no stack', async () => {
    const mirror = await emptyMirror()
    const { code, output } = await run(projectWithoutBinary(), { ELECTRON_MIRROR: mirror.url })
    expect(code).toBe(1)
    expect(mirror.requests).toEqual([expect.stringContaining(`electron-v${electronVersion}-`)])
    expect(output).toContain(`Could not download Electron ${electronVersion}`)
    expect(output).toContain('404')
    expect(output).toContain('ELECTRON_MIRROR')
    expect(output).toContain('npm run web')
    expect(output).not.toMatch(/^\s+at /m)
    expect(output).not.toContain('HTTPError')
  })

  it('does nothing when the binary is there: no download, no output, exit 0', async () => {
    const mirror = await emptyMirror()
    const { code, output } = await run(projectWithBinary(), { ELECTRON_MIRROR: mirror.url })
    expect(code).toBe(0)
    expect(output).toBe('')
    expect(mirror.requests).toEqual([])
  })

  it('words a refused connection as a reachability problem naming the host, without a stack', async () => {
    const mirror = await emptyMirror()
    const closedPort = mirror.url
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
    const { code, output } = await run(projectWithoutBinary(), { ELECTRON_MIRROR: closedPort })
    expect(code).toBe(1)
    expect(output).toContain(`${new URL(closedPort).host} could not be reached`)
    expect(output).not.toMatch(/^\s+at /m)
  })

  it('reads the first line of the installer error only', () => {
    const stack = 'Error: Generated checksum for "electron.zip" did not match expected checksum.\n    at x (y.js:1:1)'
    expect(ensure.describeDownloadFailure(stack, 'mirror.test')).toMatch(/^the downloaded file did not match/)
    expect(ensure.describeDownloadFailure('', 'mirror.test')).toBe('the installer failed without saying why')
  })

  it('runs before every npm script that starts Electron', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    for (const name of ['start', 'dev', 'test:electron', 'dist'])
      expect(scripts[name], name).toMatch(/^node scripts\/ensure-electron\.mjs && /)
  })
})
