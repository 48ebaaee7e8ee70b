/** The test MCP server (mcp-test-server.mjs) as a user would configure it, over stdio or HTTP. */
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import type { HttpServer, StdioServer } from '../../src/shared/tool-settings'

export const testServerScript = resolve(import.meta.dirname, 'mcp-test-server.mjs')
/** Where the test server's imports resolve (the repository's node_modules). */
export const repoRoot = resolve(import.meta.dirname, '../..')

export function stdioTestServer(overrides: Partial<StdioServer> = {}): StdioServer {
  return {
    id: 'test-stdio',
    name: 'Test tools',
    enabled: true,
    disabledTools: [],
    transport: 'stdio',
    command: process.execPath,
    args: [testServerScript],
    env: [],
    cwd: repoRoot,
    ...overrides,
  }
}

/** Starts the test server over Streamable HTTP on 127.0.0.1 in a child process. */
export async function startHttpTestServer(): Promise<{ server: HttpServer; close(): void }> {
  const child = spawn(process.execPath, [testServerScript, '--http'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<number>((resolvePort, reject) => {
    let out = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (text: string) => {
      out += text
      const match = /port=(\d+)/.exec(out)
      if (match) resolvePort(Number(match[1]))
    })
    child.once('exit', (code) => reject(new Error(`the HTTP test server exited (${code})`)))
  })
  return {
    server: {
      id: 'test-http',
      name: 'HTTP test tools',
      enabled: true,
      disabledTools: [],
      transport: 'http',
      url: `http://127.0.0.1:${port}/mcp`,
      headers: [{ name: 'X-Test-Token', value: 'secret-header-value' }],
    },
    close: () => child.kill(),
  }
}
