import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { SafeStorageLike } from '../../src/main/secrets/encryptor'

/**
 * Behaves like Electron's safeStorage for our purposes: real AES-GCM under a key that only this
 * "machine" (instance) has, so another instance cannot decrypt, and a selectable Linux backend.
 */
export function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageLike {
  const machineKey = randomBytes(32)
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString(plainText) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', machineKey, iv)
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', machineKey, encrypted.subarray(0, 12))
      decipher.setAuthTag(encrypted.subarray(12, 28))
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8')
    },
  }
}
