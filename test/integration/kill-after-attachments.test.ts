/**
 * The durability promise for attachments: browser mode runs as a child process, stores a PDF and an
 * image, sends a question carrying them, and is killed with SIGKILL as soon as `chat:send` has
 * answered (the gateway never answers, so nothing after the send can help). Started again on the
 * same data folder, the question is there with both files, byte for byte, and the files survive the
 * start-up clean-up because a message uses them.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AttachmentAdded } from '../../src/shared/attachments'
import type { ChatSendResponse } from '../../src/shared/chat'
import type { StoredMessage } from '../../src/shared/history'
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server'
import { startBrowserMode, type BrowserModeProcess } from '../support/browser-mode'
import { browserModeClient } from '../support/browser-mode-client'
import { pdfBytes, pngBytes } from '../support/file-bytes'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const running: Array<BrowserModeProcess | FakeGateway> = []
afterEach(async () => {
  for (const item of running.splice(0)) await ('stop' in item ? item.stop() : item.close())
})

describe('killed right after sending attachments (SIGKILL)', () => {
  it('keeps the question with its files', async () => {
    const gateway = await startFakeGateway()
    running.push(gateway)
    const dataDir = tempDir()
    const options = { baseURL: gateway.baseURL, apiKey: gateway.apiKey, dataDir }
    const first = await startBrowserMode(options)
    running.push(first)
    const api = browserModeClient(first)
    const png = pngBytes(32, 32, 9)
    const pdf = pdfBytes(['Trang mot', 'Trang hai', 'Trang ba'])
    const image = await api.invoke<AttachmentAdded>('attachments:add', {
      name: 'ảnh.png',
      dataBase64: png.toString('base64'),
    })
    const document = await api.invoke<AttachmentAdded>('attachments:add', {
      name: 'tài liệu.pdf',
      dataBase64: pdf.toString('base64'),
    })
    const sent = await api.invoke<ChatSendResponse>('chat:send', {
      conversationId: null,
      content: '[[hang=1]] Xem giúp tôi',
      attachments: [image, document].map(({ id, name }) => ({ id, name })),
    })
    first.child.kill('SIGKILL')
    await new Promise((resolve) => first.child.once('exit', resolve))

    const second = await startBrowserMode(options)
    running.push(second)
    const { messages } = await browserModeClient(second).invoke<{ messages: StoredMessage[] }>('history:messages', {
      conversationId: sent.conversationId,
      limit: 100,
      beforeMessageId: null,
    })
    expect(messages.map((message) => [message.id, message.role])).toEqual([
      [sent.userMessageId, 'user'],
      [sent.assistantMessageId, 'assistant'],
    ])
    const stored = ({ estimatedTokens: _tokens, ...attachment }: AttachmentAdded) => attachment
    expect(messages[0]!.attachments).toEqual([
      { ...stored(image), name: 'ảnh.png' },
      { ...stored(document), name: 'tài liệu.pdf', pageCount: 3 },
    ])
    // The second start's clean-up of unused files leaves these: a message uses them.
    expect(readFileSync(join(dataDir, 'attachments', image.id))).toEqual(png)
    expect(readFileSync(join(dataDir, 'attachments', document.id))).toEqual(pdf)
  })
})
