import { beforeEach, describe, expect, it } from 'vitest'
import {
  DraftStore,
  maxStoredDraftChars,
  maxStoredDrafts,
  newChatDraftKey,
} from '../../src/renderer/src/features/chat/draft-store'

const prefix = 'holysheep.draft.'

describe('DraftStore (happy-dom localStorage)', () => {
  beforeEach(() => localStorage.clear())

  it('keeps one draft per conversation and one for the new chat, and a new store (a reload) reads them back', () => {
    const drafts = new DraftStore(localStorage)
    drafts.setDraft('a', 'draft for A')
    drafts.setDraft(newChatDraftKey, 'draft for the new chat')
    expect(drafts.get('a')).toBe('draft for A')
    expect(drafts.get('b')).toBe('')
    drafts.flush()
    const reloaded = new DraftStore(localStorage)
    expect(reloaded.get('a')).toBe('draft for A')
    expect(reloaded.get(newChatDraftKey)).toBe('draft for the new chat')
  })

  it('clears a sent draft, but not text typed while it was sending', () => {
    const drafts = new DraftStore(localStorage)
    drafts.setDraft('a', 'sent')
    drafts.clearIfSent('a', 'sent')
    expect(drafts.get('a')).toBe('')
    expect(localStorage.getItem(`${prefix}a`)).toBeNull()
    drafts.setDraft('a', 'sent and more')
    drafts.clearIfSent('a', 'sent')
    expect(new DraftStore(localStorage).get('a')).toBe('sent and more')
  })

  it("drops a deleted conversation's draft from memory and storage", () => {
    const drafts = new DraftStore(localStorage)
    drafts.setDraft('a', 'draft')
    drafts.flush()
    drafts.remove('a')
    expect(drafts.get('a')).toBe('')
    expect(localStorage.getItem(`${prefix}a`)).toBeNull()
  })

  it(`keeps the newest ${maxStoredDrafts} drafts across reloads`, () => {
    let now = 0
    const drafts = new DraftStore(localStorage, () => ++now)
    for (let index = 0; index < maxStoredDrafts + 5; index++) {
      drafts.setDraft(`c${index}`, `draft ${index}`)
      drafts.flush()
    }
    const reloaded = new DraftStore(localStorage)
    expect(reloaded.getSnapshot().size).toBe(maxStoredDrafts)
    expect(reloaded.get('c0')).toBe('')
    expect(reloaded.get(`c${maxStoredDrafts + 4}`)).toBe(`draft ${maxStoredDrafts + 4}`)
  })

  it('keeps a draft too large to store in memory only, and forgets its older stored copy', () => {
    const drafts = new DraftStore(localStorage)
    drafts.setDraft('a', 'short')
    drafts.flush()
    const huge = 'x'.repeat(maxStoredDraftChars + 1)
    drafts.setDraft('a', huge)
    drafts.flush()
    expect(drafts.get('a')).toBe(huge)
    expect(localStorage.getItem(`${prefix}a`)).toBeNull()
  })

  it('ignores and removes stored entries that are not drafts', () => {
    localStorage.setItem(`${prefix}a`, '{not json')
    localStorage.setItem(`${prefix}b`, JSON.stringify({ text: 5 }))
    localStorage.setItem('other-key', 'kept')
    const drafts = new DraftStore(localStorage)
    expect(drafts.getSnapshot().size).toBe(0)
    drafts.setDraft('c', 'fine')
    drafts.flush()
    expect(localStorage.getItem(`${prefix}a`)).toBeNull()
    expect(localStorage.getItem(`${prefix}b`)).toBeNull()
    expect(localStorage.getItem('other-key')).toBe('kept')
  })
})
