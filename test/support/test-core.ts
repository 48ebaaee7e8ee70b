/**
 * The core as browser mode builds it, for tests: plain-text key storage, browser mode's file access
 * in the data folder, and the export/import worker run from source through tsx.
 */
import { fileURLToPath } from 'node:url'
import { createCore, type Core, type CoreOptions } from '../../src/main/core'
import { plainTextEncryptor } from '../../src/main/secrets/encryptor'
import { webFileAccess } from '../../src/main/web/web-file-access'
import { memoryLogger } from './memory-logger'

export const transferWorkerFromSource = {
  file: fileURLToPath(new URL('../../src/main/history/transfer/transfer-worker.ts', import.meta.url)),
  execArgv: ['--import', 'tsx'],
}

export const backupWorkerFromSource = {
  file: fileURLToPath(new URL('../../src/main/backups/backup-worker.ts', import.meta.url)),
  execArgv: ['--import', 'tsx'],
}

export const pdfWorkerFromSource = {
  file: fileURLToPath(new URL('../../src/main/attachments/pdf-worker.ts', import.meta.url)),
  execArgv: ['--import', 'tsx'],
}

export function createTestCore(options: Pick<CoreOptions, 'dataDir'> & Partial<CoreOptions>): Core {
  return createCore({
    env: {},
    encryptor: plainTextEncryptor,
    log: memoryLogger(),
    files: webFileAccess(options.dataDir),
    transferWorker: transferWorkerFromSource,
    backupWorker: backupWorkerFromSource,
    pdfWorker: pdfWorkerFromSource,
    ...options,
  })
}
