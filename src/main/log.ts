/**
 * The main process's one logger. Every line passes through `scrub`, so a key that slips into an
 * error message from a library never reaches a terminal or a log file.
 */
import { redactForms } from './secret-forms'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface Logger {
  debug(message: string, details?: unknown): void
  info(message: string, details?: unknown): void
  warn(message: string, details?: unknown): void
  error(message: string, details?: unknown): void
}

const levelOrder: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/** Bearer tokens and sk-style keys, whatever the key store knows about. */
const keyShapedText = [/(Bearer\s+)[^\s"',]+/gi, /\bsk-[A-Za-z0-9_-]{6,}/g]

/**
 * Removes every known secret (in every form of secret-forms.ts: base64, percent-encoded,
 * JSON-escaped) and anything shaped like an API key from `text`.
 * `secrets` is read at each call, so a key set later is scrubbed too.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let scrubbed = text
  for (const secret of secrets) {
    if (secret.length >= 4) scrubbed = redactForms(scrubbed, secret, '[redacted]')
  }
  for (const pattern of keyShapedText) {
    scrubbed = scrubbed.replace(pattern, (_match, prefix: unknown) =>
      typeof prefix === 'string' ? `${prefix}[redacted]` : '[redacted]',
    )
  }
  return scrubbed
}

function describe(details: unknown): string {
  if (details === undefined) return ''
  if (details instanceof Error) return ` ${details.name}: ${details.message}`
  try {
    return ` ${JSON.stringify(details)}`
  } catch {
    return ` ${String(details)}`
  }
}

export interface LoggerOptions {
  level?: LogLevel
  /** Where finished lines go; stderr by default. */
  write?: (line: string) => void
  /** The secrets to scrub, read at every line. */
  secrets?: () => readonly string[]
  clock?: () => Date
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const minimum = levelOrder[options.level ?? 'info']
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`))
  const secrets = options.secrets ?? (() => [])
  const clock = options.clock ?? (() => new Date())
  const log = (level: LogLevel) => (message: string, details?: unknown) => {
    if (levelOrder[level] < minimum) return
    const line = `${clock().toISOString()} ${level.toUpperCase()} ${message}${describe(details)}`
    write(scrubSecrets(line, secrets()))
  }
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') }
}
