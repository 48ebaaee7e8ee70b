import { afterEach, describe, expect, it, vi } from 'vitest'
import type { DiagramRequest } from '../../../src/renderer/src/markdown/diagram-protocol'
import { DiagramRenderer } from '../../../src/renderer/src/markdown/diagram-renderer'

const svg = (label: string) => `<svg viewBox="0 0 100 50"><text>${label}</text></svg>`

/** A stand-in for the frame: records what is posted and lets the test answer as the frame would. */
function fakeFrames() {
  const frames: { posted: DiagramRequest[]; send: (data: unknown) => void; closed: boolean }[] = []
  const open = (onMessage: (data: unknown) => void) => {
    const frame = { posted: [] as DiagramRequest[], send: onMessage, closed: false }
    frames.push(frame)
    return {
      post: (request: DiagramRequest) => frame.posted.push(request),
      close: () => {
        frame.closed = true
      },
    }
  }
  return { frames, open }
}

const ready = { type: 'holysheep-mermaid-ready' }
const answer = (request: DiagramRequest, body: { svg: string } | { error: string }) => ({
  type: 'holysheep-mermaid-result',
  id: request.id,
  ...body,
})

function renderer(open: ReturnType<typeof fakeFrames>['open']) {
  return new DiagramRenderer(open, {
    loadTimeoutMs: 30_000,
    drawTimeoutMs: 20_000,
    unavailableMessage: () => 'did not load',
    tooSlowMessage: () => 'too slow',
  })
}

afterEach(() => {
  vi.useRealTimers()
})

describe('DiagramRenderer', () => {
  it('makes no frame before the first diagram, then one, and queues until it is ready', async () => {
    const { frames, open } = fakeFrames()
    const diagrams = renderer(open)
    expect(frames).toHaveLength(0)
    const first = diagrams.render('graph TD\nA-->B', 'default')
    const second = diagrams.render('pie\n"a": 1', 'dark')
    expect(frames).toHaveLength(1)
    expect(frames[0]!.posted).toEqual([])
    frames[0]!.send(ready)
    expect(frames[0]!.posted.map((request) => [request.type, request.source, request.theme])).toEqual([
      ['holysheep-mermaid-render', 'graph TD\nA-->B', 'default'],
      ['holysheep-mermaid-render', 'pie\n"a": 1', 'dark'],
    ])
    const [a, b] = frames[0]!.posted
    // Answered out of order: each by its id.
    frames[0]!.send(answer(b!, { error: 'Parse error on line 1' }))
    frames[0]!.send(answer(a!, { svg: svg('A') }))
    const drawn = await first
    expect(drawn.ok && drawn.image.width).toBe(100)
    expect(await second).toEqual({ ok: false, message: 'Parse error on line 1' })
    // Later diagrams go straight to the ready frame.
    void diagrams.render('graph LR\nC-->D', 'default')
    expect(frames).toHaveLength(1)
    expect(frames[0]!.posted).toHaveLength(3)
  })

  it('draws a source once per theme: the same source while drawing shares the request, and afterwards is known', async () => {
    const { frames, open } = fakeFrames()
    const diagrams = renderer(open)
    const one = diagrams.render('graph TD\nA-->B', 'default')
    const two = diagrams.render('graph TD\nA-->B', 'default')
    expect(one).toBe(two)
    frames[0]!.send(ready)
    expect(frames[0]!.posted).toHaveLength(1)
    frames[0]!.send(answer(frames[0]!.posted[0]!, { svg: svg('A') }))
    const result = await one
    expect(diagrams.known('graph TD\nA-->B', 'default')).toBe(result)
    expect(await diagrams.render('graph TD\nA-->B', 'default')).toBe(result)
    expect(frames[0]!.posted).toHaveLength(1)
    // Another theme is another drawing.
    expect(diagrams.known('graph TD\nA-->B', 'dark')).toBeUndefined()
    void diagrams.render('graph TD\nA-->B', 'dark')
    expect(frames[0]!.posted.map((request) => request.theme)).toEqual(['default', 'dark'])
  })

  it('ignores what is not an answer it waits for: other shapes, unknown ids, a second ready', async () => {
    const { frames, open } = fakeFrames()
    const diagrams = renderer(open)
    const drawing = diagrams.render('graph TD\nA-->B', 'default')
    frames[0]!.send({ type: 'holysheep-mermaid-result', id: 'd1', svg: svg('early') })
    frames[0]!.send(ready)
    frames[0]!.send(ready)
    expect(frames[0]!.posted).toHaveLength(1)
    const request = frames[0]!.posted[0]!
    for (const junk of [null, 'x', { type: 'holysheep-mermaid-result', id: 'nope', svg: svg('x') }, { id: request.id }])
      frames[0]!.send(junk)
    frames[0]!.send(answer(request, { svg: '<svg width="10"></svg>' }))
    expect(await drawing).toEqual({ ok: false, message: 'The drawing has no size (no viewBox).' })
  })

  it('fails its diagrams with a message when the frame never says it is ready, and tries a new frame next time', async () => {
    vi.useFakeTimers()
    const { frames, open } = fakeFrames()
    const diagrams = renderer(open)
    const drawing = diagrams.render('graph TD\nA-->B', 'default')
    await vi.advanceTimersByTimeAsync(30_000)
    expect(await drawing).toEqual({ ok: false, message: 'did not load', unavailable: true })
    expect(frames[0]!.closed).toBe(true)
    // Not remembered: the frame failed, not the diagram.
    expect(diagrams.known('graph TD\nA-->B', 'default')).toBeUndefined()
    const again = diagrams.render('graph TD\nA-->B', 'default')
    expect(frames).toHaveLength(2)
    frames[1]!.send(ready)
    frames[1]!.send(answer(frames[1]!.posted[0]!, { svg: svg('A') }))
    expect((await again).ok).toBe(true)
    // A late ready from the closed frame changes nothing.
    frames[0]!.send(ready)
    expect(frames[0]!.posted).toHaveLength(0)
  })

  it('forgets the oldest drawing beyond its bound', async () => {
    const { frames, open } = fakeFrames()
    const diagrams = new DiagramRenderer(open, {
      loadTimeoutMs: 30_000,
      drawTimeoutMs: 20_000,
      unavailableMessage: () => '',
      tooSlowMessage: () => '',
      cacheSize: 2,
    })
    const draw = async (source: string) => {
      const drawing = diagrams.render(source, 'default')
      frames[0]!.send(ready)
      const request = frames[0]!.posted.at(-1)!
      frames[0]!.send(answer(request, { svg: svg(source) }))
      return drawing
    }
    await draw('a')
    await draw('b')
    await draw('c')
    expect(diagrams.known('a', 'default')).toBeUndefined()
    expect(diagrams.known('b', 'default')).toBeDefined()
    expect(diagrams.known('c', 'default')).toBeDefined()
  })

  it('a frame stuck on a diagram fails that one as too slow, the others wait for a new frame', async () => {
    vi.useFakeTimers()
    const { frames, open } = fakeFrames()
    const diagrams = renderer(open)
    const stuck = diagrams.render('graph TD\nA-->B', 'default')
    const after = diagrams.render('pie\n"a": 1', 'default')
    frames[0]!.send(ready)
    // Nothing happens within the limit; 20 s without an answer and the frame counts as stuck.
    vi.advanceTimersByTime(15_000)
    expect(frames[0]!.closed).toBe(false)
    vi.advanceTimersByTime(5_000)
    expect(await stuck).toEqual({ ok: false, message: 'too slow' })
    expect(await after).toEqual({ ok: false, message: 'did not load', unavailable: true })
    expect(frames[0]!.closed).toBe(true)
    // The stuck source is not tried again; the other one is, in a new frame.
    expect(await diagrams.render('graph TD\nA-->B', 'default')).toEqual({ ok: false, message: 'too slow' })
    void diagrams.render('pie\n"a": 1', 'default')
    expect(frames).toHaveLength(2)
  })

  it('each answer restarts the watch, so a long queue drawn at a steady pace never times out', async () => {
    vi.useFakeTimers()
    const { frames, open } = fakeFrames()
    const diagrams = renderer(open)
    const sources = ['graph TD\nA-->B', 'graph TD\nB-->C', 'graph TD\nC-->D']
    const results = sources.map((source) => diagrams.render(source, 'default'))
    frames[0]!.send(ready)
    for (const request of frames[0]!.posted) {
      vi.advanceTimersByTime(15_000)
      frames[0]!.send(answer(request, { svg: svg(request.source) }))
    }
    for (const result of results) expect((await result).ok).toBe(true)
    expect(frames[0]!.closed).toBe(false)
  })
})
