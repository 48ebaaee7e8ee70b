import { z } from 'zod'
import { defaultModelId } from './models'

/** Base URLs are http(s) only: anything else would let a setting point the SDK at a file or a data URL. */
const HttpUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2048)
  .transform((url) => url.replace(/\/+$/, ''))

/** Non-secret, per-user settings. The API key is never part of these. */
export const SettingsSchema = z.object({
  /** null means "use the default gateway" (or HOLYSHEEP_BASE_URL when set). */
  baseURL: HttpUrlSchema.nullable(),
  defaultModel: z.string().trim().min(1).max(200),
  temperature: z.number().min(0).max(2).nullable(),
  maxTokens: z.number().int().min(1).max(1_000_000).nullable(),
  systemPrompt: z.string().max(20_000),
  /** Light, dark, or whatever the operating system uses. */
  theme: z.enum(['system', 'light', 'dark']),
  /** The UI's language; 'system' follows the OS locale (in browser mode, the browser's). */
  language: z.enum(['system', 'en', 'vi']),
})
export type Settings = z.infer<typeof SettingsSchema>

export const defaultSettings: Settings = {
  baseURL: null,
  defaultModel: defaultModelId,
  temperature: null,
  maxTokens: null,
  systemPrompt: '',
  theme: 'system',
  language: 'system',
}

/** A change to some settings; unknown keys are refused rather than silently dropped. */
export const SettingsPatchSchema = SettingsSchema.partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>

/** What the renderer sees: the stored settings plus the gateway actually in use and why. */
export const SettingsViewSchema = z.object({
  settings: SettingsSchema,
  effectiveBaseURL: z.string(),
  baseURLSource: z.enum(['default', 'settings', 'environment']),
})
export type SettingsView = z.infer<typeof SettingsViewSchema>
