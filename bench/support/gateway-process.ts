/**
 * The fake gateway in a child process, so its CPU is not counted in the benchmark's own process
 * (which plays the main process). Resolves with its base URL and a way to stop it.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'

export interface GatewayProcess {
  baseURL: string
  apiKey: string
  stop(): void
}

export async function startGatewayProcess(): Promise<GatewayProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '../../test/fake-gateway/cli.ts')],
    {
      env: { ...process.env, FAKE_GATEWAY_PORT: '0', FAKE_GATEWAY_DELAY_MS: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const baseURL = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.once('exit', (code) => reject(new Error(`the fake gateway exited with ${code}`)))
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /on (http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(output)
      if (match) resolve(match[1]!)
    })
  })
  return { baseURL, apiKey: 'sk-fake-holysheep-key', stop: () => child.kill() }
}
