import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { plainTextEncryptor, safeStorageEncryptor } from '../../src/main/secrets/encryptor'
import { SecretStore } from '../../src/main/secrets/secret-store'
import { openConfStore } from '../../src/main/storage/open-json-store'
import { fakeSafeStorage } from '../support/fake-safe-storage'
import { memoryLogger } from '../support/memory-logger'
import { useTempDirs } from '../support/temp-dir'
import { createTestCore } from '../support/test-core'

const tempDir = useTempDirs()
const key = 'hs-test-key-3f9a1c2b7d'

function store(
  dir: string,
  encryptor = safeStorageEncryptor(fakeSafeStorage(), 'darwin'),
  env: Record<string, string> = {},
) {
  const log = memoryLogger()
  return { secrets: new SecretStore(openConfStore(dir, 'secrets'), encryptor, env, log), log }
}

describe('SecretStore', () => {
  it('stores the key encrypted, reads it back, and reports only that it is set', () => {
    const dir = tempDir()
    const { secrets } = store(dir)
    expect(secrets.status()).toEqual({
      isSet: false,
      source: 'none',
      protection: 'os_encryption',
      unreadableStoredKey: false,
    })
    const status = secrets.setKey(key)
    expect(status).toEqual({ isSet: true, source: 'stored', protection: 'os_encryption', unreadableStoredKey: false })
    expect(JSON.stringify(status)).not.toContain(key.slice(0, 6))
    expect(secrets.apiKey()).toBe(key)
    const onDisk = readFileSync(join(dir, 'secrets.json'), 'utf8')
    expect(onDisk).not.toContain(key)
    expect(JSON.parse(onDisk)).toMatchObject({ apiKey: { scheme: 'safeStorage' } })
  })

  it('says plainly when Linux has no keyring and the key is only obfuscated', () => {
    const { secrets } = store(tempDir(), safeStorageEncryptor(fakeSafeStorage({ backend: 'basic_text' }), 'linux'))
    expect(secrets.setKey(key).protection).toBe('obfuscated_only')
  })

  it('says plainly when there is no encryption at all (browser mode)', () => {
    const dir = tempDir()
    const { secrets } = store(dir, plainTextEncryptor)
    expect(secrets.setKey(key).protection).toBe('plain_text')
    expect(secrets.apiKey()).toBe(key)
  })

  it('lets HOLYSHEEP_API_KEY supply the key, ahead of a stored one', () => {
    const dir = tempDir()
    store(dir).secrets.setKey(key)
    const { secrets } = store(dir, safeStorageEncryptor(fakeSafeStorage(), 'win32'), {
      HOLYSHEEP_API_KEY: ' env-key-123456 ',
    })
    expect(secrets.apiKey()).toBe('env-key-123456')
    expect(secrets.status()).toMatchObject({ isSet: true, source: 'environment', protection: 'environment' })
  })

  it('reports a stored key another machine encrypted as unreadable, and logs no part of it', () => {
    const dir = tempDir()
    store(dir).secrets.setKey(key)
    const { secrets, log } = store(dir)
    expect(secrets.apiKey()).toBeNull()
    expect(secrets.status()).toMatchObject({ isSet: false, source: 'none', unreadableStoredKey: true })
    expect(log.lines.join('\n')).toContain('could not be decrypted')
    expect(log.lines.join('\n')).not.toContain(key)
  })

  it('clears the key', () => {
    const dir = tempDir()
    const { secrets } = store(dir)
    secrets.setKey(key)
    expect(secrets.clear()).toMatchObject({ isSet: false, source: 'none' })
    expect(secrets.apiKey()).toBeNull()
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain('apiKey')
  })
})

describe('the secrets file', () => {
  it.runIf(process.platform !== 'win32')('is readable by its owner only', () => {
    const dir = tempDir()
    store(dir).secrets.setKey(key)
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600)
  })
})

describe('a damaged key file', () => {
  it.each([
    ['JSON that is not an object', '["hs-test-key"]'],
    ['not JSON at all', '{"apiKey": "hs-te'],
  ])('holding %s is kept aside, not overwritten, and the user is told', async (_label, content) => {
    const dataDir = tempDir()
    writeFileSync(join(dataDir, 'secrets.json'), content)
    const core = createTestCore({ dataDir })
    try {
      const notices = await core.dispatch('app:notices', undefined)
      expect(notices).toMatchObject({ ok: true, value: [{ kind: 'key_moved_aside' }] })
      const { path } = (notices as { value: Array<{ path: string }> }).value[0]!
      expect(readFileSync(path, 'utf8')).toBe(content)
      expect(core.secrets.status().isSet).toBe(false)
      // A key entered again is stored in a fresh file beside the kept one.
      core.secrets.setKey(key)
      expect(core.secrets.apiKey()).toBe(key)
      expect(readFileSync(path, 'utf8')).toBe(content)
    } finally {
      await core.shutdown()
    }
  })
})
