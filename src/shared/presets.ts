import { z } from 'zod'

/** A named system prompt plus parameters, applied to a conversation as its overrides. */
export const PresetSchema = z
  .object({
    id: z.string().trim().min(1).max(100),
    name: z.string().trim().min(1, 'Give the preset a name.').max(100),
    systemPrompt: z.string().max(20_000),
    model: z.string().trim().min(1).max(200).optional(),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict()
export type Preset = z.infer<typeof PresetSchema>

export const PresetListSchema = z.array(PresetSchema).max(200)

/** Saving a preset: without an id it is new; with one it replaces that preset. */
export const PresetSaveSchema = PresetSchema.extend({ id: PresetSchema.shape.id.optional() }).strict()
export type PresetSave = z.infer<typeof PresetSaveSchema>

/** The presets a new install starts with; the user may edit or delete them like their own. */
export const shippedPresets: readonly Preset[] = [
  {
    id: 'shipped-vietnamese-assistant',
    name: 'Trợ lý tiếng Việt',
    systemPrompt:
      'Bạn là một trợ lý hữu ích. Luôn trả lời bằng tiếng Việt tự nhiên, rõ ràng và ngắn gọn; giữ nguyên thuật ngữ kỹ thuật tiếng Anh khi cần.',
    temperature: 0.7,
  },
  {
    id: 'shipped-code-reviewer',
    name: 'Code reviewer',
    systemPrompt:
      'You are a careful senior code reviewer. Point out bugs, security problems, unclear names and missing tests first, then smaller style issues. Quote the lines you mean and suggest concrete fixes.',
    temperature: 0.2,
  },
  {
    id: 'shipped-translator',
    name: 'Translator (English ⇄ Vietnamese)',
    systemPrompt:
      'Translate the user’s text between English and Vietnamese: Vietnamese into English, anything else into Vietnamese. Keep the meaning, tone and formatting; answer with the translation only.',
    temperature: 0.3,
  },
]
