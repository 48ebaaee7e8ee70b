/**
 * The gateway's models (`GET /models` through the SDK), headline models first with friendly names,
 * kept in `models-cache.json` so the picker still offers them offline.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import OpenAI from 'openai'
import { z } from 'zod'
import type { ModelInfo } from '../../shared/contract'
import { fail, ok, type Result } from '../../shared/errors'
import { friendlyModelName, knownModels } from '../../shared/models'
import type { Logger } from '../log'
import { refuseCrossOriginRedirects } from '../net/refuse-cross-origin-redirects'
import { toAppError } from '../to-app-error'
import type { GatewayConnection } from './chat-service'

const CacheSchema = z.object({
  baseURL: z.string(),
  fetchedAt: z.number(),
  ids: z.array(z.string().max(200)).max(5000),
})

/** Failures where a cached list is better than nothing: the gateway cannot be reached right now. */
const offlineKinds = new Set(['network', 'timeout', 'server'])

/** Asks the gateway for its model ids; throws what the SDK throws. */
async function fetchModelIds(connection: { apiKey: string; baseURL: string }, fetchImpl?: typeof fetch) {
  const client = new OpenAI({
    apiKey: connection.apiKey,
    baseURL: connection.baseURL,
    maxRetries: 1,
    timeout: 15_000,
    // Redirects to another host are refused, as for chat (see refuse-cross-origin-redirects.ts).
    fetch: refuseCrossOriginRedirects(fetchImpl ?? fetch),
  })
  const ids: string[] = []
  for await (const model of client.models.list()) ids.push(model.id)
  return ids
}

function toModelInfos(ids: readonly string[]): ModelInfo[] {
  const rank = (id: string) => {
    const index = knownModels.findIndex((model) => model.id === id)
    return index === -1 ? knownModels.length : index
  }
  return [...ids]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((id) => ({ id, name: friendlyModelName(id) }))
}

export class ModelCatalog {
  constructor(private readonly options: { cacheFile: string; log: Logger; fetch?: typeof fetch }) {}

  /** The gateway's list; when the gateway cannot be reached, the last list fetched from it. */
  async list(connection: GatewayConnection): Promise<Result<ModelInfo[]>> {
    if (!connection.apiKey)
      return (
        this.cached(connection.baseURL) ??
        (connection.keyRefused ? { ok: false, error: connection.keyRefused } : fail('no_key', 'No API key is set.'))
      )
    try {
      const ids = await fetchModelIds({ apiKey: connection.apiKey, baseURL: connection.baseURL }, this.options.fetch)
      this.store(connection.baseURL, ids)
      return ok(toModelInfos(ids))
    } catch (error) {
      const appError = toAppError(error, [connection.apiKey])
      const cached = offlineKinds.has(appError.kind) ? this.cached(connection.baseURL) : null
      if (cached) this.options.log.info(`models: ${appError.kind}; offering the cached list`)
      return cached ?? { ok: false, error: appError }
    }
  }

  /**
   * Checks a key before it is saved (onboarding): a wrong key, no network and a wrong base URL each
   * come back as their own error kind. The key is only used for this one request.
   */
  async check(connection: { apiKey: string; baseURL: string }): Promise<Result<{ models: number }>> {
    try {
      const ids = await fetchModelIds(connection, this.options.fetch)
      this.store(connection.baseURL, ids)
      return ok({ models: ids.length })
    } catch (error) {
      const appError = toAppError(error, [connection.apiKey])
      // Something answered, but not as an OpenAI-compatible gateway (an HTML page, say): the address is wrong.
      // GET /models names no model, so a 404 here (however its text reads) is a wrong address too.
      if (appError.kind === 'internal' || appError.kind === 'bad_request' || appError.kind === 'unknown_model')
        return fail('not_found', 'This address did not answer like an OpenAI-compatible gateway.')
      return { ok: false, error: appError }
    }
  }

  private cached(baseURL: string): Result<ModelInfo[]> | null {
    try {
      const cache = CacheSchema.parse(JSON.parse(readFileSync(this.options.cacheFile, 'utf8')))
      return cache.baseURL === baseURL && cache.ids.length ? ok(toModelInfos(cache.ids)) : null
    } catch {
      return null
    }
  }

  /** Written to a temporary file and renamed, so a crash mid-write leaves the previous cache whole. */
  private store(baseURL: string, ids: string[]): void {
    try {
      const temporary = `${this.options.cacheFile}.tmp`
      writeFileSync(temporary, JSON.stringify({ baseURL, fetchedAt: Date.now(), ids }), { mode: 0o600 })
      renameSync(temporary, this.options.cacheFile)
    } catch (error) {
      this.options.log.warn('could not write the models cache', error)
    }
  }
}
