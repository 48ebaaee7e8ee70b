// Types for browser-finder.mjs (plain JavaScript, so `node` runs it before anything is built).
export interface BrowserFinderDeps {
  env: Readonly<Record<string, string | undefined>>
  platform: NodeJS.Platform
  exists(path: string): boolean
  playwrightBrowser(): string | null
}
export interface ProvisionDeps extends BrowserFinderDeps {
  isRoot: boolean
  osRelease: string
  playwrightCli: string
  run(command: string, args: string[], env: Record<string, string>): boolean
  log(line: string): void
}
export type FoundBrowser = { path: string; source: 'CHROMIUM_PATH' | 'system' | 'playwright' } | { error: string }
export function systemCandidates(platform: NodeJS.Platform, env: BrowserFinderDeps['env']): string[]
export function findBrowser(deps: BrowserFinderDeps): FoundBrowser | null
export const debianPackages: string[]
export function isDebianLike(osRelease: string): boolean
export const manualInstallMessage: string
export function provisionBrowser(deps: ProvisionDeps): string
export function systemDeps(): ProvisionDeps
export function chromiumPath(): string
