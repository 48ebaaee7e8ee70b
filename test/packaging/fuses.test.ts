/**
 * The afterPack hook flips the Electron fuses. Electron itself cannot be downloaded here, so the hook
 * runs against a stand-in binary carrying the fuse wire exactly as Electron lays it out (sentinel,
 * version, length, one byte per fuse, Electron's defaults), and the wire is read back with
 * @electron/fuses.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const root = join(import.meta.dirname, '../..')

interface PackContext {
  electronPlatformName: string
  appOutDir: string
  packager: { executableName: string; appInfo: { productFilename: string } }
}
interface AfterPackModule {
  default(context: PackContext): Promise<void>
  electronBinaryPath(context: PackContext): string
  fuses: Record<string, unknown>
}
const hook = (await import(pathToFileURL(join(root, 'scripts/after-pack.mjs')).href)) as AfterPackModule

const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/** Electron's shipped defaults, in wire order: RunAsNode on, cookie encryption off, NODE_OPTIONS on, ... */
const electronDefaults = '101100011'

function fakeElectronBinary(path: string) {
  const padding = Buffer.alloc(4096, 0x90)
  const wire = Buffer.concat([
    Buffer.from(sentinel),
    Buffer.from([1, electronDefaults.length]),
    Buffer.from(electronDefaults),
  ])
  writeFileSync(path, Buffer.concat([padding, wire, padding]))
}

const context = (platform: string, appOutDir: string): PackContext => ({
  electronPlatformName: platform,
  appOutDir,
  packager: { executableName: 'holysheep-chat', appInfo: { productFilename: 'HolySheep Chat' } },
})

describe('Electron fuses', () => {
  it('are all decided, with the hardening ones set', () => {
    expect(hook.fuses).toMatchObject({
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    })
    const numeric = Object.values(FuseV1Options).filter((value) => typeof value === 'number')
    for (const fuse of numeric) expect(typeof hook.fuses[fuse], FuseV1Options[fuse]).toBe('boolean')
  })

  it('the afterPack hook flips them in the packaged binary', async () => {
    const appOutDir = tempDir()
    const binary = join(appOutDir, 'holysheep-chat')
    fakeElectronBinary(binary)
    await hook.default(context('linux', appOutDir))
    const wire = await getCurrentFuseWire(binary)
    const state = (fuse: FuseV1Options) => String.fromCharCode(wire[fuse] as unknown as number)
    expect(state(FuseV1Options.RunAsNode)).toBe('0')
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe('1')
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0')
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0')
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1')
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1')
  })

  it('finds the binary where electron-builder puts it on each OS', () => {
    expect(hook.electronBinaryPath(context('linux', '/o'))).toBe(join('/o', 'holysheep-chat'))
    expect(hook.electronBinaryPath(context('win32', '/o'))).toBe(join('/o', 'HolySheep Chat.exe'))
    expect(hook.electronBinaryPath(context('darwin', '/o'))).toBe(join('/o', 'HolySheep Chat.app'))
  })
})
