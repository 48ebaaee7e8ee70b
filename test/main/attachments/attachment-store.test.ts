import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AttachmentFiles, sha256Hex } from '../../../src/main/attachments/attachment-files'
import { AttachmentStore } from '../../../src/main/attachments/attachment-store'
import { pdfReader } from '../../../src/main/attachments/pdf-text'
import { HistoryStore } from '../../../src/main/history/history-store'
import {
  maxAttachmentBytes,
  maxAttachmentsPerMessage,
  maxMessageAttachmentBytes,
  type AttachmentAddRequest,
} from '../../../src/shared/attachments'
import { pdfBytes, pngBytes } from '../../support/file-bytes'
import { memoryLogger } from '../../support/memory-logger'
import { useTempDirs } from '../../support/temp-dir'
import { pdfWorkerFromSource } from '../../support/test-core'

const tempDir = useTempDirs()
const day = 24 * 60 * 60 * 1000
/** The clean-up as the next start runs it: everything written so far is from an earlier run. */
const nextStart = () => Date.now() + 1000
const open: HistoryStore[] = []
afterEach(() => {
  for (const store of open.splice(0)) store.close()
})

/** A history on a real file and an attachment store on a real folder, with a clock the test moves. */
function setUp() {
  const dataDir = tempDir()
  const clock = { now: Date.UTC(2026, 0, 1) }
  const { store: history } = HistoryStore.open({
    path: join(dataDir, 'history.sqlite'),
    log: memoryLogger(),
    now: () => clock.now,
  })
  open.push(history)
  const files = new AttachmentFiles(dataDir)
  const attachments = new AttachmentStore({
    files,
    history,
    readPdf: pdfReader(pdfWorkerFromSource),
    log: memoryLogger(),
  })
  return { dataDir, clock, history, files, attachments }
}

function file(name: string, bytes: Uint8Array): AttachmentAddRequest {
  return { name, dataBase64: Buffer.from(bytes).toString('base64') }
}

async function added(attachments: AttachmentStore, request: AttachmentAddRequest) {
  const result = await attachments.add(request)
  if (!result.ok) throw new Error(`refused: ${result.error.message}`)
  return result.value
}

describe('attachments on disk and in the history', () => {
  it('store a file once under its SHA-256, owner-only, however often it is attached', async () => {
    const { files, attachments, history } = setUp()
    const png = pngBytes(64, 48)
    const first = await added(attachments, file('chụp màn hình.png', png))
    const again = await added(attachments, file('copy.png', png))
    expect(first).toEqual({
      id: sha256Hex(png),
      name: 'chụp màn hình.png',
      mime: 'image/png',
      size: png.length,
      width: 64,
      height: 48,
      pageCount: null,
      // OpenAI's tile rule: one 512-px tile.
      estimatedTokens: 255,
    })
    expect(again).toEqual({ ...first, name: 'copy.png' })
    const { estimatedTokens: _tokens, ...stored } = first
    expect(readdirSync(files.dir)).toEqual([first.id])
    expect(readFileSync(files.pathOf(first.id))).toEqual(png)
    if (process.platform !== 'win32') {
      expect(statSync(files.dir).mode & 0o777).toBe(0o700)
      expect(statSync(files.pathOf(first.id)).mode & 0o777).toBe(0o600)
    }
    // Two questions, one file: each keeps the name it was attached under.
    const conversation = history.createConversation()
    history.appendMessage(conversation.id, {
      role: 'user',
      content: 'a',
      status: 'complete',
      attachments: [{ id: first.id, name: 'a.png' }],
    })
    const second = history.appendMessage(conversation.id, {
      role: 'user',
      content: 'b',
      status: 'complete',
      attachments: [{ id: first.id, name: 'b.png' }],
    })
    expect(history.getMessage(second.id)!.attachments).toEqual([{ ...stored, name: 'b.png' }])
    expect(history.listMessages(conversation.id, { limit: 10 }).messages.map((m) => m.attachments?.[0]?.name)).toEqual([
      'a.png',
      'b.png',
    ])
  })

  it('remove a file only when no message uses it any more, after the Undo window', async () => {
    const { files, attachments, history, clock } = setUp()
    const shared = await added(attachments, file('shared.png', pngBytes(8, 8, 1)))
    const own = await added(attachments, file('notes.md', Buffer.from('# Ghi chú\n')))
    const kept = history.createConversation()
    history.appendMessage(kept.id, { role: 'user', content: 'k', status: 'complete', attachments: [shared] })
    const doomed = history.createConversation()
    const question = history.appendMessage(doomed.id, {
      role: 'user',
      content: 'd',
      status: 'complete',
      attachments: [shared, own],
    })
    const branch = history.createConversation()
    const deletedQuestion = history.appendMessage(branch.id, {
      role: 'user',
      content: 'b',
      status: 'complete',
      attachments: [own],
    })
    expect(question.attachments?.map((a) => a.id)).toEqual([shared.id, own.id])

    history.deleteConversation(doomed.id)
    history.deleteSubtree(deletedQuestion.id)
    // Within the Undo window nothing goes: the purge keeps both, and so does the clean-up.
    history.purgeDeleted(day)
    expect(await attachments.cleanUp(nextStart())).toBe(0)
    expect(readdirSync(files.dir).sort()).toEqual([shared.id, own.id].sort())

    clock.now += day + 1
    history.purgeDeleted(day)
    expect(await attachments.cleanUp(nextStart())).toBe(1)
    // `shared` is still used by the kept conversation; `own` was used only by the purged messages.
    expect(readdirSync(files.dir)).toEqual([shared.id])
    expect(history.getAttachment(own.id)).toBeNull()
    expect(history.getAttachment(shared.id)).not.toBeNull()
  })

  it('clear files a crash left without a row, unfinished temp files, and attached-but-never-sent ones', async () => {
    const { files, attachments, dataDir } = setUp()
    const unsent = await added(attachments, file('draft.txt', Buffer.from('never sent')))
    const stray = sha256Hex(Buffer.from('stray'))
    writeFileSync(join(files.dir, stray), 'stray')
    writeFileSync(join(files.dir, `${stray}.1234.tmp`), 'half')
    writeFileSync(join(files.dir, 'README'), 'not ours')
    expect(await attachments.cleanUp(nextStart())).toBe(3)
    expect(readdirSync(files.dir)).toEqual(['README'])
    expect(existsSync(join(dataDir, 'attachments', unsent.id))).toBe(false)
  })

  it('leave alone what is attached after the start, while the clean-up runs', async () => {
    const { files, attachments, clock } = setUp()
    const startedAt = Date.now() - 60_000
    clock.now = Date.now()
    const draft = await added(attachments, file('pasted-now.png', pngBytes(5, 5)))
    writeFileSync(join(files.dir, `${sha256Hex(Buffer.from('x'))}.999.tmp`), 'being written')
    expect(await attachments.cleanUp(startedAt)).toBe(0)
    expect(readdirSync(files.dir)).toHaveLength(2)
    expect(attachments.resolve([draft]).ok).toBe(true)
  })

  it('refuse a file named .png whose bytes are not an image, and an SVG, storing nothing', async () => {
    const { files, attachments } = setUp()
    const fake = await attachments.add(file('photo.png', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)])))
    expect(fake).toEqual({
      ok: false,
      error: {
        kind: 'attachment_refused',
        message: 'photo.png is not an image, a PDF or a text file.',
        attachment: { reason: 'unsupported_type', name: 'photo.png' },
      },
    })
    const svg = await attachments.add(
      file('logo.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>')),
    )
    expect(svg.ok ? null : svg.error.attachment).toEqual({ reason: 'svg', name: 'logo.png' })
    // A text file named .png is text: the name says nothing.
    const text = await added(attachments, file('not-really.png', Buffer.from('plain words')))
    expect(text.mime).toBe('text/plain')
    expect(readdirSync(files.dir)).toEqual([text.id])
  })

  it('refuse a file over the limit from the size its base64 stands for, before decoding it', async () => {
    const { files, attachments } = setUp()
    const tooBig = Buffer.alloc(maxAttachmentBytes + 1, 0x61)
    const result = await attachments.add(file('big.txt', tooBig))
    expect(result.ok ? null : result.error).toEqual({
      kind: 'attachment_refused',
      message: 'big.txt is larger than 10 MB, the most one file may weigh.',
      attachment: { reason: 'file_too_large', name: 'big.txt', limit: maxAttachmentBytes },
    })
    // Exactly at the limit is accepted.
    const atLimit = await added(attachments, file('edge.txt', Buffer.alloc(maxAttachmentBytes, 0x62)))
    expect(atLimit.size).toBe(maxAttachmentBytes)
    expect(readdirSync(files.dir)).toEqual([atLimit.id])
  })

  it('hold a question to the per-message limits: how many files, how much together, each still stored', async () => {
    const { attachments } = setUp()
    const texts = await Promise.all(
      Array.from({ length: maxAttachmentsPerMessage + 1 }, (_, i) =>
        added(attachments, file(`f${i}.txt`, Buffer.from(`file ${i}`))),
      ),
    )
    expect(attachments.resolve(texts.slice(0, maxAttachmentsPerMessage)).ok).toBe(true)
    const tooMany = attachments.resolve(texts)
    expect(tooMany.ok ? null : tooMany.error.attachment).toEqual({
      reason: 'too_many',
      name: '',
      limit: maxAttachmentsPerMessage,
    })
    const heavy = await Promise.all(
      [0, 1, 2].map((i) => added(attachments, file(`h${i}.txt`, Buffer.alloc(maxAttachmentBytes - i, 0x63 + i)))),
    )
    const tooHeavy = attachments.resolve(heavy)
    expect(tooHeavy.ok ? null : tooHeavy.error).toEqual({
      kind: 'attachment_refused',
      message: 'The files of one message may weigh 25 MB together at most.',
      attachment: { reason: 'message_too_large', name: '', limit: maxMessageAttachmentBytes },
    })
    const missing = attachments.resolve([{ id: 'f'.repeat(64), name: '../gone.txt' }])
    expect(missing.ok ? null : missing.error.attachment).toEqual({ reason: 'missing', name: 'gone.txt' })
  })

  it('read a PDF’s page count and text in a worker, once, when it is attached', async () => {
    const { attachments, history } = setUp()
    const pdf = await added(attachments, file('báo cáo.pdf', pdfBytes(['First page text', 'Second page text'])))
    expect(pdf).toMatchObject({ mime: 'application/pdf', pageCount: 2, name: 'báo cáo.pdf' })
    expect(history.attachmentText(pdf.id)).toBe('--- page 1 ---\nFirst page text\n\n--- page 2 ---\nSecond page text')
    const broken = await attachments.add(file('broken.pdf', Buffer.from('%PDF-1.4\nnothing else')))
    expect(broken.ok ? null : broken.error.attachment).toEqual({ reason: 'unreadable_pdf', name: 'broken.pdf' })
  })

  it('give a stored file’s bytes back by its hash only', async () => {
    const { attachments } = setUp()
    const png = pngBytes(3, 3)
    const image = await added(attachments, file('a.png', png))
    expect(await attachments.read(image.id)).toEqual({
      ok: true,
      value: { mime: 'image/png', dataBase64: png.toString('base64') },
    })
    expect((await attachments.read('b'.repeat(64))).ok).toBe(false)
  })

  it('never turn an id into a path outside the folder', () => {
    const { files } = setUp()
    expect(() => files.pathOf('../history.sqlite')).toThrow()
    expect(() => files.pathOf('A'.repeat(64))).toThrow()
  })
})
