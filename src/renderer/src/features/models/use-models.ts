import { useEffect, useSyncExternalStore } from 'react'
import type { Api } from '../../../../shared/api'
import type { ModelInfo } from '../../../../shared/contract'
import { knownModels } from '../../../../shared/models'
import { ExternalStore } from '../../lib/external-store'

export interface ModelList {
  models: readonly ModelInfo[]
  /**
   * True when the list came from the gateway (main answers with its last list when offline); false
   * while only the built-in headline models are known, so an unlisted id is not called a mistake.
   */
  fromGateway: boolean
}

/** One list for every picker (the chat header, the conversation dialog, Settings), asked once at a time. */
class ModelListStore extends ExternalStore<ModelList> {
  private inFlight: Promise<void> | null = null

  refresh(api: Api): Promise<void> {
    this.inFlight ??= api.models
      .list()
      .then((result) => {
        if (result.ok && result.value.length) this.set({ models: result.value, fromGateway: true })
      })
      .finally(() => {
        this.inFlight = null
      })
    return this.inFlight
  }
}

const store = new ModelListStore({ models: knownModels.map((known) => ({ ...known })), fromGateway: false })

/** The gateway's models, asked again when the key changes; the headline models until it answers. */
export function useModels(api: Api, hasKey: boolean): ModelList {
  const list = useSyncExternalStore(store.subscribe, store.getSnapshot)
  useEffect(() => {
    void store.refresh(api)
  }, [api, hasKey])
  return list
}
