/** The gateway's headline models, with the names people know them by. Any other id still works. */
export const knownModels: ReadonlyArray<{ id: string; name: string }> = [
  { id: 'gpt-4.1', name: 'GPT-4.1' },
  { id: 'claude-sonnet-4.5', name: 'Claude Sonnet 4.5' },
  { id: 'gemini-2.5-flash', name: 'Gemini 2.5 Flash' },
  { id: 'deepseek-v3.2', name: 'DeepSeek V3.2' },
]

export const defaultModelId = 'gpt-4.1'

export const defaultBaseURL = 'https://api.holysheep.ai/v1'

export function friendlyModelName(id: string): string {
  return knownModels.find((model) => model.id === id)?.name ?? id
}

/**
 * Headline models that read images (vision). GPT-4.1, Claude Sonnet 4.5 and Gemini 2.5 Flash do;
 * DeepSeek V3.2 reads text only. Any other model is taken not to, unless the user says it does
 * (`modelReadsImages` in Settings, per model), which also overrides this list either way.
 */
export const visionModelIds: ReadonlySet<string> = new Set(['gpt-4.1', 'claude-sonnet-4.5', 'gemini-2.5-flash'])

export function readsImages(modelId: string, overrides: Readonly<Record<string, boolean>> = {}): boolean {
  return overrides[modelId] ?? visionModelIds.has(modelId)
}
