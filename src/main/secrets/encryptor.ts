import type { KeyProtection } from '../../shared/key-status'

/**
 * Encrypts the key at rest. The desktop app adapts Electron's `safeStorage` to this; browser mode,
 * which has no OS encryption, uses `plainTextEncryptor` and says so in the key status.
 */
export interface Encryptor {
  /** The name written beside the data, so a later run knows which encryptor can read it. */
  readonly scheme: string
  protection(): KeyProtection
  encrypt(plainText: string): string
  decrypt(stored: string): string
}

export const plainTextEncryptor: Encryptor = {
  scheme: 'plain',
  protection: () => 'plain_text',
  encrypt: (plainText) => plainText,
  decrypt: (stored) => stored,
}

/** The part of Electron's `safeStorage` we use, so this adapter is tested without Electron. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
  getSelectedStorageBackend?(): string
}

export function safeStorageEncryptor(safeStorage: SafeStorageLike, platform: NodeJS.Platform): Encryptor {
  return {
    scheme: 'safeStorage',
    protection() {
      if (!safeStorage.isEncryptionAvailable()) return 'plain_text'
      // On Linux without a keyring, Electron "encrypts" with a fixed password: say it plainly.
      if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return 'obfuscated_only'
      return 'os_encryption'
    },
    encrypt: (plainText) => safeStorage.encryptString(plainText).toString('base64'),
    decrypt: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
  }
}
