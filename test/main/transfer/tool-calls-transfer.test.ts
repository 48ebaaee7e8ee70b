import { describe, expect, it } from 'vitest'
import { readImportFile } from '../../../src/main/history/transfer/read-import-file'
import type { ToolCallRecord } from '../../../src/shared/tool-calls'
import { useTempDirs } from '../../support/temp-dir'
import { jsonExportText, openStore } from './transfer-support'

const tempDir = useTempDirs()

const call: ToolCallRecord = {
  id: 'call_7',
  functionName: 'files__read',
  serverId: 'files',
  serverName: 'Files',
  tool: 'read',
  arguments: '{"path":"ghi-chú.txt"}',
  status: 'done',
  result: 'Nội dung <b>không</b> phải HTML',
  isError: false,
  stderr: [],
  startedAt: 1_700_000_000_000,
  endedAt: 1_700_000_000_250,
}

describe('tool calls in our JSON export', () => {
  it('go out with their answer and come back in, as an optional field (format version 3)', () => {
    const { store } = openStore(tempDir())
    const conversation = store.createConversation({})
    store.appendMessage(conversation.id, { role: 'user', content: 'Đọc tệp', status: 'complete' })
    const answer = store.appendMessage(conversation.id, { role: 'assistant', content: '', status: 'complete' })
    store.setToolCalls(answer.id, [call])
    store.appendMessage(conversation.id, { role: 'assistant', content: 'Đã đọc.', status: 'complete' })
    const text = jsonExportText([...store.exportBundles(null)])
    store.close()
    expect(JSON.parse(text)).toMatchObject({ version: 3 })

    const read = readImportFile(text, 0)
    const { store: other } = openStore(tempDir())
    other.importBundles(read.bundles)
    const [imported] = other.listConversations({ limit: 10 }).conversations
    const messages = other.listMessages(imported!.id, { limit: 10 }).messages
    expect(messages.map((message) => message.toolCalls)).toEqual([undefined, [call], undefined])
    other.close()
  })

  it('refuses a file whose tool call is not the documented shape, naming where', () => {
    const { store } = openStore(tempDir())
    const conversation = store.createConversation({})
    const answer = store.appendMessage(conversation.id, { role: 'assistant', content: 'x', status: 'complete' })
    store.setToolCalls(answer.id, [call])
    const text = jsonExportText([...store.exportBundles(null)]).replace('"status":"done"', '"status":"exploded"')
    store.close()
    expect(() => readImportFile(text, 0)).toThrow(/toolCalls/)
  })
})
