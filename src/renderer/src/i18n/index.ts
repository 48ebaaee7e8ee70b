import { en } from './en'

/** The strings in use. English only for now; a language switch replaces this with a lookup. */
export const strings = en

/** Which errors are fixed in Settings, so the message can offer to open it. */
export const errorsFixedInSettings = new Set(['no_key', 'invalid_key', 'forbidden', 'network', 'tls', 'not_found'])
