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
