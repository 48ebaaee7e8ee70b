/**
 * electron-builder's afterPack hook (see electron-builder.yml): flips the Electron fuses in the
 * packaged binary, before it is signed. Fuses are switches compiled into Electron; flipped here
 * they cannot be turned back by an environment variable or a command-line flag.
 * test/packaging/fuses.test.ts runs this hook against a binary carrying a fuse wire.
 */
import { join } from 'node:path'
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses'

/** Every fuse of this Electron, decided explicitly (strictlyRequireAllFuses makes a new one fail the build). */
export const fuses = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node that runs any script.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and other on-disk browser data are encrypted with the OS key store.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS (--require, --inspect) would let anyone who sets the environment run code in main.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would open a debugger on the main process, which holds the key.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash signed into the app (macOS, Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded: no app/ folder or default_app beside it can take its place.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // A separate browser-process V8 snapshot is not used.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // Kept on: the renderer is loaded from file:// (its module scripts need these privileges). What a page
  // may load is limited to out/renderer by the session's request filter (src/main/security/request-filter.ts).
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
  // Electron's default: WebAssembly out-of-bounds checks by signal handlers.
  [FuseV1Options.WasmTrapHandlers]: true,
}

/** Where electron-builder put the Electron binary (for macOS, the .app bundle, which @electron/fuses understands). */
export function electronBinaryPath(context) {
  const { electronPlatformName: platform, appOutDir, packager } = context
  if (platform === 'darwin' || platform === 'mas') return join(appOutDir, `${packager.appInfo.productFilename}.app`)
  if (platform === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`)
  return join(appOutDir, packager.executableName)
}

export default async function afterPack(context) {
  const darwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas'
  // Flipping fuses breaks an ad-hoc signature on Apple silicon; re-sign ad hoc (a real identity signs later).
  await flipFuses(electronBinaryPath(context), { ...fuses, resetAdHocDarwinSignature: darwin })
}
