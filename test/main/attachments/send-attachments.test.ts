/**
 * Attachments sent for real: the core stores each file (`attachments:add`), `chat:send` names them,
 * main builds the content parts, the real openai SDK sends them over HTTP to the fake gateway, which
 * records the parts it received. History is a real SQLite file in a temp folder.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Attachment } from '../../../src/shared/attachments'
import type { ChatSendResponse } from '../../../src/shared/chat'
import { pdfBytes, pngBytes } from '../../support/file-bytes'
import { startChatSession } from '../../support/chat-session'
import { useTempDirs } from '../../support/temp-dir'

const tempDir = useTempDirs()
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup() {
  const session = await startChatSession(tempDir(), cleanups)
  const attach = (name: string, bytes: Buffer) =>
    session.call<Attachment>('attachments:add', { name, dataBase64: bytes.toString('base64') })
  const chatRequests = () => session.gateway.requests.filter((request) => request.path.endsWith('/chat/completions'))
  return { ...session, attach, chatRequests }
}

describe('sending attachments', () => {
  it('sends the image as an image_url part and the documents as delimited blocks naming their files', async () => {
    const { attach, call, ended, chatRequests, messages } = await setup()
    const png = pngBytes(40, 30, 7)
    const image = await attach('chụp.png', png)
    const pdf = await attach('báo cáo.pdf', pdfBytes(['Doanh thu quy mot', 'Chi phi quy mot']))
    const csv = await attach('data.csv', Buffer.from('tháng,doanh thu\n1,100\n'))
    expect(pdf.pageCount).toBe(2)
    const sent = await call<ChatSendResponse>('chat:send', {
      conversationId: null,
      content: 'Tóm tắt giúp tôi',
      attachments: [image, pdf, csv].map(({ id, name }) => ({ id, name })),
    })
    const end = await ended(sent.streamId!)
    expect(end.type).toBe('done')
    const [request] = chatRequests()
    expect(request!.parts).toEqual([
      [
        {
          type: 'text',
          text: '<document name="báo cáo.pdf" type="application/pdf" pages="2">\n--- page 1 ---\nDoanh thu quy mot\n\n--- page 2 ---\nChi phi quy mot\n</document>',
        },
        { type: 'text', text: '<document name="data.csv" type="text/plain">\ntháng,doanh thu\n1,100\n\n</document>' },
        { type: 'text', text: 'Tóm tắt giúp tôi' },
        { type: 'image_url', mime: 'image/png', bytes: png },
      ],
    ])
    // The question keeps its files, in order, under their names.
    const [question] = await messages(sent.conversationId)
    expect(question!.attachments?.map((attachment) => [attachment.name, attachment.mime])).toEqual([
      ['chụp.png', 'image/png'],
      ['báo cáo.pdf', 'application/pdf'],
      ['data.csv', 'text/plain'],
    ])
  })

  it('Regenerate and Edit send the question’s files again; a later question sends them as history', async () => {
    const { attach, call, ended, chatRequests } = await setup()
    const png = pngBytes(8, 8, 3)
    const image = await attach('a.png', png)
    const first = await call<ChatSendResponse>('chat:send', {
      conversationId: null,
      content: 'What is this?',
      attachments: [{ id: image.id, name: image.name }],
    })
    await ended(first.streamId!)
    const again = await call<ChatSendResponse>('chat:retry', { messageId: first.assistantMessageId })
    await ended(again.streamId!)
    const edited = await call<ChatSendResponse>('chat:edit', { messageId: first.userMessageId, content: 'And now?' })
    await ended(edited.streamId!)
    const next = await call<ChatSendResponse>('chat:send', { conversationId: first.conversationId, content: 'Thanks' })
    await ended(next.streamId!)
    const imagesPerRequest = chatRequests().map(
      (request) => (request.parts ?? []).flat().filter((part) => part.type === 'image_url').length,
    )
    expect(imagesPerRequest).toEqual([1, 1, 1, 1])
    const editedParts = chatRequests()[2]!.parts![0]!
    expect(editedParts).toEqual([
      { type: 'text', text: 'And now?' },
      { type: 'image_url', mime: 'image/png', bytes: png },
    ])
  })

  it('refuses an image for a model that does not read images before any request, writing nothing', async () => {
    const { attach, dispatch, chatRequests, core, call } = await setup()
    const image = await attach('a.png', pngBytes(4, 4))
    const result = await dispatch<ChatSendResponse>('chat:send', {
      conversationId: null,
      content: 'Describe',
      model: 'deepseek-v3.2',
      attachments: [{ id: image.id, name: image.name }],
    })
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'attachment_refused',
        message: 'deepseek-v3.2 does not read images. Pick a model that does, or remove the images.',
        attachment: { reason: 'model_without_vision', name: '', model: 'deepseek-v3.2' },
      },
    })
    expect(chatRequests()).toEqual([])
    expect(core.history.countConversations()).toBe(0)
    // A document goes to any model; and the user can say a model reads images.
    const note = await attach('note.md', Buffer.from('# Ghi chú'))
    const withNote = await call<ChatSendResponse>('chat:send', {
      conversationId: null,
      content: 'Read',
      model: 'deepseek-v3.2',
      attachments: [{ id: note.id, name: note.name }],
    })
    expect(withNote.streamId).not.toBeNull()
    core.settings.set({ modelReadsImages: { 'deepseek-v3.2': true } })
    const allowed = await dispatch<ChatSendResponse>('chat:send', {
      conversationId: null,
      content: 'Describe',
      model: 'deepseek-v3.2',
      attachments: [{ id: image.id, name: image.name }],
    })
    expect(allowed.ok).toBe(true)
  })

  it('Regenerate with a model that cannot read the question’s image fails the answer before any request', async () => {
    const { attach, call, ended, chatRequests, messages } = await setup()
    const image = await attach('a.png', pngBytes(4, 4))
    const first = await call<ChatSendResponse>('chat:send', {
      conversationId: null,
      content: 'Describe',
      attachments: [{ id: image.id, name: image.name }],
    })
    await ended(first.streamId!)
    await call('history:setOverrides', { conversationId: first.conversationId, overrides: { model: 'deepseek-v3.2' } })
    const again = await call<ChatSendResponse>('chat:retry', { messageId: first.userMessageId })
    expect(again.streamId).toBeNull()
    expect(again.error?.attachment).toEqual({ reason: 'model_without_vision', name: '', model: 'deepseek-v3.2' })
    expect(chatRequests()).toHaveLength(1)
    const shown = await messages(first.conversationId)
    expect(shown.at(-1)).toMatchObject({ status: 'error', errorKind: 'attachment_refused' })
  })

  it('counts an image by OpenAI’s tile rule when the gateway sends no usage, marked estimated', async () => {
    const { attach, call, ended, messages } = await setup()
    // 1024×1024: four 512-px tiles once its shortest side is 768, so 85 + 4 × 170 = 765 tokens.
    const image = await attach('square.png', pngBytes(1024, 1024))
    const question = '[[no-usage=1]] [[tokens=4]] abcd'
    const sent = await call<ChatSendResponse>('chat:send', {
      conversationId: null,
      content: question,
      attachments: [{ id: image.id, name: image.name }],
    })
    await ended(sent.streamId!)
    const [, answer] = await messages(sent.conversationId)
    expect(answer!.usage).toMatchObject({ promptTokens: Math.ceil(question.length / 4) + 765, estimated: true })
    // With usage from the gateway, its count is the one kept.
    const reported = await call<ChatSendResponse>('chat:send', {
      conversationId: null,
      content: '[[tokens=4]] abcd',
      attachments: [{ id: image.id, name: image.name }],
    })
    await ended(reported.streamId!)
    const [, withUsage] = await messages(reported.conversationId)
    expect(withUsage!.usage!.estimated).toBeUndefined()
  })

  it('counts an image by the rule of the answering model’s provider: Anthropic’s and Google’s', async () => {
    const { attach, call, ended, messages } = await setup()
    const image = await attach('square.png', pngBytes(1024, 1024))
    const question = '[[no-usage=1]] [[tokens=4]] abcd'
    // Anthropic: 1024 × 1024 / 750 = 1,398.1; Gemini: four 768-px tiles of 258.
    for (const [model, imageTokens] of [
      ['claude-sonnet-4.5', 1399],
      ['gemini-2.5-flash', 1032],
    ] as const) {
      const sent = await call<ChatSendResponse>('chat:send', {
        conversationId: null,
        content: question,
        model,
        attachments: [{ id: image.id, name: image.name }],
      })
      await ended(sent.streamId!)
      const [, answer] = await messages(sent.conversationId)
      expect(answer!.usage, model).toMatchObject({
        promptTokens: Math.ceil(question.length / 4) + imageTokens,
        estimated: true,
      })
    }
  })

  it('refuses a question naming a file that was never stored', async () => {
    const { dispatch, chatRequests } = await setup()
    const result = await dispatch('chat:send', {
      conversationId: null,
      content: 'x',
      attachments: [{ id: 'a'.repeat(64), name: 'gone.png' }],
    })
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'attachment_refused', attachment: { reason: 'missing' } },
    })
    expect(chatRequests()).toEqual([])
  })
})
