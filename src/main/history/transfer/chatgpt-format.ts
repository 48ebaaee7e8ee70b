/**
 * ChatGPT's `conversations.json` (Settings → Data controls → Export): an array of conversations, each
 * a tree of message nodes (`mapping`) because an edited or regenerated message branches. We import
 * every branch, as our own tree (each kept message under its nearest kept ancestor), and show the
 * one the user last saw: `current_node`'s.
 *
 * Kept: user and assistant messages that show text (`text`, and `multimodal_text` where an uploaded
 * image becomes `[image]` and a voice message its transcript). Skipped: hidden system messages and
 * custom instructions, tool nodes, the assistant's calls to tools (`recipient` other than `all`),
 * reasoning summaries, code and its output, and empty messages: none has a faithful place in a
 * text chat. A conversation left with no message is skipped. docs/export-format.md says the same.
 */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { StoredMessage } from '../../../shared/history'
import type { BundleMessage, ConversationBundle } from '../history-api'
import { InvalidImportFile, shown, validated } from './import-errors'

/** Only what we read is checked; the rest of a node (and ChatGPT adds fields often) passes untouched. */
const NodeSchema = z.object({
  parent: z.string().nullable().optional(),
  children: z.array(z.string()).optional(),
  message: z
    .object({
      author: z.object({ role: z.string() }),
      create_time: z.number().nullable().optional(),
      content: z
        .object({ content_type: z.string(), parts: z.array(z.unknown()).nullable().optional() })
        .nullable()
        .optional(),
      recipient: z.string().nullable().optional(),
      // Only the fields we read; the rest (citations…) is dropped while checking, to save memory.
      metadata: z
        .object({
          is_visually_hidden_from_conversation: z.unknown().optional(),
          model_slug: z.unknown().optional(),
          // Files the user attached: their bytes are not in conversations.json, so only their names come.
          attachments: z
            .array(z.object({ name: z.unknown().optional() }))
            .optional()
            .catch(undefined),
        })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
})
type ChatGptNode = z.infer<typeof NodeSchema>

/**
 * The mapping passes through as the parsed object and its nodes are checked one by one into a Map:
 * a node id is any string, `__proto__` and `constructor` included, and a record schema would build
 * a plain object where assigning `__proto__` sets the prototype instead of adding the node.
 */
const ChatGptConversationSchema = z.object({
  title: z.string().nullable().optional(),
  create_time: z.number().nullable().optional(),
  update_time: z.number().nullable().optional(),
  mapping: z.custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    {
      error: (issue) =>
        issue.input === undefined
          ? 'this required field is missing'
          : `expected an object, found ${shown(issue.input)}`,
    },
  ),
  current_node: z.string().nullable().optional(),
})
type ChatGptConversation = Omit<z.infer<typeof ChatGptConversationSchema>, 'mapping'> & {
  mapping: Map<string, ChatGptNode>
}

/** An array whose first entry has a `mapping`: enough to tell it from our own format and say which checks apply. */
export function looksLikeChatGptExport(value: unknown): value is unknown[] {
  const first: unknown = Array.isArray(value) ? value[0] : undefined
  return typeof first === 'object' && first !== null && 'mapping' in first
}

/**
 * Checks every conversation and converts it, or throws `InvalidImportFile` naming the first fault
 * (`[2].mapping["abc"].parent points to "x", which is not in its mapping`). Each raw conversation is
 * dropped once converted, so memory holds the file about twice, not three times.
 */
export function bundlesFromChatGpt(file: unknown[], now: number, notImported: string[] = []): ConversationBundle[] {
  const bundles: ConversationBundle[] = []
  for (let index = 0; index < file.length; index++) {
    const { mapping, ...fields } = validated(ChatGptConversationSchema, file[index], [index])
    file[index] = null
    const nodes = new Map<string, ChatGptNode>()
    for (const [nodeId, node] of Object.entries(mapping))
      nodes.set(nodeId, validated(NodeSchema, node, [index, 'mapping', nodeId]))
    const conversation: ChatGptConversation = { ...fields, mapping: nodes }
    checkParents(conversation.mapping, index)
    const bundle = toBundle(conversation, currentThread(conversation, index), now, notImported)
    if (bundle.messages.length > 0) bundles.push(bundle)
  }
  return bundles
}

/**
 * Every branch, parents before children (a walk down from the roots, in the mapping's order): a
 * skipped node (hidden, a tool's, empty) passes its children to its nearest kept ancestor. The shown
 * leaf is the kept message nearest above `current_node`.
 */
function toBundle(
  conversation: ChatGptConversation,
  thread: string[],
  now: number,
  notImported: string[],
): ConversationBundle {
  const createdAt = milliseconds(conversation.create_time) ?? now
  const conversationId = randomUUID()
  const messages: BundleMessage[] = []
  const childrenOf = new Map<string | null, string[]>()
  for (const [nodeId, node] of conversation.mapping) {
    const parent = node.parent ?? null
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), nodeId])
  }
  /** For each node reached, the id of the message it stands for: its own, or its nearest kept ancestor's. */
  const anchorOf = new Map<string, string | null>()
  const stack = (childrenOf.get(null) ?? []).map((nodeId) => ({ nodeId, parentId: null as string | null })).reverse()
  while (stack.length > 0) {
    const { nodeId, parentId } = stack.pop()!
    if (anchorOf.has(nodeId)) continue
    const message = toMessage(
      conversation.mapping.get(nodeId)!,
      conversationId,
      messages.at(-1)?.createdAt ?? createdAt,
      notImported,
    )
    if (message) messages.push({ ...message, parentId })
    const anchor = message?.id ?? parentId
    anchorOf.set(nodeId, anchor)
    for (const child of [...(childrenOf.get(nodeId) ?? [])].reverse()) stack.push({ nodeId: child, parentId: anchor })
  }
  const shownNode = thread.at(-1)
  return {
    conversation: {
      id: conversationId,
      title: conversation.title?.trim() || 'Imported from ChatGPT',
      createdAt,
      updatedAt:
        milliseconds(conversation.update_time) ?? Math.max(createdAt, ...messages.map((message) => message.createdAt)),
      pinned: false,
      overrides: {},
    },
    messages,
    currentLeafId: (shownNode === undefined ? null : anchorOf.get(shownNode)) ?? messages.at(-1)?.id ?? null,
  }
}

/** The message a node shows, or null when it is not one we keep (see the file's comment). */
/** `notImported` collects the names of the attachments left behind, for the import's summary. */
function toMessage(
  node: ChatGptNode,
  conversationId: string,
  previousAt: number,
  notImported: string[],
): StoredMessage | null {
  const message = node.message
  const role = message?.author.role
  if (!message || (role !== 'user' && role !== 'assistant')) return null
  if (message.metadata?.is_visually_hidden_from_conversation === true) return null
  if (role === 'assistant' && message.recipient && message.recipient !== 'all') return null
  const { text: content, names } = withAttachmentNote(visibleText(message.content), message.metadata?.attachments)
  if (!content.trim()) return null
  notImported.push(...names)
  const at = milliseconds(message.create_time) ?? previousAt
  const model = message.metadata?.model_slug
  return {
    id: randomUUID(),
    conversationId,
    role,
    content,
    reasoning: null,
    status: 'complete',
    errorKind: null,
    errorMessage: null,
    errorCause: null,
    model: role === 'assistant' && typeof model === 'string' ? model : null,
    usage: null,
    costUsd: null,
    timings: null,
    finishReason: null,
    createdAt: at,
    updatedAt: at,
  }
}

type Content = NonNullable<ChatGptNode['message']>['content']

/** The text a reader saw; uploaded images become `[image]`, a voice message its transcript. */
function visibleText(content: Content): string {
  if (!content || (content.content_type !== 'text' && content.content_type !== 'multimodal_text')) return ''
  const pieces: string[] = []
  for (const part of content.parts ?? []) {
    if (typeof part === 'string') pieces.push(part)
    else if (typeof part === 'object' && part !== null && 'content_type' in part) {
      if (part.content_type === 'image_asset_pointer') pieces.push('[image]')
      else if (part.content_type === 'audio_transcription' && 'text' in part && typeof part.text === 'string')
        pieces.push(part.text)
    }
  }
  return pieces.filter((piece) => piece !== '').join('\n')
}

/**
 * ChatGPT's attachments cannot be brought (conversations.json has their names, not their bytes): the
 * message says which were left behind, so the reader knows the question had them.
 */
export const notImportedPrefix = '[Attachments not imported: '

function withAttachmentNote(
  text: string,
  attachments: ReadonlyArray<{ name?: unknown }> | undefined,
): { text: string; names: string[] } {
  const names = (attachments ?? []).flatMap((attachment) =>
    typeof attachment.name === 'string' && attachment.name.trim() ? [attachment.name.trim()] : [],
  )
  if (names.length === 0) return { text, names }
  const note = `${notImportedPrefix}${names.join(', ')}]`
  return { text: text ? `${text}\n\n${note}` : note, names }
}

/** Every parent link must land in the mapping, on or off the branch we import: the file is checked whole. */
function checkParents(mapping: Map<string, ChatGptNode>, index: number): void {
  for (const [nodeId, node] of mapping) {
    const parent = node.parent ?? null
    if (parent !== null && !mapping.has(parent))
      throw new InvalidImportFile(
        `[${index}].mapping[${JSON.stringify(nodeId)}].parent points to ${JSON.stringify(parent)}, which is not in its mapping`,
      )
  }
}

/** The node ids from the root down to the shown node (checked for loops). */
function currentThread(conversation: ChatGptConversation, index: number): string[] {
  const { mapping } = conversation
  let nodeId = conversation.current_node ?? lastLeaf(mapping)
  if (nodeId === null) return []
  if (!mapping.has(nodeId))
    throw new InvalidImportFile(
      `[${index}].current_node points to ${JSON.stringify(nodeId)}, which is not in its mapping`,
    )
  const thread: string[] = []
  const seen = new Set<string>()
  while (nodeId !== null) {
    if (seen.has(nodeId))
      throw new InvalidImportFile(`[${index}].mapping[${JSON.stringify(nodeId)}].parent makes a loop`)
    seen.add(nodeId)
    thread.push(nodeId)
    nodeId = mapping.get(nodeId)!.parent ?? null
  }
  return thread.reverse()
}

/** Older exports lack `current_node`: follow the newest child (the last one listed) down from the root. */
function lastLeaf(mapping: Map<string, ChatGptNode>): string | null {
  let nodeId = [...mapping].find(([, node]) => !node.parent)?.[0] ?? null
  const seen = new Set<string>()
  while (nodeId !== null && !seen.has(nodeId)) {
    seen.add(nodeId)
    const next = mapping.get(nodeId)!.children?.findLast((child) => mapping.has(child))
    if (next === undefined) break
    nodeId = next
  }
  return nodeId
}

/** ChatGPT counts seconds (with a fraction); we count milliseconds. */
function milliseconds(seconds: number | null | undefined): number | null {
  return typeof seconds === 'number' && Number.isFinite(seconds) ? Math.round(seconds * 1000) : null
}
