/**
 * The MCP stdio transport, ours rather than the SDK's `StdioClientTransport`, for two reasons of
 * safety: the SDK's adds the app's HOME, USER, SHELL, TERM and LOGNAME to the child's environment,
 * and it spawns through `cross-spawn`, which on Windows runs `.cmd` files through `cmd.exe`. Here the
 * child gets only the environment the user configured plus PATH (and SYSTEMROOT on Windows, without
 * which nothing starts there), and `spawn` gets the command and its argument list, never a shell.
 * Framing is one JSON-RPC message per line: lines split by our `LineSplitter` (linear, where the
 * SDK's `ReadBuffer` is quadratic), parsed by the SDK's `deserializeMessage`, written by its
 * `serializeMessage`.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { deserializeMessage, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js'
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js'
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js'
import { LineSplitter } from './line-splitter'

/**
 * The longest message line accepted: room for a 10 MB result with its JSON-RPC wrapping (results are
 * cut to 100,000 characters after parsing); a longer one ends the connection, as a server gone wrong.
 */
export const maxMessageBytes = 16 * 1024 * 1024

export interface StdioLaunch {
  command: string
  args: string[]
  env: Array<{ name: string; value: string }>
  cwd: string | null
}

/** The child's whole environment: the user's variables over the minimum a process needs to start. */
export function childEnvironment(
  configured: StdioLaunch['env'],
  parent: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): Record<string, string> {
  const env: Record<string, string> = {}
  const inherit = platform === 'win32' ? ['PATH', 'Path', 'SYSTEMROOT', 'SystemRoot'] : ['PATH']
  for (const name of inherit) {
    const value = parent[name]
    if (value !== undefined) env[name] = value
  }
  for (const { name, value } of configured) env[name] = value
  return env
}

export class SafeStdioTransport implements Transport {
  onclose?: () => void
  onerror?: (error: Error) => void
  onmessage?: (message: JSONRPCMessage) => void

  private child: ChildProcess | null = null
  private readonly lines = new LineSplitter(maxMessageBytes)
  /** Set when the server sent more than `maxMessageBytes` in one message, for the error shown. */
  overflowed = false

  constructor(
    private readonly launch: StdioLaunch,
    /** Every piece of the child's stderr, for the "last lines" shown with an error. */
    private readonly onStderr: (text: string) => void,
    private readonly homeDir: string,
  ) {}

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.launch.command, this.launch.args, {
        env: childEnvironment(this.launch.env),
        cwd: this.launch.cwd ?? this.homeDir,
        shell: false,
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
      })
      this.child = child
      child.once('error', (error) => {
        reject(error)
        this.onerror?.(error)
      })
      child.once('spawn', () => resolve())
      child.once('close', () => {
        this.child = null
        this.onclose?.()
      })
      child.stderr?.setEncoding('utf8')
      child.stderr?.on('data', (text: string) => this.onStderr(text))
      child.stdin?.on('error', (error) => this.onerror?.(error))
      const onData = (chunk: Buffer) => {
        let lines: string[]
        try {
          lines = this.lines.push(chunk)
        } catch (error) {
          // Too long: read nothing more and kill the child at once, not after the polite shutdown.
          this.overflowed = true
          child.stdout?.off('data', onData)
          child.stdout?.destroy()
          child.kill('SIGKILL')
          this.onerror?.(error instanceof Error ? error : new Error(String(error)))
          return
        }
        for (const line of lines) {
          let message: JSONRPCMessage
          try {
            message = deserializeMessage(line)
          } catch (error) {
            // A line that is not JSON-RPC (a server printing to stdout): reported, the rest still read.
            this.onerror?.(error instanceof Error ? error : new Error(String(error)))
            continue
          }
          this.onmessage?.(message)
        }
      }
      child.stdout?.on('data', onData)
    })
  }

  send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.child?.stdin
    if (!stdin) return Promise.reject(new Error('The tool server is not running.'))
    return new Promise((resolve) => {
      if (stdin.write(serializeMessage(message))) resolve()
      else stdin.once('drain', resolve)
    })
  }

  /** Ends stdin, then SIGTERM, then SIGKILL, as the MCP spec's shutdown for stdio asks. */
  async close(): Promise<void> {
    const child = this.child
    if (!child) return
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()))
    const within = (ms: number) =>
      Promise.race([closed, new Promise<void>((resolve) => setTimeout(resolve, ms).unref())])
    child.stdin?.end()
    await within(2000)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await within(2000)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    this.lines.clear()
  }

  get pid(): number | null {
    return this.child?.pid ?? null
  }
}
