/**
 * Starts browser mode as the user does (the built `out/main/web.js`, a child process under this
 * Node) and reads the one line it prints with the URL. Used by the Playwright tests and the
 * kill -9 test (`npm run test:unit` and `test:e2e` build first when the sources changed).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface BrowserModeProcess {
  url: string
  dataDir: string
  child: ChildProcess
  /** Everything written to stdout and stderr, for assertions about logs. */
  output(): string
  stop(): Promise<void>
}

export interface BrowserModeOptions {
  /** HOLYSHEEP_BASE_URL; null leaves it unset, so the settings decide (a test must then set one on 127.0.0.1). */
  baseURL: string | null
  apiKey?: string
  dataDir?: string
  /** PORT; any free port by default. */
  port?: number
  /** Another build's `out/main/web.js` (the start-up bench runs an older build side by side). */
  webEntry?: string
  /** HOLYSHEEP_ALLOW_TOOL_COMMANDS=1: the user who starts it allows stdio tool servers added from the page. */
  allowToolCommands?: boolean
}

const webEntry = join(import.meta.dirname, '../../out/main/web.js')

export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserModeProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'holysheep-e2e-'))
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(options.port ?? 0),
    HOLYSHEEP_DATA_DIR: dataDir,
  }
  delete env.HOLYSHEEP_BASE_URL
  if (options.baseURL !== null) env.HOLYSHEEP_BASE_URL = options.baseURL
  delete env.HOLYSHEEP_API_KEY
  // The machine's proxy must not sit between the app and the local fake gateway.
  for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'])
    delete env[name]
  if (options.apiKey !== undefined) env.HOLYSHEEP_API_KEY = options.apiKey
  delete env.HOLYSHEEP_ALLOW_TOOL_COMMANDS
  if (options.allowToolCommands) env.HOLYSHEEP_ALLOW_TOOL_COMMANDS = '1'
  const child = spawn(process.execPath, [options.webEntry ?? webEntry], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 15_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`browser mode exited with ${code}:\n${output}`))
    })
  })
  return {
    url,
    dataDir,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.kill('SIGTERM')
      await exited
    },
  }
}
