/** Broken files are refused whole, with one message that says what is wrong and where. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { InvalidImportFile, readImportFile } from '../../../src/main/history/transfer/read-import-file'
import { importProblemOf } from '../../../src/main/history/transfer/import-encoding'
import { findJsonSyntaxFault } from '../../../src/main/history/transfer/json-syntax-error'
import { generatedBundles, jsonExportText } from './transfer-support'

const chatgptSample = readFileSync(new URL('../../fixtures/chatgpt-conversations.json', import.meta.url), 'utf8')

function refusal(text: string): string {
  try {
    readImportFile(text, 0)
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidImportFile)
    return (error as Error).message
  }
  throw new Error('the file was accepted')
}

/** A valid export of 4 conversations of 9 messages each, as a plain object to break. */
function goodExport() {
  return JSON.parse(jsonExportText(generatedBundles(4, 9)))
}

describe('refusing files that are not JSON', () => {
  it('says the file is empty', () => {
    expect(refusal('')).toBe('The file is empty.')
    expect(refusal(' \n')).toBe('The file is empty.')
  })

  it('names the line and column where the JSON breaks, even where V8 gives no position', () => {
    // In a long file V8 says only "Unexpected token ']', ...snippet... is not valid JSON".
    const lines = jsonExportText(generatedBundles(3, 2)).split('\n')
    // Lines: the header, then one conversation per line, each but the last ending with a comma.
    lines[2] = lines[2]!.replace(/\}\]\},$/, '},]},')
    expect(refusal(lines.join('\n'))).toMatch(
      /^The file is not valid JSON: line 3, column \d+: a ',' before '\]' \(JSON allows no trailing comma\)\.$/,
    )
    expect(refusal('{\n  "format": "holysheep-chat",\n  "version" 1\n}')).toBe(
      "The file is not valid JSON: line 3, column 13: expected ':' after the field name but found '1'.",
    )
  })

  it('says a cut-off file ends too early', () => {
    const text = jsonExportText(generatedBundles(2, 2))
    expect(refusal(text.slice(0, text.length - 40))).toMatch(
      /^The file is not valid JSON: line 3, column \d+: a string that never ends \(was the file cut off\?\)\.$/,
    )
    expect(refusal('{"format": "holysheep-chat", "version": 1,')).toBe(
      'The file is not valid JSON: line 1, column 43: the file ends too early (was it cut off?).',
    )
  })

  it('finds the same faults JSON.parse does, and none in valid JSON', () => {
    const valid = ['{}', '[]', '"x"', '-0.5e+3', '{"a":[1,{"b":null}],"c":"\\u00e9\\n"}', ' [ true , false ] ']
    for (const text of valid) expect(findJsonSyntaxFault(text)).toBeNull()
    const broken = ['{a:1}', "['x']", '[01]', '{"a":1,}', '[1 2]', '"tab\there"', '"\\x"', 'nul', '[1]]', '{"a"}']
    for (const text of broken) {
      expect(() => JSON.parse(text)).toThrow(SyntaxError)
      expect(findJsonSyntaxFault(text), text).not.toBeNull()
    }
  })
})

describe('refusing our own format when a field is wrong', () => {
  it('names the conversation, the message and the field', () => {
    const file = goodExport()
    file.conversations[3].messages[7].role = 'wizard'
    expect(refusal(JSON.stringify(file))).toBe(
      'conversations[3].messages[7].role: expected one of system, user, assistant, found "wizard"',
    )
    const missing = goodExport()
    delete missing.conversations[1].messages[0].content
    expect(refusal(JSON.stringify(missing))).toMatch(/^conversations\[1\]\.messages\[0\]\.content: /)
    const badId = goodExport()
    badId.conversations[2].id = 'not-a-uuid'
    expect(refusal(JSON.stringify(badId))).toMatch(/^conversations\[2\]\.id: expected a UUID/)
    const typo = goodExport()
    typo.conversations[0].messages[2].contnet = 'x'
    expect(refusal(JSON.stringify(typo))).toMatch(/^conversations\[0\]\.messages\[2\]\.contnet: /)
  })

  it('refuses another format, another version, and a file from a newer app', () => {
    expect(refusal('{"format": "other-app"}')).toBe('format: expected "holysheep-chat", found "other-app".')
    expect(refusal(JSON.stringify({ ...goodExport(), version: 0 }))).toMatch(
      /^version: expected one of 1, 2, 3, found 0/,
    )
    expect(refusal(JSON.stringify({ ...goodExport(), version: 4 }))).toMatch(
      /^version: this file is version 4, from a newer HolySheep Chat; this app reads version 3\. .*Update the app/,
    )
    expect(refusal(JSON.stringify({ ...goodExport(), conversations: [] }))).toBe(
      'The file holds no conversations to import.',
    )
  })

  it('says what it expected when the file is neither format', () => {
    for (const text of ['{"hello": "world"}', '[1, 2]', '"text"', 'null']) {
      expect(refusal(text)).toMatch(/^This is not a file the app can import: expected a HolySheep Chat export/)
    }
    expect(refusal('[]')).toBe('The file holds no conversations.')
  })
})

describe('refusing a broken ChatGPT export', () => {
  const sample = () => JSON.parse(chatgptSample)

  it('names a parent that is not in the mapping, on the current branch or off it', () => {
    const onBranch = sample()
    onBranch[1].mapping['c2-a1b'].parent = 'nowhere'
    expect(refusal(JSON.stringify(onBranch))).toBe(
      '[1].mapping["c2-a1b"].parent points to "nowhere", which is not in its mapping',
    )
    const offBranch = sample()
    offBranch[2].mapping['c3-a2b'].parent = 'gone'
    expect(refusal(JSON.stringify(offBranch))).toBe(
      '[2].mapping["c3-a2b"].parent points to "gone", which is not in its mapping',
    )
  })

  it('names a missing current node, a loop, and fields of the wrong type', () => {
    const lost = sample()
    lost[0].current_node = 'c1-zzz'
    expect(refusal(JSON.stringify(lost))).toBe('[0].current_node points to "c1-zzz", which is not in its mapping')
    const loop = sample()
    loop[1].mapping['c2-root'].parent = 'c2-a1b'
    expect(refusal(JSON.stringify(loop))).toMatch(/^\[1\]\.mapping\["c2-[a-z0-9]+"\]\.parent makes a loop$/)
    const author = sample()
    author[1].mapping['c2-u1b'].message.author = 'user'
    expect(refusal(JSON.stringify(author))).toBe(
      '[1].mapping["c2-u1b"].message.author: expected an object, found "user"',
    )
    const mapping = sample()
    mapping[2].mapping = 'none'
    expect(refusal(JSON.stringify(mapping))).toBe('[2].mapping: expected an object, found "none"')
  })
})

describe('refusing bytes that are not UTF-8 text', () => {
  const offsetOf = (bytes: number[]) => importProblemOf(Buffer.from(bytes))

  it('names the first bad byte: stray, overlong, surrogate, beyond U+10FFFF, cut short', () => {
    const emoji = [...Buffer.from('["🐑 ')] // a valid 4-byte sequence first: offsets count bytes, not characters
    expect(offsetOf([...emoji, 0x80])).toEqual({ kind: 'not_utf8', byteOffset: 7 })
    expect(offsetOf([...emoji, 0xc0, 0xaf])).toEqual({ kind: 'not_utf8', byteOffset: 7 }) // overlong "/"
    expect(offsetOf([...emoji, 0xe0, 0x80, 0xaf])).toEqual({ kind: 'not_utf8', byteOffset: 7 }) // overlong
    expect(offsetOf([...emoji, 0xed, 0xa0, 0x80])).toEqual({ kind: 'not_utf8', byteOffset: 7 }) // a surrogate
    expect(offsetOf([...emoji, 0xf4, 0x90, 0x80, 0x80])).toEqual({ kind: 'not_utf8', byteOffset: 7 })
    expect(offsetOf([...emoji, 0xe1, 0xba, 0x5d])).toEqual({ kind: 'not_utf8', byteOffset: 7 }) // "ạ" cut by "]"
    expect(offsetOf([...emoji, 0xe1, 0xba])).toEqual({ kind: 'not_utf8', byteOffset: 7 }) // cut by the end
    expect(offsetOf([...Buffer.from('["ạ🐑"]')])).toBeNull()
  })

  it('agrees with a strict decoder on random bytes: all before the offset decodes, one more byte does not', () => {
    const strict = new TextDecoder('utf-8', { fatal: true })
    let seed = 7
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % 256
    for (let round = 0; round < 500; round++) {
      const bytes = Buffer.from(Array.from({ length: 12 }, () => (random() < 160 ? random() % 128 : random())))
      if (bytes[0] === 0 || bytes[1] === 0) bytes[0] = bytes[1] = 0x5b // keep clear of the UTF-16 guess
      const problem = importProblemOf(bytes)
      if (problem === null) {
        expect(() => strict.decode(bytes)).not.toThrow()
        continue
      }
      if (problem.kind !== 'not_utf8') continue
      const offset = problem.byteOffset!
      expect(() => strict.decode(bytes.subarray(0, offset))).not.toThrow()
      expect(() => strict.decode(bytes)).toThrow()
    }
  })

  it('names archives and UTF-16 by their first bytes, and lets UTF-8 with or without a BOM through', () => {
    expect(importProblemOf(Buffer.from('PK\x05\x06'))).toEqual({ kind: 'zip' })
    expect(importProblemOf(Buffer.from([0x1f, 0x8b, 8]))).toEqual({ kind: 'gzip' })
    expect(importProblemOf(Buffer.from([0xfe, 0xff, 0, 0x5b]))).toEqual({ kind: 'utf16' })
    expect(importProblemOf(Buffer.from('[{"a":1}]', 'utf16le'))).toEqual({ kind: 'utf16' })
    expect(importProblemOf(Buffer.from('\ufeff[{"mapping":{}}]'))).toBeNull()
    expect(importProblemOf(Buffer.from('[]'))).toBeNull()
  })
})
