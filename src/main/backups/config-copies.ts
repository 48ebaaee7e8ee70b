/**
 * Copies of the settings and key files, taken before a migration changes them. The key file is
 * copied only when its key is encrypted by the OS (safeStorage with a keyring): browser mode keeps
 * the key in plain text, and Linux's `basic_text` backend only obfuscates it with a fixed password,
 * and a backup must never hold it so.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Whether `secrets.json` holds a key in plain text (or cannot be read, so cannot be known not to). */
function holdsPlainKey(file: string): boolean {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { apiKey?: { scheme?: unknown } } | null
    const record = parsed?.apiKey
    return record !== undefined && record?.scheme !== 'safeStorage'
  } catch {
    return true
  }
}

/**
 * Copies `settings.json` and (when safe) `secrets.json` to `<backupsDir>/<label>.<name>.json`;
 * returns the copies. `keyOsEncrypted`: the encryptor in use protects the key with the OS's own
 * encryption (its `protection()` is `os_encryption`).
 */
export function copyConfigFiles(
  dataDir: string,
  backupsDir: string,
  label: string,
  names: readonly string[],
  { keyOsEncrypted }: { keyOsEncrypted: boolean },
): string[] {
  mkdirSync(backupsDir, { recursive: true })
  const copies: string[] = []
  for (const name of names) {
    const source = join(dataDir, `${name}.json`)
    if (!existsSync(source)) continue
    if (name === 'secrets' && (!keyOsEncrypted || holdsPlainKey(source))) continue
    const target = join(backupsDir, `${label}.${name}.json`)
    copyFileSync(source, target)
    copies.push(target)
  }
  return copies
}
