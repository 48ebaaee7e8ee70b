/**
 * Export and import of attachments through the real worker threads: a history with an image and a
 * PDF exported to JSON (version 3, the bytes inside) and imported into a fresh data folder comes back
 * identical, its files byte for byte; a file whose attachment bytes were changed is refused whole.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AttachmentFiles } from '../../../src/main/attachments/attachment-files'
import { AttachmentStore } from '../../../src/main/attachments/attachment-store'
import { pdfReader } from '../../../src/main/attachments/pdf-text'
import type { HistoryStore } from '../../../src/main/history/history-store'
import { pdfBytes, pngBytes } from '../../support/file-bytes'
import { memoryLogger } from '../../support/memory-logger'
import { useTempDirs } from '../../support/temp-dir'
import { pdfWorkerFromSource } from '../../support/test-core'
import { bundlesFromChatGpt } from '../../../src/main/history/transfer/chatgpt-format'
import { jobsFor, openStore } from './transfer-support'

const tempDir = useTempDirs()
const opened: HistoryStore[] = []
afterEach(() => {
  for (const store of opened.splice(0)) store.close()
})

function fresh() {
  const dir = tempDir()
  const { path, store } = openStore(dir)
  opened.push(store)
  const files = new AttachmentFiles(dir)
  const attachments = new AttachmentStore({
    files,
    history: store,
    readPdf: pdfReader(pdfWorkerFromSource),
    log: memoryLogger(),
  })
  return { dir, path, store, files, attachments, ...jobsFor(path) }
}

async function historyWithAttachments() {
  const source = fresh()
  const png = pngBytes(20, 10, 4)
  const pdf = pdfBytes(['Mot', 'Hai'])
  const add = async (name: string, bytes: Buffer) => {
    const result = await source.attachments.add({ name, dataBase64: bytes.toString('base64') })
    if (!result.ok) throw new Error(result.error.message)
    return { id: result.value.id, name }
  }
  const image = await add('ảnh.png', png)
  const document = await add('tài liệu.pdf', pdf)
  const conversation = source.store.createConversation({ title: 'Có tệp' })
  source.store.appendMessage(conversation.id, {
    role: 'user',
    content: 'Xem hai tệp',
    status: 'complete',
    attachments: [image, document],
  })
  source.store.appendMessage(conversation.id, { role: 'assistant', content: 'Đã xem', status: 'complete' })
  // The same image again, later, under another name: stored and exported once.
  source.store.appendMessage(conversation.id, {
    role: 'user',
    content: 'Lại ảnh đó',
    status: 'complete',
    attachments: [{ id: image.id, name: 'again.png' }],
  })
  const outPath = join(source.dir, 'export.json')
  const exported = await source.end(
    source.jobs.startExport({ conversationIds: null, format: 'json', outPath, location: outPath }),
  )
  expect(exported.phase).toBe('done')
  return { source, outPath, png, pdf, image, document }
}

describe('attachments in our JSON export (version 3)', () => {
  it('round-trip: the messages, their attachments and the files come back byte-identical', async () => {
    const { source, outPath, png, pdf, image, document } = await historyWithAttachments()
    const file = JSON.parse(readFileSync(outPath, 'utf8'))
    expect(file.version).toBe(3)
    expect(file.conversations[0].files.map((entry: { id: string }) => entry.id).sort()).toEqual(
      [image.id, document.id].sort(),
    )

    const target = fresh()
    const imported = await target.end(target.jobs.startImport({ inPath: outPath }))
    expect(imported).toMatchObject({ phase: 'done', result: { conversations: 1, messages: 3 } })
    expect([...target.store.exportBundles(null)]).toEqual([...source.store.exportBundles(null)])
    expect(readdirSync(target.files.dir).sort()).toEqual([image.id, document.id].sort())
    expect(readFileSync(target.files.pathOf(image.id))).toEqual(png)
    expect(readFileSync(target.files.pathOf(document.id))).toEqual(pdf)
    expect(target.store.attachmentText(document.id)).toBe(source.store.attachmentText(document.id))
    // The imported files are in use: the start-up clean-up keeps them.
    expect(await target.attachments.cleanUp(Date.now() + 1000)).toBe(0)
  })

  it('refuses a file whose attachment bytes do not match their SHA-256, importing nothing', async () => {
    const { outPath, image } = await historyWithAttachments()
    const file = JSON.parse(readFileSync(outPath, 'utf8'))
    const entry = file.conversations[0].files.find((candidate: { id: string }) => candidate.id === image.id)
    const bytes = Buffer.from(entry.dataBase64, 'base64')
    bytes[bytes.length - 1] = bytes.at(-1)! ^ 0xff
    entry.dataBase64 = bytes.toString('base64')
    writeFileSync(outPath, JSON.stringify(file))

    const target = fresh()
    const refused = await target.end(target.jobs.startImport({ inPath: outPath }))
    expect(refused).toMatchObject({ phase: 'error', error: { kind: 'invalid_file' } })
    expect(refused.error!.message).toMatch(/conversations\[0\]\.files\[\d\]: its bytes do not match its SHA-256/)
    expect(target.store.countConversations()).toBe(0)
    expect(() => readdirSync(target.files.dir)).toThrow()
  })
})

describe('attachments in a Markdown export', () => {
  it('are copied beside the .md and linked from the question', async () => {
    const { source, png, pdf, image, document } = await historyWithAttachments()
    const outPath = join(source.dir, 'chat.md')
    const done = await source.end(
      source.jobs.startExport({
        conversationIds: null,
        format: 'markdown',
        outPath,
        location: outPath,
        language: 'vi',
      }),
    )
    expect(done.phase).toBe('done')
    const markdown = readFileSync(outPath, 'utf8')
    const imageCopy = `chat-attachments/${image.id.slice(0, 12)}-ảnh.png`
    const pdfCopy = `chat-attachments/${document.id.slice(0, 12)}-tài liệu.pdf`
    expect(markdown).toContain(`### Bạn\n\n![ảnh.png](<${imageCopy}>)\n- [tài liệu.pdf](<${pdfCopy}>)\n\nXem hai tệp`)
    expect(markdown).toContain(`![again.png](<chat-attachments/${image.id.slice(0, 12)}-again.png>)`)
    expect(readFileSync(join(source.dir, imageCopy))).toEqual(png)
    expect(readFileSync(join(source.dir, pdfCopy))).toEqual(pdf)
  })
})

describe('attachments in a ChatGPT export', () => {
  it('are named in the question they came with, since conversations.json has no bytes to bring', () => {
    const question = (parts: unknown[], attachments?: unknown) => ({
      title: 'Ảnh',
      create_time: 1730000000,
      current_node: 'u1',
      mapping: {
        root: { id: 'root', message: null, parent: null, children: ['u1'] },
        u1: {
          id: 'u1',
          parent: 'root',
          children: [],
          message: {
            author: { role: 'user' },
            create_time: 1730000001,
            content: { content_type: 'multimodal_text', parts },
            metadata: attachments === undefined ? {} : { attachments },
          },
        },
      },
    })
    const [withFiles, onlyFiles, oddMetadata] = bundlesFromChatGpt(
      [
        question(
          [{ content_type: 'image_asset_pointer', asset_pointer: 'file-service://file-1' }, 'Đây là gì?'],
          [
            { id: 'file-1', name: 'mèo.jpg' },
            { id: 'file-2', name: 'báo cáo.pdf', mimeType: 'application/pdf' },
          ],
        ),
        question([{ content_type: 'image_asset_pointer', asset_pointer: 'file-service://x' }].slice(1), [
          { name: 'a.png' },
        ]),
        question(['Chỉ chữ'], 'not a list'),
      ],
      0,
    )
    expect(withFiles!.messages[0]!.content).toBe(
      '[image]\nĐây là gì?\n\n[Attachments not imported: mèo.jpg, báo cáo.pdf]',
    )
    expect(onlyFiles!.messages[0]!.content).toBe('[Attachments not imported: a.png]')
    expect(oddMetadata!.messages[0]!.content).toBe('Chỉ chữ')
  })

  it('are named in the import summary too, counted, through the real worker', async () => {
    const target = fresh()
    const node = (id: string, parent: string | null, children: string[], names: string[]) => ({
      id,
      parent,
      children,
      message: {
        author: { role: 'user' },
        create_time: 1730000001,
        content: { content_type: 'text', parts: [`câu ${id}`] },
        metadata: { attachments: names.map((name) => ({ name })) },
      },
    })
    const conversation = (title: string, names: string[][]) => ({
      title,
      create_time: 1730000000,
      mapping: Object.fromEntries(
        names.map((list, index) => [
          `n${index}`,
          node(`n${index}`, index ? `n${index - 1}` : null, index < names.length - 1 ? [`n${index + 1}`] : [], list),
        ]),
      ),
    })
    const many = Array.from({ length: 11 }, (_, index) => `tệp ${index + 1}.png`)
    const inPath = join(target.dir, 'conversations.json')
    writeFileSync(
      inPath,
      JSON.stringify([
        conversation('Có ảnh', [['mèo.jpg'], [], ['báo cáo.pdf', '\u202Eevil.png']]),
        conversation('Nhiều tệp', [many]),
        conversation('Không tệp', [[]]),
      ]),
    )
    const done = await target.end(target.jobs.startImport({ inPath }))
    expect(done.phase).toBe('done')
    // Fourteen left behind; the first ten distinct names, cleaned of bidi controls, in the file's order.
    expect(done.result!.attachmentsNotImported).toEqual({
      count: 14,
      names: ['mèo.jpg', 'báo cáo.pdf', 'evil.png', ...many.slice(0, 7)],
    })
    const texts = (title: string) => {
      const found = target.store.listConversations({ limit: 10 }).conversations.find((item) => item.title === title)!
      return target.store.listMessages(found.id, { limit: 10 }).messages.map((message) => message.content)
    }
    expect(texts('Có ảnh')).toEqual([
      'câu n0\n\n[Attachments not imported: mèo.jpg]',
      'câu n1',
      'câu n2\n\n[Attachments not imported: báo cáo.pdf, \u202Eevil.png]',
    ])
    // A file that lost nothing says nothing of attachments.
    const plain = fresh()
    const plainPath = join(plain.dir, 'plain.json')
    writeFileSync(plainPath, JSON.stringify([conversation('Không tệp', [[]])]))
    const plainDone = await plain.end(plain.jobs.startImport({ inPath: plainPath }))
    expect(plainDone.result).not.toHaveProperty('attachmentsNotImported')
  })
})
