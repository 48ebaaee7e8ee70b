import { z } from 'zod'
import { defaultModelId } from './models'
import { defaultPriceTable, PriceTableSchema } from './pricing'
import { defaultToolSettings, ToolSettingsSchema } from './tool-settings'

/** Base URLs are http(s) only: anything else would let a setting point the SDK at a file or a data URL. */
const HttpUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2048)
  .transform((url) => url.replace(/\/+$/, ''))

/** A proxy for the gateway's requests: http(s) only (what undici's ProxyAgent speaks). */
const ProxyUrlSchema = z.url({ protocol: /^https?$/ }).max(2048)

export const LanguageSchema = z.enum(['system', 'en', 'vi'])
export const ThemeSchema = z.enum(['system', 'light', 'dark'])

/** Non-secret, per-user settings. The API key is never part of these. */
export const SettingsSchema = z.object({
  /** null means "use the default gateway" (or HOLYSHEEP_BASE_URL when set). */
  baseURL: HttpUrlSchema.nullable(),
  defaultModel: z.string().trim().min(1).max(200),
  temperature: z.number().min(0).max(2).nullable(),
  /** Nucleus sampling (`top_p`); null leaves it to the model. */
  topP: z.number().min(0).max(1).nullable(),
  maxTokens: z.number().int().min(1).max(1_000_000).nullable(),
  systemPrompt: z.string().max(20_000),
  language: LanguageSchema,
  theme: ThemeSchema,
  /** A stream with no bytes for this long ends as a timeout. */
  idleTimeoutSeconds: z.number().int().min(5).max(600),
  /** Answers that may stream at once. */
  maxConcurrentStreams: z.number().int().min(1).max(16),
  /** Proxy for the gateway's requests; null means HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment. */
  proxy: ProxyUrlSchema.nullable(),
  /** List prices in USD per million tokens, by model id. */
  prices: PriceTableSchema,
  /** The currency the user pays in (ISO 4217 code) and how much of it one USD of list price costs. */
  currency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as CNY or USD.'),
  paymentRate: z.number().positive().max(1_000_000),
  /** A rolling copy of the history (and settings) taken once a day in a worker. */
  backupsEnabled: z.boolean(),
  /** How many daily backups are kept; the oldest beyond this are deleted. */
  backupsToKeep: z.number().int().min(1).max(100),
  /** The desktop app checks for updates at start and every few hours (never in browser mode or development). */
  autoUpdate: z.boolean(),
  /** An answer longer than this many characters ends as an error, keeping the text so far. */
  maxAnswerChars: z.number().int().min(10_000).max(50_000_000),
  /** An answer still streaming after this many seconds ends as a timeout, keeping the text so far. */
  totalTimeoutSeconds: z.number().int().min(30).max(7_200),
  /** The sidebar is folded away on wide windows (narrow ones always start with it folded). */
  sidebarCollapsed: z.boolean(),
  /** Attached images are sent as they are, not downscaled to 2,048 px on their longest side first. */
  keepOriginalImages: z.boolean(),
  /** By model id: whether it reads images, where the user knows better than the built-in list (`readsImages`). */
  modelReadsImages: z.record(z.string().trim().min(1).max(200), z.boolean()),
  /** MCP servers and the tool loop's limits (tool-settings.ts). */
  tools: ToolSettingsSchema,
})
export type Settings = z.infer<typeof SettingsSchema>
export type Language = z.infer<typeof LanguageSchema>
export type Theme = z.infer<typeof ThemeSchema>

export const defaultSettings: Settings = {
  baseURL: null,
  defaultModel: defaultModelId,
  temperature: null,
  topP: null,
  maxTokens: null,
  systemPrompt: '',
  language: 'system',
  theme: 'system',
  idleTimeoutSeconds: 45,
  maxConcurrentStreams: 4,
  proxy: null,
  prices: defaultPriceTable,
  // HolySheep bills ¥1 for each $1 of list price.
  currency: 'CNY',
  paymentRate: 1,
  backupsEnabled: true,
  backupsToKeep: 7,
  autoUpdate: true,
  maxAnswerChars: 2_000_000,
  totalTimeoutSeconds: 1_800,
  sidebarCollapsed: false,
  keepOriginalImages: false,
  modelReadsImages: {},
  tools: defaultToolSettings,
}

/** A change to some settings; unknown keys are refused rather than silently dropped. */
export const SettingsPatchSchema = SettingsSchema.partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>

/** What the renderer sees: the stored settings plus the gateway actually in use and why. */
export const SettingsViewSchema = z.object({
  settings: SettingsSchema,
  effectiveBaseURL: z.string(),
  baseURLSource: z.enum(['default', 'settings', 'environment']),
  /** The proxy the gateway's requests go through, and where it came from. */
  effectiveProxy: z.string().nullable(),
  proxySource: z.enum(['none', 'settings', 'environment']),
})
export type SettingsView = z.infer<typeof SettingsViewSchema>
