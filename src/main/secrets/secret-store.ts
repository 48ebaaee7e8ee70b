import { z } from 'zod'
import type { AppError } from '../../shared/errors'
import type { KeyStatus } from '../../shared/key-status'
import type { GatewayConnection } from '../chat/chat-service'
import type { Logger } from '../log'
import type { KeyValueStore } from '../storage/key-value-store'
import { plainTextEncryptor, type Encryptor } from './encryptor'

const apiKeyRecord = 'apiKey'

const StoredKeySchema = z.object({
  scheme: z.string(),
  data: z.string(),
  /**
   * The gateway origin (`https://api.holysheep.ai`) the key was entered for: it is sent nowhere else.
   * Absent only in files from before the binding; `bindUnboundKey` fills it at the first start.
   */
  origin: z.string().optional(),
})
type StoredKey = z.infer<typeof StoredKeySchema>

/** The shape of `secrets.json`; another shape is kept aside at start (see openJsonStore). */
const SecretsFileSchema = z.object({ [apiKeyRecord]: StoredKeySchema.optional() })
export const isSecretsFileShape = (value: object): boolean => SecretsFileSchema.safeParse(value).success

/** `https://api.holysheep.ai/v1` → `https://api.holysheep.ai`; scheme and port count (http is not https). */
export function originOf(baseURL: string): string {
  try {
    return new URL(baseURL).origin
  } catch {
    return baseURL
  }
}

/** The origin as a person reads it: the host, with the port when there is one. */
const hostOf = (origin: string) => {
  try {
    return new URL(origin).host
  } catch {
    return origin
  }
}

/**
 * Holds the API key. Only main ever reads it; everything the renderer learns comes from `status()`,
 * which says whether a key is set and how it is protected, never the key.
 * HOLYSHEEP_API_KEY, when set, supplies the key and wins over a stored one.
 *
 * A key is bound to the gateway origin it was entered for, because the renderer (untrusted) can
 * change the base URL: `settings:set` then `models:list` must not carry the key to a new host.
 * After a change of origin the key is not sent until the user enters it again (`setKey` binds it to
 * the origin then in use). The environment's key is bound to the origin in use when the process
 * started (HOLYSHEEP_BASE_URL if set, else the settings): the person who set the environment chose
 * that pair; a base URL changed later from the UI needs the key entered there.
 */
export class SecretStore {
  private readonly envOrigin: string
  /** The last decryption, so a key that cannot be decrypted is warned about once, not at every log line. */
  private decrypted: { data: string; key: string | null } | null = null

  constructor(
    private readonly store: KeyValueStore,
    private readonly encryptor: Encryptor,
    private readonly env: Readonly<Record<string, string | undefined>>,
    private readonly log: Logger,
    /** The effective base URL, read at each use. */
    private readonly baseURLInUse: () => string,
  ) {
    this.envOrigin = originOf(baseURLInUse())
  }

  /** Every key this store holds (the environment's and the stored one), for scrubbing logs and errors. */
  heldKeys(): string[] {
    return [this.envKey(), this.readStored()?.key].filter((key): key is string => !!key)
  }

  /** The key for the base URL in use, or null (no key, or one bound to another origin); main only. */
  apiKey(): string | null {
    return this.resolve().apiKey
  }

  /** What a request to the gateway in use may carry: the key, or why there is none. */
  gatewayConnection(): GatewayConnection {
    const { apiKey, baseURL, savedFor } = this.resolve()
    return savedFor === null
      ? { apiKey, baseURL }
      : { apiKey, baseURL, keyRefused: originChangedError(savedFor, baseURL) }
  }

  status(): KeyStatus {
    const stored = this.storedRecord()
    const unreadableStoredKey = stored !== null && this.readStored() === null
    const { baseURL, savedFor } = this.resolve()
    const originChanged = savedFor === null ? null : { savedFor: hostOf(savedFor), inUse: hostOf(originOf(baseURL)) }
    if (this.envKey())
      return { isSet: true, source: 'environment', protection: 'environment', unreadableStoredKey, originChanged }
    if (stored && !unreadableStoredKey)
      return {
        isSet: true,
        source: 'stored',
        protection: this.protectionOf(stored),
        unreadableStoredKey,
        originChanged,
      }
    return { isSet: false, source: 'none', protection: this.encryptor.protection(), unreadableStoredKey, originChanged }
  }

  /** Stores the key, bound to the gateway origin in use now. */
  setKey(key: string): KeyStatus {
    const record: StoredKey = {
      scheme: this.encryptor.scheme,
      data: this.encryptor.encrypt(key),
      origin: originOf(this.baseURLInUse()),
    }
    this.store.set(apiKeyRecord, record)
    return this.status()
  }

  /**
   * A key stored before keys were bound is bound to the origin in use at the first start after the
   * upgrade: the one the user has been sending it to. Returns whether it bound one.
   */
  bindUnboundKey(): boolean {
    const stored = this.storedRecord()
    if (!stored || stored.origin !== undefined) return false
    const origin = originOf(this.baseURLInUse())
    this.store.set(apiKeyRecord, { ...stored, origin })
    this.log.info(`the stored API key is now bound to ${origin}`)
    return true
  }

  clear(): KeyStatus {
    this.store.delete(apiKeyRecord)
    return this.status()
  }

  /**
   * The key usable with the base URL in use, or none; `savedFor` names the origin a held key is
   * bound to when that is why there is none. The environment's key first, then the stored one.
   */
  private resolve(): { apiKey: string | null; baseURL: string; savedFor: string | null } {
    const baseURL = this.baseURLInUse()
    const origin = originOf(baseURL)
    const fromEnv = this.envKey()
    if (fromEnv && this.envOrigin === origin) return { apiKey: fromEnv, baseURL, savedFor: null }
    const stored = this.readStored()
    if (stored && stored.origin === origin) return { apiKey: stored.key, baseURL, savedFor: null }
    const savedFor = fromEnv ? this.envOrigin : (stored?.origin ?? null)
    return { apiKey: null, baseURL, savedFor }
  }

  private envKey(): string | null {
    return this.env.HOLYSHEEP_API_KEY?.trim() || null
  }

  private protectionOf(stored: StoredKey) {
    return stored.scheme === this.encryptor.scheme ? this.encryptor.protection() : plainTextEncryptor.protection()
  }

  private storedRecord(): StoredKey | null {
    const parsed = StoredKeySchema.safeParse(this.store.get(apiKeyRecord))
    return parsed.success ? parsed.data : null
  }

  private readStored(): { key: string; origin: string | undefined } | null {
    const stored = this.storedRecord()
    if (!stored) return null
    const key = this.decrypt(stored)
    return key === null ? null : { key, origin: stored.origin }
  }

  private decrypt(stored: StoredKey): string | null {
    if (this.decrypted?.data === stored.data) return this.decrypted.key
    this.decrypted = { data: stored.data, key: null }
    try {
      if (stored.scheme === this.encryptor.scheme) this.decrypted.key = this.encryptor.decrypt(stored.data)
      else if (stored.scheme === plainTextEncryptor.scheme) this.decrypted.key = plainTextEncryptor.decrypt(stored.data)
    } catch {
      // Never include the error: it could echo the ciphertext or the key.
      this.log.warn('the stored API key could not be decrypted on this machine')
    }
    return this.decrypted.key
  }
}

function originChangedError(savedFor: string, inUse: string): AppError {
  return {
    kind: 'key_origin_changed',
    message: `Your API key was saved for ${hostOf(savedFor)}. Enter it again to use it with ${hostOf(inUse)}.`,
  }
}
