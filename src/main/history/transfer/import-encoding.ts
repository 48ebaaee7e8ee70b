/**
 * What an import file is, from its bytes, before it is read as text: a ZIP or gzip archive, UTF-16
 * text, or bytes that are not UTF-8 are refused by name (and, for bad UTF-8, by byte offset),
 * rather than decoded into replacement characters or reported as "line 1, column 1" of bad JSON.
 */
import { isUtf8 } from 'node:buffer'
import type { ImportProblem } from '../../../shared/errors'
import { InvalidImportFile } from './import-errors'

/** Throws `InvalidImportFile` (with its `problem`) unless `bytes` can be read as UTF-8 text. */
export function checkImportBytes(bytes: Uint8Array): void {
  const problem = importProblemOf(bytes)
  if (problem) throw new InvalidImportFile(describeProblem(problem), problem)
}

export function importProblemOf(bytes: Uint8Array): ImportProblem | null {
  const signature = signatureProblemOf(bytes)
  if (signature) return signature
  // isUtf8 is one fast native pass; the offset is looked for only in a file that fails it.
  if (!isUtf8(bytes)) return { kind: 'not_utf8', byteOffset: firstInvalidUtf8Byte(bytes) }
  return null
}

/**
 * From the first bytes alone (the first piece read is enough): an archive or UTF-16 text, so a
 * large ZIP is refused before the rest of it is read.
 */
export function checkImportSignature(firstBytes: Uint8Array): void {
  const problem = signatureProblemOf(firstBytes)
  if (problem) throw new InvalidImportFile(describeProblem(problem), problem)
}

function signatureProblemOf(bytes: Uint8Array): ImportProblem | null {
  const [a, b, c, d] = bytes
  // PK\x03\x04 starts a ZIP's first entry; PK\x05\x06 is an empty archive. ChatGPT's export is a ZIP.
  if (a === 0x50 && b === 0x4b && ((c === 3 && d === 4) || (c === 5 && d === 6))) return { kind: 'zip' }
  if (a === 0x1f && b === 0x8b) return { kind: 'gzip' }
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff) || looksLikeUtf16WithoutBom(bytes))
    return { kind: 'utf16' }
  return null
}

/** JSON starts with ASCII; in UTF-16 every second byte of it is 0 (in UTF-8 a NUL never appears in JSON). */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 64) & ~1
  if (sample < 2) return false
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++
    if (bytes[i + 1] === 0) oddZeros++
  }
  const pairs = sample / 2
  return evenZeros === pairs || oddZeros === pairs
}

function describeProblem(problem: ImportProblem): string {
  switch (problem.kind) {
    case 'zip':
      return 'This is a ZIP archive, not a JSON file: unzip it first and import the conversations.json inside.'
    case 'gzip':
      return 'This is a gzip-compressed file, not a JSON file: decompress it first and import the JSON inside.'
    case 'utf16':
      return 'This file is UTF-16 text: save it as JSON in UTF-8 and import it again.'
    case 'not_utf8':
      return `This file is not UTF-8 text: byte ${problem.byteOffset} is not valid UTF-8. Save it as JSON in UTF-8 and import it again.`
  }
}

/**
 * The offset of the first byte that breaks UTF-8 (RFC 3629: no overlong forms, no surrogates,
 * nothing above U+10FFFF): a stray byte, or the start of a sequence that is cut short or invalid.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i]!
    if (lead < 0x80) {
      i++
      continue
    }
    let length: number
    let low = 0x80
    let high = 0xbf
    if (lead >= 0xc2 && lead <= 0xdf) length = 2
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3
      if (lead === 0xe0) low = 0xa0 // overlong
      if (lead === 0xed) high = 0x9f // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4
      if (lead === 0xf0) low = 0x90 // overlong
      if (lead === 0xf4) high = 0x8f // above U+10FFFF
    } else return i
    if (i + length > bytes.length) return i
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]!
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf]
      if (next < min || next > max) return i
    }
    i += length
  }
  return bytes.length // only called when isUtf8 failed, so not reached
}
