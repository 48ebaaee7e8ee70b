import { randomUUID } from 'node:crypto'
import { PresetListSchema, type Preset, type PresetSave } from '../../shared/presets'
import type { Logger } from '../log'
import type { KeyValueStore } from '../storage/key-value-store'

const presetsKey = 'presets'

/** Named presets (system prompt plus parameters), kept in settings.json beside the settings. */
export class PresetStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly log: Logger,
  ) {}

  list(): Preset[] {
    const parsed = PresetListSchema.safeParse(this.store.get(presetsKey))
    if (parsed.success) return parsed.data
    this.log.warn('the presets in settings.json no longer match the schema; showing none')
    return []
  }

  /** Adds a preset (no id) or replaces the one with that id; returns the saved preset. */
  save(input: PresetSave): Preset | null {
    const presets = this.list()
    const preset: Preset = { ...input, id: input.id ?? randomUUID() }
    const index = presets.findIndex((existing) => existing.id === preset.id)
    if (input.id !== undefined && index === -1) return null
    if (index === -1) presets.push(preset)
    else presets[index] = preset
    this.store.set(presetsKey, PresetListSchema.parse(presets))
    return preset
  }

  delete(id: string): boolean {
    const presets = this.list()
    const kept = presets.filter((preset) => preset.id !== id)
    if (kept.length === presets.length) return false
    this.store.set(presetsKey, kept)
    return true
  }
}
