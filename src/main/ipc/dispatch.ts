import { isInvokeChannel } from '../../shared/channels'
import { contract, type Handlers } from '../../shared/contract'
import { fail, type Result } from '../../shared/errors'
import { scrubSecrets, type Logger } from '../log'
import { toAppError } from '../to-app-error'

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Result<unknown>>

/**
 * The main boundary, shared by IPC and browser mode: every payload is `unknown` until the channel's
 * schema accepts it; a refused payload reaches no handler, so it changes nothing. Handlers that
 * throw become `internal` errors, without a stack.
 */
export function createDispatch(handlers: Handlers, log: Logger, secrets: () => readonly string[]): Dispatch {
  return async (channel, payload) => {
    if (!isInvokeChannel(channel)) return fail('invalid_payload', 'Unknown channel.')
    const parsed = contract[channel].request.safeParse(payload)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue?.path.length ? ` (${issue.path.join('.')})` : ''
      // The schema's words can quote the payload (an unknown key's name): scrubbed like any other message.
      const message = `Invalid request for ${channel}${where}: ${issue?.message ?? 'rejected'}`
      return fail('invalid_payload', scrubSecrets(message, secrets()).slice(0, 400))
    }
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<Result<unknown>>
      return await handler(parsed.data)
    } catch (error) {
      const appError = toAppError(error, secrets())
      log.error(`handler for ${channel} failed`, appError.message)
      return {
        ok: false,
        error:
          appError.kind === 'internal' ? { kind: 'internal', message: 'Something went wrong in the app.' } : appError,
      }
    }
  }
}
