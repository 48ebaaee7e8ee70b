/**
 * Unicode's bidirectional controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069)
 * and the invisible marks (U+200E, U+200F, U+061C). In a link's text or a file name they reorder what
 * is shown, so `\u202Egnp.exe` reads as "exe.png" (issue 19, item 17). They carry nothing a label
 * needs, so shown labels drop them; the text itself (an answer, a copy) keeps them.
 */
const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

/** `text` without bidi controls. */
export function stripBidiControls(text: string): string {
  return text.replace(bidiControls, '')
}

/** True when `text` holds a bidi control. */
export function hasBidiControls(text: string): boolean {
  bidiControls.lastIndex = 0
  return bidiControls.test(text)
}
