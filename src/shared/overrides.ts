import { z } from 'zod'

/**
 * Per-conversation settings that win over the user's defaults; absent means "use the default".
 * Its own file so both the chat and the history contracts can use it without importing each other.
 */
export const ConversationOverridesSchema = z
  .object({
    model: z.string().trim().min(1).max(200).optional(),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().min(1).max(1_000_000).optional(),
    systemPrompt: z.string().max(20_000).optional(),
    /** Tools (MCP) on or off for this conversation; absent: the Settings default. */
    tools: z.boolean().optional(),
  })
  .strict()
export type ConversationOverrides = z.infer<typeof ConversationOverridesSchema>
