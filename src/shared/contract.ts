/**
 * The one contract between the renderer and main: every channel's request and response schema.
 *
 * Main validates each incoming payload against `request` (the renderer is untrusted); the preload
 * and browser mode expose exactly these channels; the renderer's `Api` type is derived from here.
 */
import { z } from 'zod'
import type { InvokeChannel } from './channels'
import { ChatSendRequestSchema, ChatSendResponseSchema, ChatStopRequestSchema, ChatStopResponseSchema } from './chat'
import type { Result } from './errors'
import { KeyStatusSchema, SetKeyRequestSchema } from './key-status'
import { SettingsPatchSchema, SettingsViewSchema } from './settings'

const NoPayload = z.undefined()

export const ModelInfoSchema = z.object({ id: z.string(), name: z.string() })
export type ModelInfo = z.infer<typeof ModelInfoSchema>

export const contract = {
  'settings:get': { request: NoPayload, response: SettingsViewSchema },
  'settings:set': { request: SettingsPatchSchema, response: SettingsViewSchema },
  'key:status': { request: NoPayload, response: KeyStatusSchema },
  'key:set': { request: SetKeyRequestSchema, response: KeyStatusSchema },
  'key:clear': { request: NoPayload, response: KeyStatusSchema },
  'models:list': { request: NoPayload, response: z.array(ModelInfoSchema) },
  'chat:send': { request: ChatSendRequestSchema, response: ChatSendResponseSchema },
  'chat:stop': { request: ChatStopRequestSchema, response: ChatStopResponseSchema },
} as const satisfies Record<InvokeChannel, { request: z.ZodType; response: z.ZodType }>

// Both directions of the check: every channel has schemas, and every schema has a channel name.
type ContractHasNoExtraChannels = keyof typeof contract extends InvokeChannel ? true : never
export const contractHasNoExtraChannels: ContractHasNoExtraChannels = true

export type Contract = typeof contract
export type RequestOf<C extends InvokeChannel> = z.input<Contract[C]['request']>
export type ResponseOf<C extends InvokeChannel> = z.output<Contract[C]['response']>

/** A handler per channel, as main implements them: payloads arrive already validated. */
export type Handlers = {
  [C in InvokeChannel]: (request: z.output<Contract[C]['request']>) => Promise<Result<ResponseOf<C>>>
}
