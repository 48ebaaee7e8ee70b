/**
 * The conversation open in this window, kept across a reload. sessionStorage is per tab (and per
 * desktop window), so two windows each reopen their own, and a new tab starts fresh. Only the id is
 * kept: the messages stay with main.
 */
const storageKey = 'holysheep.openConversation'
/** Stored for "a new chat was open", so a reload keeps an empty new chat rather than guessing. */
const newChat = 'new'

/** The id open before the reload, null for a new chat, undefined when this window remembers none. */
export function rememberedConversation(): string | null | undefined {
  const value = read()
  if (value === null) return undefined
  return value === newChat ? null : value
}

export function rememberConversation(conversationId: string | null): void {
  try {
    sessionStorage.setItem(storageKey, conversationId ?? newChat)
  } catch {
    // Storage refused (a private window's quota, a sandbox): a reload then starts a new chat, as before.
  }
}

function read(): string | null {
  try {
    return sessionStorage.getItem(storageKey)
  } catch {
    return null
  }
}
