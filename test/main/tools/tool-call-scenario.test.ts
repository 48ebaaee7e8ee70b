import OpenAI from 'openai'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ToolCallAssembler } from '../../../src/main/tools/tool-call-assembler'
import { startFakeGateway, type FakeGateway } from '../../fake-gateway/server'

let gateway: FakeGateway
let client: OpenAI

beforeEach(async () => {
  gateway = await startFakeGateway({ tokenDelayMs: 0 })
  client = new OpenAI({ apiKey: gateway.apiKey, baseURL: gateway.baseURL, maxRetries: 0 })
})
afterEach(() => gateway.close())

const tools = [
  {
    type: 'function' as const,
    function: { name: 'echo', description: 'Echo', parameters: { type: 'object', properties: {} } },
  },
]

async function stream(messages: OpenAI.ChatCompletionMessageParam[], withTools = true) {
  const assembler = new ToolCallAssembler()
  let text = ''
  let finish: string | null = null
  let pieces = 0
  const response = await client.chat.completions.create({
    model: 'gpt-4.1',
    messages,
    stream: true,
    ...(withTools ? { tools } : {}),
  })
  for await (const chunk of response) {
    assembler.push(chunk)
    if (chunk.choices[0]?.delta.tool_calls) pieces++
    text += chunk.choices[0]?.delta.content ?? ''
    finish = chunk.choices[0]?.finish_reason ?? finish
  }
  return { calls: assembler.result(), text, finish, pieces }
}

describe('the fake gateway acts out function calling through the real SDK', () => {
  it('streams parallel calls in pieces, which assemble by index', async () => {
    const question = 'Look it up [[call=echo:{"text":"xin chào 🐑"}]] [[call=lookup_weather:{"city":"Hà Nội"}]]'
    const { calls, finish, pieces } = await stream([{ role: 'user', content: question }])
    expect(finish).toBe('tool_calls')
    expect(calls).toEqual([
      { id: expect.stringMatching(/_0$/), name: 'echo', arguments: '{"text":"xin chào 🐑"}' },
      { id: expect.stringMatching(/_1$/), name: 'lookup_weather', arguments: '{"city":"Hà Nội"}' },
    ])
    // Names and arguments really came in pieces, not in one delta per call.
    expect(pieces).toBeGreaterThan(8)
  })

  it('asks for no call when the request offers no tools', async () => {
    const { calls, finish, text } = await stream([{ role: 'user', content: 'Hi [[call=echo]]' }], false)
    expect(calls).toEqual([])
    expect(finish).toBe('stop')
    expect(text).toContain('Echo:')
  })

  it('answers the follow-up request by echoing the tool results it received', async () => {
    const question = 'Look it up [[call=echo:{"text":"a"}]]'
    const first = await stream([{ role: 'user', content: question }])
    const id = first.calls[0]?.id ?? ''
    const second = await stream([
      { role: 'user', content: question },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id, type: 'function', function: { name: 'echo', arguments: '{"text":"a"}' } }],
      },
      { role: 'tool', tool_call_id: id, content: 'the result text' },
    ])
    expect(second.finish).toBe('stop')
    expect(second.calls).toEqual([])
    expect(second.text).toBe(`Tool results: [${id}] (15 chars) the result text`)
    const body = gateway.requests.at(-1)?.body as { messages: Array<{ role: string }> }
    expect(body.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'tool'])
  })

  it('with call-loop, asks again after every result', async () => {
    const question = 'Again [[call=echo]] [[call-loop=1]]'
    const second = await stream([
      { role: 'user', content: question },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'x', type: 'function', function: { name: 'echo', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'x', content: 'r' },
    ])
    expect(second.finish).toBe('tool_calls')
    expect(second.calls.map((call) => call.name)).toEqual(['echo'])
  })
})

describe('ToolCallAssembler', () => {
  const chunk = (toolCalls: unknown) => ({ choices: [{ index: 0, delta: { tool_calls: toolCalls } }] })

  it('ignores shapes it does not know and gives an id to a call that had none', () => {
    const assembler = new ToolCallAssembler()
    for (const odd of [
      null,
      42,
      {},
      { choices: null },
      { choices: [{ delta: null }] },
      chunk('x'),
      chunk([null, { index: 'a' }]),
    ])
      assembler.push(odd)
    assembler.push(chunk([{ index: 2, function: { name: 'b', arguments: '{' } }]))
    assembler.push(chunk([{ index: 2, function: { arguments: '}' } }]))
    assembler.push(chunk([{ index: 0, id: 'first', function: { name: 'a' } }]))
    expect(assembler.result()).toEqual([
      { id: 'first', name: 'a', arguments: '' },
      { id: 'call_index_2', name: 'b', arguments: '{}' },
    ])
  })

  it('puts together calls from a gateway that leaves out index: a new id starts the next call', () => {
    const assembler = new ToolCallAssembler()
    assembler.push(chunk([{ id: 'call_a', function: { name: 'files__re' } }]))
    assembler.push(chunk([{ function: { name: 'ad', arguments: '{"path":' } }]))
    assembler.push(chunk([{ function: { arguments: '"a.txt"}' } }]))
    assembler.push(chunk([{ id: 'call_b', function: { name: 'clock__now', arguments: '{}' } }]))
    assembler.push(chunk([{ id: 'call_a', function: { arguments: '' } }]))
    expect(assembler.result()).toEqual([
      { id: 'call_a', name: 'files__read', arguments: '{"path":"a.txt"}' },
      { id: 'call_b', name: 'clock__now', arguments: '{}' },
    ])
  })

  it('keeps a name within the stored limit, so one runaway name cannot hide the other calls of its answer', () => {
    const assembler = new ToolCallAssembler()
    for (let piece = 0; piece < 100; piece++) assembler.push(chunk([{ index: 0, function: { name: 'abcdefghij' } }]))
    assembler.push(chunk([{ index: 1, id: 'ok', function: { name: 'clock__now', arguments: '{}' } }]))
    const [runaway, fine] = assembler.result()
    expect(runaway!.name).toHaveLength(200)
    expect(fine).toEqual({ id: 'ok', name: 'clock__now', arguments: '{}' })
  })
})
