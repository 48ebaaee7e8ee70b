/**
 * What can be checked of packaging without downloading Electron: electron-builder.yml against
 * electron-builder's own schema, its settings per OS, the icon and entitlements it points to, and
 * which files go into the package (with electron-builder's own file matcher).
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'

const root = join(import.meta.dirname, '../..')
const load = createRequire(import.meta.url)
const tempDir = useTempDirs()

// electron-builder's internals, typed as far as this test uses them.
interface Configuration extends Record<string, unknown> {
  files?: string[]
}
const { getConfig, validateConfiguration } = load('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Configuration>
  validateConfiguration(config: Configuration, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>
}
const { getMainFileMatchers } = load('app-builder-lib/out/fileMatcher') as {
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformOptions: Record<string, unknown>,
    platformPackager: unknown,
    outDir: string,
    isElectronCompile: boolean,
  ): Array<{ createFilter(): (file: string, stat: ReturnType<typeof statSync>) => boolean }>
}
const quietLogger = { isEnabled: false, add() {} }

async function loadConfig(projectDir = root): Promise<Configuration> {
  return getConfig(projectDir, null, null)
}

/** The files electron-builder would copy into app.asar from `projectDir`, as relative paths. */
async function packagedFiles(projectDir: string): Promise<string[]> {
  const config = await loadConfig(projectDir)
  const packager = {
    info: { projectDir, buildResourcesDir: 'build', isPrepackedAppAsar: false, config, debugLogger: quietLogger },
  }
  const [matcher] = getMainFileMatchers(projectDir, '/app', (p) => p, {}, packager, join(projectDir, 'dist'), false)
  const filter = matcher!.createFilter()
  const included: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      const stat = statSync(path)
      if (!filter(path, stat)) continue
      if (stat.isDirectory()) walk(path)
      else included.push(relative(projectDir, path).split('\\').join('/'))
    }
  }
  walk(projectDir)
  return included.sort()
}

describe('electron-builder configuration', () => {
  it('is valid against electron-builder’s schema', async () => {
    await expect(validateConfiguration(await loadConfig(), quietLogger)).resolves.toBeUndefined()
  })

  it('the schema check is live: a misspelt option is refused', async () => {
    const config = { ...(await loadConfig()), mac: { hardendRuntime: true } }
    await expect(validateConfiguration(config, quietLogger)).rejects.toThrow(
      /Invalid configuration object[\s\S]*configuration\.mac/,
    )
  })

  it('builds NSIS, dmg (and the zip macOS updates from) with hardened runtime, AppImage and deb, in an asar, with the fuses hook', async () => {
    const config = await loadConfig()
    expect(config).toMatchObject({
      appId: 'ai.holysheep.chat',
      productName: 'HolySheep Chat',
      asar: true,
      afterPack: './scripts/after-pack.mjs',
      win: { target: ['nsis'] },
      mac: { target: ['dmg', 'zip'], hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist' },
      linux: { target: ['AppImage', 'deb'] },
      nsis: { deleteAppDataOnUninstall: false },
    })
    expect(statSync(join(root, 'scripts/after-pack.mjs')).isFile()).toBe(true)
  })

  it('asks macOS for no entitlement but JIT', () => {
    const plist = readFileSync(join(root, 'build/entitlements.mac.plist'), 'utf8')
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1])).toEqual([
      'com.apple.security.cs.allow-jit',
    ])
  })

  it('has a 512×512 PNG icon for electron-builder to derive the others from', () => {
    const png = readFileSync(join(root, 'build/icon.png'))
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512])
  })

  it('packages the built app and package.json, and no sources, tests, maps or secrets', async () => {
    // A project tree shaped like this repository after `npm run build`.
    const project = tempDir()
    const files = [
      'out/main/index.js',
      'out/main/index.js.map',
      'out/main/transfer-worker.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-abc.js',
      'out/renderer/assets/index-abc.css',
      'src/main/index.ts',
      'src/renderer/index.html',
      'test/main/x.test.ts',
      'bench/run.ts',
      'scripts/after-pack.mjs',
      'security/electronegativity-allowlist.json',
      'docs/chat.png',
      'build/icon.png',
      'README.md',
      'tsconfig.json',
      '.env',
      'dist/HolySheep Chat.AppImage',
      'electron-builder.yml',
    ]
    for (const file of files) {
      mkdirSync(dirname(join(project, file)), { recursive: true })
      writeFileSync(join(project, file), '')
    }
    writeFileSync(join(project, 'electron-builder.yml'), readFileSync(join(root, 'electron-builder.yml')))
    writeFileSync(join(project, 'package.json'), readFileSync(join(root, 'package.json')))
    expect(await packagedFiles(project)).toEqual([
      'out/main/index.js',
      'out/main/transfer-worker.js',
      'out/preload/index.cjs',
      'out/renderer/assets/index-abc.css',
      'out/renderer/assets/index-abc.js',
      'out/renderer/index.html',
      'package.json',
    ])
  })

  it('package.json points Electron at the built main, and npm run dist builds first', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      main: string
      scripts: Record<string, string>
    }
    expect(pkg.main).toBe('out/main/index.js')
    expect(pkg.scripts.dist).toMatch(/^node scripts\/ensure-electron\.mjs && npm run build && electron-builder/)
  })
})
