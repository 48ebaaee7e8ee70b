import { ExternalStore } from '../../lib/external-store'

/** The new chat's draft (it has no conversation id yet). */
export const newChatDraftKey = 'new'
/** Each draft is one localStorage entry under this prefix and its conversation id. */
const prefix = 'holysheep.draft.'
/** Drafts kept across reloads; the oldest goes first. */
export const maxStoredDrafts = 50
/**
 * The longest draft kept across reloads (characters). A longer one stays while the window is open but
 * is not written: localStorage holds about 5 MB for the whole app, and a paste that size is rare.
 */
export const maxStoredDraftChars = 200_000
/** Typing writes at most this often; a reload or close writes what is left (`flush`). */
const writeDelayMs = 300

interface StoredDraft {
  text: string
  at: number
}

/**
 * One unsent message per conversation (and one for the new chat), kept in memory while the window is
 * open and in localStorage across reloads. Drafts of deleted conversations are dropped (`remove`).
 */
export class DraftStore extends ExternalStore<ReadonlyMap<string, string>> {
  private readonly pending = new Set<string>()
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly storage: Storage | null,
    private readonly now: () => number = Date.now,
  ) {
    super(readAll(storage))
  }

  get(key: string): string {
    return this.getSnapshot().get(key) ?? ''
  }

  setDraft(key: string, text: string): void {
    if (this.get(key) === text) return
    const next = new Map(this.getSnapshot())
    if (text) next.set(key, text)
    else next.delete(key)
    this.set(next)
    this.pending.add(key)
    this.timer ??= setTimeout(() => this.flush(), writeDelayMs)
  }

  /** Clears `key`'s draft if it still is `sent` (text typed while sending stays). */
  clearIfSent(key: string, sent: string): void {
    if (this.get(key) === sent) this.setDraft(key, '')
    this.flush()
  }

  /** A conversation was deleted: its draft goes too. */
  remove(key: string): void {
    this.setDraft(key, '')
    this.flush()
  }

  /** Writes the drafts changed since the last write. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (!this.storage) return
    for (const key of this.pending) {
      const text = this.get(key)
      try {
        if (!text || text.length > maxStoredDraftChars) this.storage.removeItem(prefix + key)
        else this.storage.setItem(prefix + key, JSON.stringify({ text, at: this.now() } satisfies StoredDraft))
      } catch {
        // Storage full or refused (a private window): the draft stays in memory for this window.
      }
    }
    this.pending.clear()
    prune(this.storage)
  }
}

function storedKeys(storage: Storage): string[] {
  const keys: string[] = []
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index)
    if (key?.startsWith(prefix)) keys.push(key)
  }
  return keys
}

function parse(raw: string | null): StoredDraft | null {
  if (!raw) return null
  try {
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null) return null
    const { text, at } = value as Record<string, unknown>
    return typeof text === 'string' && typeof at === 'number' ? { text, at } : null
  } catch {
    return null
  }
}

function readAll(storage: Storage | null): Map<string, string> {
  const drafts = new Map<string, string>()
  if (!storage) return drafts
  for (const key of storedKeys(storage)) {
    const draft = parse(storage.getItem(key))
    if (draft?.text) drafts.set(key.slice(prefix.length), draft.text)
  }
  return drafts
}

/** Keeps the newest `maxStoredDrafts` and drops entries that are not drafts of ours. */
function prune(storage: Storage): void {
  const entries = storedKeys(storage).map((key) => ({ key, draft: parse(storage.getItem(key)) }))
  for (const { key, draft } of entries) if (!draft) storage.removeItem(key)
  const valid = entries.filter((entry) => entry.draft).sort((a, b) => b.draft!.at - a.draft!.at)
  for (const { key } of valid.slice(maxStoredDrafts)) storage.removeItem(key)
}

function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

/** The app's drafts; written out when the page goes away, so a reload keeps the last keystrokes. */
export const drafts = new DraftStore(browserStorage())
globalThis.addEventListener?.('pagehide', () => drafts.flush())
