/**
 * The renderer's view of the contract, free of schemas so the sandboxed preload can bundle it
 * without zod (only type imports from `contract.ts`, which are erased).
 */
import { invokeChannels, type InvokeChannel } from './channels'
import type { AppEvent } from './events'
import type { RequestOf, ResponseOf } from './contract'
import type { Result } from './errors'

type Namespace<C extends string> = C extends `${infer N}:${string}` ? N : never
type MethodOf<C extends string, N extends string> = C extends `${N}:${infer M}` ? M : never

/** One function per channel: `chat:send` becomes `api.chat.send(request)`. */
export type InvokeFunction<C extends InvokeChannel> = (
  ...request: RequestOf<C> extends undefined ? [] : [request: RequestOf<C>]
) => Promise<Result<ResponseOf<C>>>

/**
 * What the renderer calls: `window.api` in the desktop app (built by the preload), HTTP + SSE in
 * browser mode. Narrow named functions only, never a pass-through to any channel.
 */
export type Api = {
  [N in Namespace<InvokeChannel>]: {
    [M in MethodOf<InvokeChannel, N>]: InvokeFunction<`${N}:${M}` & InvokeChannel>
  }
} & {
  /** Subscribes to main's events (chat, jobs, history); returns the function that unsubscribes. */
  onEvent(listener: (event: AppEvent) => void): () => void
}

/** Builds an `Api` from one transport function; the preload and browser mode both use it. */
export function buildApi(
  invoke: (channel: InvokeChannel, request: unknown) => Promise<unknown>,
  onEvent: Api['onEvent'],
): Api {
  const api: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {}
  for (const channel of invokeChannels) {
    const [namespace, method] = channel.split(':') as [string, string]
    api[namespace] ??= {}
    api[namespace][method] = (request?: unknown) => invoke(channel, request)
  }
  return { ...api, onEvent } as unknown as Api
}
