import type { KeyStatus } from '../../shared/key-status'
import type { Logger } from '../log'
import type { KeyValueStore } from '../storage/key-value-store'
import { plainTextEncryptor, type Encryptor } from './encryptor'

const apiKeyRecord = 'apiKey'

interface StoredKey {
  scheme: string
  data: string
}

function isStoredKey(value: unknown): value is StoredKey {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as StoredKey).scheme === 'string' &&
    typeof (value as StoredKey).data === 'string'
  )
}

/**
 * Holds the API key. Only main ever calls `apiKey()`; everything the renderer learns comes from
 * `status()`, which says whether a key is set and how it is protected, never the key.
 * HOLYSHEEP_API_KEY, when set, supplies the key and wins over a stored one.
 */
export class SecretStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly encryptor: Encryptor,
    private readonly env: Readonly<Record<string, string | undefined>>,
    private readonly log: Logger,
  ) {}

  apiKey(): string | null {
    const fromEnv = this.env.HOLYSHEEP_API_KEY?.trim()
    if (fromEnv) return fromEnv
    return this.readStored()
  }

  status(): KeyStatus {
    const stored = this.store.get(apiKeyRecord)
    const unreadableStoredKey = isStoredKey(stored) && this.readStored() === null
    if (this.env.HOLYSHEEP_API_KEY?.trim())
      return { isSet: true, source: 'environment', protection: 'environment', unreadableStoredKey }
    if (isStoredKey(stored) && !unreadableStoredKey)
      return { isSet: true, source: 'stored', protection: this.protectionOf(stored), unreadableStoredKey: false }
    return { isSet: false, source: 'none', protection: this.encryptor.protection(), unreadableStoredKey }
  }

  setKey(key: string): KeyStatus {
    const record: StoredKey = { scheme: this.encryptor.scheme, data: this.encryptor.encrypt(key) }
    this.store.set(apiKeyRecord, record)
    return this.status()
  }

  clear(): KeyStatus {
    this.store.delete(apiKeyRecord)
    return this.status()
  }

  private protectionOf(stored: StoredKey) {
    return stored.scheme === this.encryptor.scheme ? this.encryptor.protection() : plainTextEncryptor.protection()
  }

  private readStored(): string | null {
    const stored = this.store.get(apiKeyRecord)
    if (!isStoredKey(stored)) return null
    try {
      if (stored.scheme === this.encryptor.scheme) return this.encryptor.decrypt(stored.data)
      if (stored.scheme === plainTextEncryptor.scheme) return plainTextEncryptor.decrypt(stored.data)
      return null
    } catch {
      // Never include the error: it could echo the ciphertext or the key.
      this.log.warn('the stored API key could not be decrypted on this machine')
      return null
    }
  }
}
