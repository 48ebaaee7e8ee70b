import { z } from 'zod'

/**
 * How the stored key is protected, in words the settings view can say plainly:
 * - `os_encryption`: encrypted by the OS (Keychain, DPAPI, a Linux keyring) through safeStorage;
 * - `obfuscated_only`: Linux with no keyring; Electron falls back to a fixed password, so this is not real encryption;
 * - `plain_text`: written as it is (browser mode, which has no OS encryption), readable by anyone who can read the file;
 * - `environment`: taken from HOLYSHEEP_API_KEY, never written by the app.
 */
export const KeyProtectionSchema = z.enum(['os_encryption', 'obfuscated_only', 'plain_text', 'environment'])
export type KeyProtection = z.infer<typeof KeyProtectionSchema>

/** Everything the renderer may know about the key: never the key itself, nor any part of it. */
export const KeyStatusSchema = z.object({
  isSet: z.boolean(),
  source: z.enum(['none', 'environment', 'stored']),
  /** How a key would be stored if set now, or how the present one is protected. */
  protection: KeyProtectionSchema,
  /** A stored key exists but this process cannot decrypt it (for example the desktop's key seen from browser mode). */
  unreadableStoredKey: z.boolean(),
  /**
   * The key was entered for another gateway (host, with a port if any) than the one in use, so it is
   * not sent there until it is entered again; null when the key (if any) belongs to the gateway in use.
   */
  originChanged: z.object({ savedFor: z.string(), inUse: z.string() }).nullable(),
})
export type KeyStatus = z.infer<typeof KeyStatusSchema>

export const SetKeyRequestSchema = z.object({
  key: z
    .string()
    .trim()
    .min(8, 'The key is too short.')
    .max(512, 'The key is too long.')
    .regex(/^[\x21-\x7e]+$/, 'The key contains spaces or characters a key cannot have.'),
})
