import { z } from 'zod'
import { ChatEventSchema } from './chat'
import { ConversationSchema } from './history'
import { NoticeSchema } from './contract'
import { ToolEventSchema } from './tool-contract'
import { JobEventSchema } from './transfer'
import { UpdateEventSchema } from './updates'

/** History changed outside the view's own request: a title, a new conversation from another window, an import. */
export const HistoryEventSchema = z.discriminatedUnion('change', [
  z.object({ type: z.literal('history'), change: z.literal('conversation'), conversation: ConversationSchema }),
  z.object({ type: z.literal('history'), change: z.literal('deleted'), conversationId: z.string().uuid() }),
  /** Many conversations changed at once (an import): reload the list. */
  z.object({ type: z.literal('history'), change: z.literal('reload') }),
])
export type HistoryEvent = z.infer<typeof HistoryEventSchema>

/** Something start-up work found after the window opened (the background page check): show it now. */
export const NoticeEventSchema = z.object({ type: z.literal('notice'), notice: NoticeSchema })
export type NoticeEvent = z.infer<typeof NoticeEventSchema>

/** Everything main pushes on the one event channel. */
export const AppEventSchema = z.union([
  ChatEventSchema,
  JobEventSchema,
  HistoryEventSchema,
  UpdateEventSchema,
  NoticeEventSchema,
  ToolEventSchema,
])
export type AppEvent = z.infer<typeof AppEventSchema>
