/**
 * ChatGPT's `conversations.json` (Settings → Data controls → Export): an array of conversations, each
 * a tree of message nodes (`mapping`) because an edited message branches. We import the branch the
 * user last saw: from `current_node` up through `parent` to the root. Kept: user and assistant
 * messages with text. Skipped: hidden system and tool nodes, empty messages, and non-text content
 * (images, code-interpreter output), which have no faithful place in a text chat.
 */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { StoredMessage } from '../../../shared/history'
import type { ConversationBundle } from '../history-api'

const NodeSchema = z.object({
  id: z.string().optional(),
  parent: z.string().nullable().optional(),
  children: z.array(z.string()).optional(),
  message: z
    .object({
      author: z.object({ role: z.string() }),
      create_time: z.number().nullable().optional(),
      content: z
        .object({ content_type: z.string(), parts: z.array(z.unknown()).optional() })
        .loose()
        .nullable()
        .optional(),
    })
    .loose()
    .nullable()
    .optional(),
})

const ChatGptConversationSchema = z
  .object({
    title: z.string().nullable().optional(),
    create_time: z.number().nullable().optional(),
    update_time: z.number().nullable().optional(),
    mapping: z.record(z.string(), NodeSchema),
    current_node: z.string().nullable().optional(),
  })
  .loose()

export const ChatGptExportSchema = z.array(ChatGptConversationSchema)
export type ChatGptExport = z.infer<typeof ChatGptExportSchema>

export function looksLikeChatGptExport(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    typeof value[0] === 'object' &&
    value[0] !== null &&
    'mapping' in value[0]
  )
}

/** Converts, or throws an Error whose message names the broken place (e.g. `[2].mapping["abc"].parent`). */
export function bundlesFromChatGpt(file: ChatGptExport, now: number): ConversationBundle[] {
  return file.map((conversation, index) => {
    const thread = currentThread(conversation, index)
    const createdAt = seconds(conversation.create_time) ?? now
    const conversationId = randomUUID()
    const messages: StoredMessage[] = []
    for (const node of thread) {
      const message = node.message
      const role = message?.author.role
      if (!message || (role !== 'user' && role !== 'assistant')) continue
      if (message.content?.content_type !== 'text') continue
      const text = (message.content.parts ?? []).filter((part): part is string => typeof part === 'string').join('\n')
      if (!text.trim()) continue
      const at = seconds(message.create_time) ?? createdAt
      messages.push({
        id: randomUUID(),
        conversationId,
        role,
        content: text,
        reasoning: null,
        status: 'complete',
        errorKind: null,
        errorMessage: null,
        model:
          typeof message.metadata === 'object' && message.metadata && 'model_slug' in message.metadata
            ? String(message.metadata.model_slug)
            : null,
        usage: null,
        costUsd: null,
        timings: null,
        finishReason: null,
        createdAt: at,
        updatedAt: at,
      })
    }
    return {
      conversation: {
        id: conversationId,
        title: conversation.title?.trim() || 'Imported from ChatGPT',
        createdAt,
        updatedAt: seconds(conversation.update_time) ?? messages.at(-1)?.createdAt ?? createdAt,
        pinned: false,
        overrides: {},
      },
      messages,
    }
  })
}

type ChatGptNode = z.infer<typeof NodeSchema>

function currentThread(conversation: ChatGptExport[number], index: number): ChatGptNode[] {
  const { mapping } = conversation
  let nodeId = conversation.current_node ?? lastLeaf(mapping)
  if (nodeId === null) return []
  if (!(nodeId in mapping))
    throw new Error(`[${index}].current_node points to "${nodeId}", which is not in its mapping`)
  const thread: ChatGptNode[] = []
  const seen = new Set<string>()
  while (nodeId) {
    if (seen.has(nodeId)) throw new Error(`[${index}].mapping["${nodeId}"].parent makes a cycle`)
    seen.add(nodeId)
    const node: ChatGptNode = mapping[nodeId]!
    thread.push(node)
    const parent = node.parent ?? null
    if (parent !== null && !(parent in mapping))
      throw new Error(`[${index}].mapping["${nodeId}"].parent points to "${parent}", which is not in its mapping`)
    nodeId = parent
  }
  return thread.reverse()
}

/** Older exports lack `current_node`: follow the last child from the root. */
function lastLeaf(mapping: Record<string, ChatGptNode>): string | null {
  const root = Object.entries(mapping).find(([, node]) => !node.parent)?.[0]
  let nodeId = root ?? null
  while (nodeId && mapping[nodeId]?.children?.length) nodeId = mapping[nodeId]!.children!.at(-1)!
  return nodeId
}

function seconds(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 1000) : null
}
