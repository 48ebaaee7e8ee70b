import OpenAI from 'openai'
import type { ModelInfo } from '../../shared/contract'
import { fail, ok, type Result } from '../../shared/errors'
import { friendlyModelName, knownModels } from '../../shared/models'
import { toAppError } from '../to-app-error'
import type { GatewayConnection } from './chat-service'

/** Lists the gateway's models (`GET /models`), headline models first, with friendly names. */
export async function listModels(
  connection: GatewayConnection,
  fetchImpl?: typeof fetch,
): Promise<Result<ModelInfo[]>> {
  if (!connection.apiKey) return fail('no_key', 'No API key is set.')
  try {
    const client = new OpenAI({
      apiKey: connection.apiKey,
      baseURL: connection.baseURL,
      maxRetries: 1,
      timeout: 15_000,
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    })
    const ids: string[] = []
    for await (const model of client.models.list()) ids.push(model.id)
    const rank = (id: string) => {
      const index = knownModels.findIndex((model) => model.id === id)
      return index === -1 ? knownModels.length : index
    }
    ids.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    return ok(ids.map((id) => ({ id, name: friendlyModelName(id) })))
  } catch (error) {
    const appError = toAppError(error, [connection.apiKey])
    return { ok: false, error: appError }
  }
}
