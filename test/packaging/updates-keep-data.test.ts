/**
 * Updates must land in the same app with the same data folder. Electron keeps a user's history,
 * settings and key in `userData` = <the OS's app data folder>/<productName>, and electron-builder
 * recognises an installed copy by its `appId` (the Windows uninstall key, the macOS bundle id, the
 * Linux package): renaming either installs a second app beside the first and leaves every
 * conversation behind in the old folder. So the values are pinned here, not read from the config.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')
const load = createRequire(import.meta.url)

interface Configuration extends Record<string, unknown> {
  appId?: string
  productName?: string
  directories?: Record<string, string>
  extraMetadata?: Record<string, unknown>
  publish?: unknown
  mac?: { target?: string[] }
  win?: { target?: string[] }
  linux?: { target?: string[] }
}
const { getConfig, validateConfiguration } = load('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Configuration>
  validateConfiguration(config: Configuration, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>
}
const { expandMacro } = load('app-builder-lib/out/util/macroExpander') as {
  expandMacro(pattern: string, arch: string | null, appInfo: object, extra: Record<string, string>): string
}
const quietLogger = { isEnabled: false, add() {} }

/** What the app has shipped with; changing either moves (strands) every user's data. */
const shippedAppId = 'ai.holysheep.chat'
const shippedProductName = 'HolySheep Chat'

const packageJson = () =>
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; productName?: string }

describe('updates keep the data folder', () => {
  it('keeps the appId and productName the app shipped with, in the config and in package.json', async () => {
    const config = await getConfig(root, null, null)
    expect(config.appId).toBe(shippedAppId)
    expect(config.productName).toBe(shippedProductName)
    // Electron names the userData folder from package.json's productName (its name only if that is absent).
    expect(packageJson().productName).toBe(shippedProductName)
  })

  it('sets nothing that would rename the packaged app or point it at another folder', async () => {
    const config = await getConfig(root, null, null)
    // extraMetadata is merged into the packaged package.json: a name or productName there renames userData.
    expect(config.extraMetadata?.productName).toBeUndefined()
    expect(config.extraMetadata?.name).toBeUndefined()
    // Only where the build reads resources and writes installers; `app` would package another package.json.
    for (const key of Object.keys(config.directories ?? {})) expect(['output', 'buildResources']).toContain(key)
    // Each OS may set its own appId; none may differ from the one the app shipped with.
    for (const platform of ['mac', 'win', 'linux'] as const) {
      const options = (config[platform] ?? {}) as { appId?: string }
      expect(options.appId ?? shippedAppId).toBe(shippedAppId)
    }
  })
})

describe('the update feed', () => {
  it('is a generic HTTPS folder per OS', async () => {
    const config = await getConfig(root, null, null)
    expect(config.publish).toEqual({ provider: 'generic', url: 'https://updates.holysheep.ai/desktop/${os}' })
    const url = (config.publish as { url: string }).url
    // electron-builder expands ${os} to the platform's configuration key when it writes app-update.yml.
    expect(['mac', 'win', 'linux'].map((os) => expandMacro(url, null, {}, { os }))).toEqual([
      'https://updates.holysheep.ai/desktop/mac',
      'https://updates.holysheep.ai/desktop/win',
      'https://updates.holysheep.ai/desktop/linux',
    ])
  })

  it('is checked by the schema: a provider electron-builder does not know is refused', async () => {
    const config = await getConfig(root, null, null)
    await expect(
      validateConfiguration({ ...config, publish: { provider: 'generik', url: 'https://x.example/' } }, quietLogger),
    ).rejects.toThrow(/configuration\.publish/)
  })

  it('builds a target electron-updater can update on each OS', async () => {
    const config = await getConfig(root, null, null)
    // Squirrel.Mac downloads the zip; NSIS, AppImage and deb update themselves.
    expect(config.mac?.target).toContain('zip')
    expect(config.win?.target).toContain('nsis')
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']))
  })
})
