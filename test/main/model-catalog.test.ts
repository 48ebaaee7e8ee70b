/**
 * The model list through the real SDK from the fake gateway, kept on disk for offline use, and the
 * onboarding key check's distinct failures.
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ModelCatalog } from '../../src/main/chat/model-catalog'
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server'
import { memoryLogger } from '../support/memory-logger'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function gateway(models?: string[]): Promise<FakeGateway> {
  const started = await startFakeGateway(models ? { models } : {})
  cleanups.push(() => started.close())
  return started
}

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('ModelCatalog', () => {
  it('lists the gateway’s models, headline models first with friendly names, and caches them', async () => {
    const fake = await gateway(['zeta-model', 'deepseek-v3.2', 'gpt-4.1', 'alpha-model', 'gemini-2.5-flash'])
    const cacheFile = join(tempDir(), 'models-cache.json')
    const catalog = new ModelCatalog({ cacheFile, log: memoryLogger() })
    const listed = await catalog.list({ apiKey: fake.apiKey, baseURL: fake.baseURL })
    expect(listed).toEqual({
      ok: true,
      value: [
        { id: 'gpt-4.1', name: 'GPT-4.1' },
        { id: 'gemini-2.5-flash', name: 'Gemini 2.5 Flash' },
        { id: 'deepseek-v3.2', name: 'DeepSeek V3.2' },
        { id: 'alpha-model', name: 'alpha-model' },
        { id: 'zeta-model', name: 'zeta-model' },
      ],
    })
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /v1/models'])
    expect(JSON.parse(readFileSync(cacheFile, 'utf8'))).toMatchObject({ baseURL: fake.baseURL, ids: expect.any(Array) })
  })

  it('offers the cached list when the gateway cannot be reached, but not for another gateway', async () => {
    const fake = await gateway(['gpt-4.1', 'my-model'])
    const cacheFile = join(tempDir(), 'models-cache.json')
    const log = memoryLogger()
    const catalog = new ModelCatalog({ cacheFile, log })
    await catalog.list({ apiKey: fake.apiKey, baseURL: fake.baseURL })
    await fake.close()
    const offline = await catalog.list({ apiKey: fake.apiKey, baseURL: fake.baseURL })
    expect(offline).toEqual({
      ok: true,
      value: [
        { id: 'gpt-4.1', name: 'GPT-4.1' },
        { id: 'my-model', name: 'my-model' },
      ],
    })
    expect(log.lines.join('\n')).toContain('offering the cached list')
    const elsewhere = await catalog.list({ apiKey: fake.apiKey, baseURL: `http://127.0.0.1:${await closedPort()}/v1` })
    expect(elsewhere).toMatchObject({ ok: false, error: { kind: 'network' } })
  })

  it('does not hide a wrong key behind the cache', async () => {
    const fake = await gateway()
    const catalog = new ModelCatalog({ cacheFile: join(tempDir(), 'models-cache.json'), log: memoryLogger() })
    await catalog.list({ apiKey: fake.apiKey, baseURL: fake.baseURL })
    expect(await catalog.list({ apiKey: 'sk-wrong-0123456789', baseURL: fake.baseURL })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_key' },
    })
  })

  it('checks a key: wrong key, wrong base URL and no network are told apart, and the key never shows', async () => {
    const fake = await gateway()
    const catalog = new ModelCatalog({ cacheFile: join(tempDir(), 'models-cache.json'), log: memoryLogger() })
    const wrongKey = await catalog.check({ apiKey: 'sk-wrong-0123456789', baseURL: fake.baseURL })
    expect(wrongKey).toMatchObject({ ok: false, error: { kind: 'invalid_key' } })
    expect(JSON.stringify(wrongKey)).not.toContain('sk-wrong-0123456789')
    expect(await catalog.check({ apiKey: fake.apiKey, baseURL: `${fake.baseURL}/oops` })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(
      await catalog.check({ apiKey: fake.apiKey, baseURL: `http://127.0.0.1:${await closedPort()}/v1` }),
    ).toMatchObject({ ok: false, error: { kind: 'network' } })
    expect(await catalog.check({ apiKey: fake.apiKey, baseURL: fake.baseURL })).toEqual({
      ok: true,
      value: { models: 4 },
    })
  })
})
