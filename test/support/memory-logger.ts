import { createLogger, type Logger } from '../../src/main/log'

/** The real logger writing into an array, so tests can read every line. */
export function memoryLogger(secrets: () => readonly string[] = () => []): Logger & { lines: string[] } {
  const lines: string[] = []
  const logger = createLogger({ level: 'debug', write: (line) => lines.push(line), secrets })
  return Object.assign(logger, { lines })
}
