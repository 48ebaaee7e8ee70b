/**
 * The renderer bench page: the app's real markdown components in real Chromium, driven by
 * bench/renderer-stream.bench.ts through `window.rendererBench`.
 */
import 'katex/dist/katex.min.css'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import Markdown from 'react-markdown'
import rehypeKatex from 'rehype-katex'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import { loadHighlighter } from '../../src/renderer/src/markdown/highlight'
import { loadKatex } from '../../src/renderer/src/markdown/katex-loader'
import { loadMathParse } from '../../src/renderer/src/markdown/math-parse-loader'
import { MarkdownBlock } from '../../src/renderer/src/markdown/MarkdownBlock'
import { StreamingMarkdown } from '../../src/renderer/src/markdown/StreamingMarkdown'
import type { Api } from '../../src/shared/api'
import type { ChatCompareResponse } from '../../src/shared/chat'
import { emptyStream, type StreamState } from '../../src/renderer/src/features/chat/chat-stream-store'
import { CompareColumns } from '../../src/renderer/src/features/chat/compare/CompareColumns'
import { TooltipProvider } from '../../src/renderer/src/ui/Tooltip'
import '../../src/renderer/src/styles.css'
import { hostileKinds, isHostileKind } from '../../test/fake-gateway/hostile'
import type { BenchWindow, Content, Frame, HostileRun, Mode } from '../renderer-bench-types'
import { sample, sampleAnswer, toDeltas } from './sample-answer'

/** The naive math renderer (Chatbox, Cherry Studio): the whole message through remark-math and rehype-katex. */
const naiveMath = { remarkPlugins: [remarkGfm, remarkMath], rehypePlugins: [rehypeKatex] }

function Answer({ mode, content, text }: { mode: Mode; content: Content; text: string }) {
  return (
    <article className="message assistant" style={{ width: 760 }}>
      <div className="text">
        {mode === 'incremental' ? (
          <StreamingMarkdown text={text} streaming />
        ) : content === 'math' ? (
          <div className="markdown">
            <Markdown {...naiveMath}>{text}</Markdown>
          </div>
        ) : (
          <MarkdownBlock source={text} />
        )}
      </div>
    </article>
  )
}

function mount() {
  const host = document.getElementById('root')!
  host.replaceChildren()
  const container = document.createElement('div')
  container.style.cssText = 'height: 700px; overflow: auto'
  host.append(container)
  const root = createRoot(container)
  /** Renders synchronously and forces layout, so the time taken includes what the frame would pay. */
  const show = (mode: Mode, text: string, content: Content = 'mixed') => {
    // Inside the app's one TooltipProvider, as in the app (code blocks have icon buttons with tooltips).
    flushSync(() =>
      root.render(
        <TooltipProvider>
          <Answer mode={mode} content={content} text={text} />
        </TooltipProvider>,
      ),
    )
    void container.scrollHeight
    container.scrollTop = container.scrollHeight
  }
  return { show, unmount: () => root.unmount() }
}

/**
 * Streams the answer at `perSecond` deltas. As in the app, deltas arriving between two frames are
 * shown together (main coalesces them into about one event per frame), so each frame renders once.
 * An answer with diagrams stays on screen afterwards until all its diagrams are images (10 s at most).
 */
let diagramsDrawn = { atEnd: 0, all: 0, allAfterMs: Number.NaN }
let streams = 0
const diagramImages = () => document.querySelectorAll('img.md-diagram-image').length

function stream(mode: Mode, content: Content, chars: number, perSecond: number): Promise<Frame[]> {
  // Each stream's diagrams are new sources, so they are drawn during it, not found drawn by an earlier run.
  streams += 1
  const deltas = toDeltas(sample(content, chars).replaceAll('```mermaid\n', `\`\`\`mermaid\n%% stream ${streams}\n`))
  const view = mount()
  const frames: Frame[] = []
  let applied = 0
  let text = ''
  let start = 0
  let previous = 0
  return new Promise((resolve) => {
    const frame = (now: number) => {
      if (!start) start = previous = now
      const due = Math.min(deltas.length, Math.floor(((now - start) * perSecond) / 1000) + 1)
      if (due > applied) {
        const begin = performance.now()
        const batch = due - applied
        while (applied < due) text += deltas[applied++]
        view.show(mode, text, content)
        frames.push({ chars: text.length, deltas: batch, work: performance.now() - begin, interval: now - previous })
      }
      previous = now
      if (applied < deltas.length) requestAnimationFrame(frame)
      else {
        const ended = performance.now()
        const expected = (deltas.join('').match(/```mermaid/g) ?? []).length
        diagramsDrawn = { atEnd: diagramImages(), all: 0, allAfterMs: Number.NaN }
        const settle = () => {
          const drawn = diagramImages()
          if (drawn < expected && performance.now() - ended < 10_000) return void setTimeout(settle, 20)
          diagramsDrawn = { ...diagramsDrawn, all: drawn, allAfterMs: performance.now() - ended }
          view.unmount()
          resolve(frames)
        }
        settle()
      }
    }
    requestAnimationFrame(frame)
  })
}

/** The characters before a checkpoint over which its timed deltas are spread. */
const perDeltaWindow = 1_000

/**
 * The cost of one delta at a length: `samples` single deltas, each timed (render, commit, layout, ms),
 * spread evenly over the `perDeltaWindow` characters before `atChars`. Spread, not consecutive: the
 * last block, re-parsed by every delta, then takes all its sizes at every length, so the figure shows
 * what the answer's length costs (60 deltas in a row measured wherever in a paragraph they fell: at 1k
 * of the math answer a 102-character last block against 559 at 100k). The deltas between two timed
 * ones are drawn untimed, as they streamed; the naive renderer keeps nothing from one render to the
 * next, so it jumps straight to the next timed delta.
 */
function perDelta(mode: Mode, content: Content, totalChars: number, atChars: number, samples: number): number[] {
  const deltas = toDeltas(sample(content, totalChars))
  const from = Math.max(0, atChars - perDeltaWindow)
  let text = ''
  let index = 0
  while (index < deltas.length && text.length + deltas[index]!.length <= from) text += deltas[index++]
  const view = mount()
  view.show(mode, text, content)
  const times: number[] = []
  for (let sample = 0; sample < samples && index < deltas.length; sample++) {
    const before = from + (sample * (atChars - from)) / samples
    while (index < deltas.length - 1 && text.length + deltas[index]!.length < before) {
      text += deltas[index++]
      if (mode === 'incremental') view.show(mode, text, content)
    }
    text += deltas[index++]
    const begin = performance.now()
    view.show(mode, text, content)
    times.push(performance.now() - begin)
  }
  view.unmount()
  return times
}

const compareModels = ['gpt-4.1', 'claude-sonnet-4.5', 'gemini-2.5-flash', 'deepseek-v3.2']

/**
 * Compare: the app's real columns with `models` answers streaming at once, each at `perSecond`
 * deltas (each model its own answer: the mixed sample's parts in another order, so their tables and
 * code blocks close in different frames, as real answers' do). As in the app (whose stream store
 * tells its views once a frame), every stream's new text of a frame is drawn in one render.
 * Returns each frame, `chars` counting every column.
 */
function compare(models: number, chars: number, perSecond: number): Promise<Frame[]> {
  const answers = compareModels.slice(0, models).map((model, index) => ({
    model,
    assistantMessageId: crypto.randomUUID(),
    streamId: crypto.randomUUID(),
    error: null,
    deltas: toDeltas(sampleAnswer(chars, index)),
  }))
  const run: ChatCompareResponse = {
    conversationId: crypto.randomUUID(),
    userMessageId: crypto.randomUUID(),
    answers: answers.map(({ deltas: _deltas, ...answer }) => answer),
  }
  let streams: ReadonlyMap<string, StreamState> = new Map(
    answers.map((answer) => [answer.streamId, { ...emptyStream(answer.streamId), model: answer.model }]),
  )
  const host = document.getElementById('root')!
  host.replaceChildren()
  const container = document.createElement('div')
  container.className = 'chat'
  container.style.cssText = 'height: 800px; width: 1280px; display: flex; flex-direction: column'
  host.append(container)
  const root = createRoot(container)
  // Every answer has its stream here and none ends before the last frame, so the columns never ask
  // the api for a saved answer: nothing of it is called.
  const api = {} as Api
  const ignore = () => {}
  const show = () =>
    flushSync(() =>
      root.render(
        <TooltipProvider>
          <CompareColumns api={api} run={run} streams={streams} onStop={ignore} onChoose={ignore} />
        </TooltipProvider>,
      ),
    )
  show()
  const frames: Frame[] = []
  const applied = answers.map(() => 0)
  let start = 0
  let previous = 0
  return new Promise((resolve) => {
    const frame = (now: number) => {
      if (!start) start = previous = now
      const begin = performance.now()
      let batch = 0
      answers.forEach((answer, index) => {
        const due = Math.min(answer.deltas.length, Math.floor(((now - start) * perSecond) / 1000) + 1)
        if (due <= applied[index]!) return
        const stream = streams.get(answer.streamId)!
        let text = stream.text
        batch += due - applied[index]!
        while (applied[index]! < due) text += answer.deltas[applied[index]!++]
        streams = new Map(streams).set(answer.streamId, { ...stream, text })
      })
      if (batch > 0) {
        show()
        void container.scrollHeight
        const total = [...streams.values()].reduce((sum, stream) => sum + stream.text.length, 0)
        frames.push({ chars: total, deltas: batch, work: performance.now() - begin, interval: now - previous })
      }
      previous = now
      if (answers.some((answer, index) => applied[index]! < answer.deltas.length)) requestAnimationFrame(frame)
      else {
        root.unmount()
        resolve(frames)
      }
    }
    requestAnimationFrame(frame)
  })
}

/** Chromium's heap figure (not standard, hence the cast). */
const heapMb = () =>
  ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1e6
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))

/**
 * A hostile payload through the app's markdown components: drawn whole (a reopened conversation), or
 * streamed in `perFrame` characters a frame (main coalesces a fast stream into about one batch a frame).
 */
async function hostile(kind: string, how: 'reopen' | 'stream', perFrame: number, size?: number): Promise<HostileRun> {
  if (!isHostileKind(kind)) throw new Error(`unknown payload ${kind}`)
  const { make, size: issueSize } = hostileKinds[kind]
  const text = make(size ?? issueSize)
  const view = mount()
  await nextFrame()
  let heapPeak = heapMb()
  let worst = 0
  let frames = 0
  const start = performance.now()
  for (let end = how === 'reopen' ? text.length : Math.min(perFrame, text.length); ;) {
    const begin = performance.now()
    view.show('incremental', text.slice(0, end))
    worst = Math.max(worst, performance.now() - begin)
    frames++
    heapPeak = Math.max(heapPeak, heapMb())
    if (end >= text.length) break
    end = Math.min(text.length, end + perFrame)
    await nextFrame()
  }
  await nextFrame()
  const usableMs = performance.now() - start
  view.unmount()
  return { usableMs, worstFrameMs: worst, frames, heapPeakMb: heapPeak }
}

// The app loads the highlighter, the math parse and KaTeX on first use; the bench measures streaming, not those loads.
void Promise.all([loadHighlighter(), loadMathParse(), loadKatex()]).then(() => {
  ;(window as unknown as BenchWindow).rendererBench = {
    stream,
    perDelta,
    hostile,
    compare,
    drawnDiagrams: () => diagramsDrawn,
  }
})
