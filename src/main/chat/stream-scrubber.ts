/**
 * Scrubs the key out of streamed answer text, for a gateway that echoes it (plain, base64,
 * percent-encoded, JSON-escaped) into the answer. A form can arrive split across deltas, so the end
 * of the text that could still be the start of a form is held back until the next delta shows it is
 * not (or the stream ends); anything else passes at once, so an ordinary answer is not delayed.
 * Only the key's forms are scrubbed here, not key-shaped text: an answer may rightly show `sk-…`
 * examples.
 */
import { redactForms, secretForms } from '../secret-forms'

export class StreamScrubber {
  private pending = ''
  private readonly fixed: string[]

  constructor(private readonly secrets: readonly string[]) {
    this.fixed = secrets.filter((secret) => secret.length >= 4).flatMap((secret) => secretForms(secret).fixed)
  }

  /** The text that is safe to pass on now; the rest waits for the next push or `flush`. */
  push(text: string): string {
    if (!this.fixed.length) return text
    const scrubbed = this.scrub(this.pending + text)
    const held = this.heldLength(scrubbed)
    this.pending = scrubbed.slice(scrubbed.length - held)
    return scrubbed.slice(0, scrubbed.length - held)
  }

  /** What is held back, scrubbed: at the end of the stream, whatever ended it. */
  flush(): string {
    const rest = this.scrub(this.pending)
    this.pending = ''
    return rest
  }

  private scrub(text: string): string {
    let result = text
    for (const secret of this.secrets) if (secret.length >= 4) result = redactForms(result, secret, '[redacted]')
    return result
  }

  /** The length of the longest end of `text` that is the beginning of a form (but not a whole one). */
  private heldLength(text: string): number {
    let longest = 0
    for (const form of this.fixed) {
      const from = Math.max(0, text.length - form.length + 1)
      for (let start = text.indexOf(form[0]!, from); start !== -1; start = text.indexOf(form[0]!, start + 1)) {
        const tail = text.length - start
        if (tail <= longest) break
        if (form.startsWith(text.slice(start))) {
          longest = tail
          break
        }
      }
    }
    return longest
  }
}
