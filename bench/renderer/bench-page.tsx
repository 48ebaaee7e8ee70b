/**
 * The renderer bench page: the app's real markdown components in real Chromium, driven by
 * bench/renderer-stream.bench.ts through `window.rendererBench`.
 */
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { MarkdownBlock } from '../../src/renderer/src/markdown/MarkdownBlock'
import { StreamingMarkdown } from '../../src/renderer/src/markdown/StreamingMarkdown'
import '../../src/renderer/src/styles.css'
import type { BenchWindow, Content, Frame, Mode } from '../renderer-bench-types'
import { sample, toDeltas } from './sample-answer'

function Answer({ mode, text }: { mode: Mode; text: string }) {
  return (
    <article className="message assistant" style={{ width: 760 }}>
      <div className="text">
        {mode === 'incremental' ? <StreamingMarkdown text={text} /> : <MarkdownBlock source={text} />}
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
  const show = (mode: Mode, text: string) => {
    flushSync(() => root.render(<Answer mode={mode} text={text} />))
    void container.scrollHeight
    container.scrollTop = container.scrollHeight
  }
  return { show, unmount: () => root.unmount() }
}

/**
 * Streams the answer at `perSecond` deltas. As in the app, deltas arriving between two frames are
 * shown together (main coalesces them into about one event per frame), so each frame renders once.
 */
function stream(mode: Mode, content: Content, chars: number, perSecond: number): Promise<Frame[]> {
  const deltas = toDeltas(sample(content, chars))
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
        view.show(mode, text)
        frames.push({ chars: text.length, deltas: batch, work: performance.now() - begin, interval: now - previous })
      }
      previous = now
      if (applied < deltas.length) requestAnimationFrame(frame)
      else {
        view.unmount()
        resolve(frames)
      }
    }
    requestAnimationFrame(frame)
  })
}

/**
 * The cost of one delta at a length: the answer is shown up to about `atChars`, then `samples`
 * single deltas are rendered one by one; returns each one's time (render, commit, layout), ms.
 */
function perDelta(mode: Mode, content: Content, totalChars: number, atChars: number, samples: number): number[] {
  const deltas = toDeltas(sample(content, totalChars))
  let text = ''
  let index = 0
  while (index < deltas.length && text.length + deltas[index]!.length <= atChars - 200) text += deltas[index++]
  const view = mount()
  view.show(mode, text)
  const times: number[] = []
  for (let sample = 0; sample < samples && index < deltas.length; sample++) {
    text += deltas[index++]
    const begin = performance.now()
    view.show(mode, text)
    times.push(performance.now() - begin)
  }
  view.unmount()
  return times
}

const benchWindow = window as unknown as BenchWindow
benchWindow.rendererBench = { stream, perDelta }
