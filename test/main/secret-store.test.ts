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

const gatewayURL = 'https://api.holysheep.ai/v1'

function store(
  dir: string,
  encryptor = safeStorageEncryptor(fakeSafeStorage(), 'darwin'),
  env: Record<string, string> = {},
  baseURL: { current: string } = { current: gatewayURL },
) {
  const log = memoryLogger()
  return { secrets: new SecretStore(openConfStore(dir, 'secrets'), encryptor, env, log, () => baseURL.current), log }
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
      originChanged: null,
    })
    const status = secrets.setKey(key)
    expect(status).toEqual({
      isSet: true,
      source: 'stored',
      protection: 'os_encryption',
      unreadableStoredKey: false,
      originChanged: null,
    })
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
    ['an object of another shape (a key in plain text)', '{"apiKey": "hs-test-key-3f9a1c2b7d"}'],
    ['an object of another shape (a record missing its data)', '{"apiKey": {"scheme": "plain"}}'],
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

describe('a key bound to its gateway origin', () => {
  it('is not given for another origin until it is entered again, then is bound to the new one', () => {
    const dir = tempDir()
    const baseURL = { current: gatewayURL }
    const { secrets } = store(dir, undefined, {}, baseURL)
    secrets.setKey(key)
    expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8'))).toMatchObject({
      apiKey: { origin: 'https://api.holysheep.ai' },
    })
    // Another path on the same origin is the same gateway.
    baseURL.current = 'https://api.holysheep.ai/other/v1'
    expect(secrets.apiKey()).toBe(key)

    for (const elsewhere of [
      'https://attacker.example/v1',
      'http://api.holysheep.ai/v1',
      'https://api.holysheep.ai:8443/v1',
    ]) {
      baseURL.current = elsewhere
      expect(secrets.apiKey()).toBeNull()
      const connection = secrets.gatewayConnection()
      expect(connection).toMatchObject({ apiKey: null, keyRefused: { kind: 'key_origin_changed' } })
      expect(connection.keyRefused!.message).toContain('saved for api.holysheep.ai')
      expect(JSON.stringify(connection.keyRefused)).not.toContain(key)
      expect(secrets.status()).toMatchObject({
        isSet: true,
        originChanged: { savedFor: 'api.holysheep.ai', inUse: new URL(elsewhere).host },
      })
    }
    // The key is still held (for scrubbing logs), just not given out.
    expect(secrets.heldKeys()).toEqual([key])

    baseURL.current = 'https://attacker.example/v1'
    expect(secrets.setKey(key).originChanged).toBeNull()
    expect(secrets.apiKey()).toBe(key)
    baseURL.current = gatewayURL
    expect(secrets.apiKey()).toBeNull()
  })

  it('binds a key stored before the binding to the origin in use at the first start after the upgrade', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ apiKey: { scheme: 'plain', data: key } }))
    const baseURL = { current: 'http://127.0.0.1:4010/v1' }
    const { secrets } = store(dir, plainTextEncryptor, {}, baseURL)
    expect(secrets.bindUnboundKey()).toBe(true)
    expect(secrets.bindUnboundKey()).toBe(false)
    expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8'))).toMatchObject({
      apiKey: { origin: 'http://127.0.0.1:4010' },
    })
    expect(secrets.apiKey()).toBe(key)
    baseURL.current = 'http://127.0.0.1:4011/v1'
    expect(secrets.apiKey()).toBeNull()
  })

  it('binds the environment’s key to the origin in use at start; a key entered for a new origin is used there', () => {
    const dir = tempDir()
    const baseURL = { current: gatewayURL }
    const { secrets } = store(dir, plainTextEncryptor, { HOLYSHEEP_API_KEY: 'env-key-123456' }, baseURL)
    expect(secrets.apiKey()).toBe('env-key-123456')
    baseURL.current = 'https://attacker.example/v1'
    expect(secrets.gatewayConnection()).toMatchObject({ apiKey: null, keyRefused: { kind: 'key_origin_changed' } })
    expect(secrets.status()).toMatchObject({ source: 'environment', originChanged: { savedFor: 'api.holysheep.ai' } })
    secrets.setKey(key)
    expect(secrets.apiKey()).toBe(key)
    expect(secrets.status().originChanged).toBeNull()
  })
})
