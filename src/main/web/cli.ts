/**
 * `npm run web`: the app in a browser. Same core and validation as the desktop app; the key comes
 * from HOLYSHEEP_API_KEY or is stored in plain text (browser mode has no OS encryption, and says so).
 */
import { randomBytes } from 'node:crypto'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createCore } from '../core'
import { createLogger } from '../log'
import { resolveDataDir } from '../paths'
import { plainTextEncryptor } from '../secrets/encryptor'
import { acquireDataFolderLock } from '../storage/data-folder-lock'
import { mermaidFramePolicy } from './security'
import { startWebServer } from './server'
import { toolCommandFlag } from './tool-command-flag'
import { webFileAccess } from './web-file-access'

const here = dirname(fileURLToPath(import.meta.url))

async function main(): Promise<void> {
  const dataDir = resolveDataDir(process.env)
  // First of all: a second copy on this folder must not touch it (not even the uploads below).
  const lock = acquireDataFolderLock(dataDir, { kind: 'browser' })
  process.on('exit', () => lock.release())
  let heldKeys: () => string[] = () => []
  const log = createLogger({ secrets: () => heldKeys() })
  const files = webFileAccess(dataDir)
  files.removeLeftovers(log)
  const core = createCore({
    dataDir,
    env: process.env,
    encryptor: plainTextEncryptor,
    log,
    files,
    transferWorker: { file: join(here, 'transfer-worker.js') },
    backupWorker: { file: join(here, 'backup-worker.js') },
    pdfWorker: { file: join(here, 'pdf-worker.js') },
    confirmToolCommand: toolCommandFlag(process.env, (line) => process.stdout.write(line)),
  })
  heldKeys = () => core.secrets.heldKeys()
  // Closed properly when the server cannot start (a port in use), so the next start finds the
  // history closed cleanly instead of checking every page as after a crash.
  const server = await startWebServer({
    core,
    rendererDir: join(here, '../renderer'),
    files,
    port: parsePort(process.env.PORT),
    token: randomBytes(24).toString('base64url'),
    log,
    mermaidFramePolicy: mermaidFramePolicy(__MERMAID_FRAME_SCRIPT_HASH__),
  }).catch(async (error: unknown) => {
    await core.shutdown()
    throw error
  })
  log.info(`browser mode: data in ${dataDir}, gateway ${core.settings.effectiveBaseURL().effectiveBaseURL}`)
  process.stdout.write(`HolySheep Chat is running. Open ${server.url}\n`)

  let closing = false
  const close = async () => {
    if (closing) return
    closing = true
    await core.shutdown()
    await server.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void close())
  process.on('SIGTERM', () => void close())
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 0
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a number from 0 to 65535, not "${value}".`)
  return port
}

main().catch((error: unknown) => {
  process.stderr.write(`HolySheep Chat could not start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
