/**
 * The diagram pipeline in the real components (StreamingMarkdown → MermaidBlock → the one frame):
 * the frame's side is played by the test, answering on the frame's own window as mermaid-frame.html would.
 */
import { act, cleanup, fireEvent, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { DiagramRequest } from '../../../src/renderer/src/markdown/diagram-protocol'
import { StreamingMarkdown } from '../../../src/renderer/src/markdown/StreamingMarkdown'
import { renderAnswer } from './render-answer'

afterEach(() => cleanup())

const fence = (source: string) => '```mermaid\n' + source + '\n```\n'

/**
 * The one diagram frame, once made: what the app posts to it, and a way to answer as it. happy-dom
 * loads no frame page, so the frame's window is a stand-in put on the real element the app made.
 */
const frames = new WeakMap<HTMLIFrameElement, ReturnType<typeof standIn>>()
function standIn(frame: HTMLIFrameElement) {
  const posted: DiagramRequest[] = []
  const target = { postMessage: (message: DiagramRequest, origin: string) => origin === '*' && posted.push(message) }
  Object.defineProperty(frame, 'contentWindow', { value: target })
  const say = (data: unknown) =>
    act(() => {
      window.dispatchEvent(new MessageEvent('message', { data, source: target as unknown as Window }))
    })
  return { frame, posted, say }
}
function diagramFrame() {
  const frame = document.querySelector<HTMLIFrameElement>('iframe.md-diagram-frame')
  if (!frame) return null
  if (!frames.has(frame)) frames.set(frame, standIn(frame))
  return frames.get(frame)!
}

describe('MermaidBlock', () => {
  it('leaves a diagram still streaming as code and makes no frame; draws it once finished, as an image', async () => {
    const source = 'flowchart TD\n  A --> B'
    const view = renderAnswer(<StreamingMarkdown text={`Look:\n\n${fence(source)}`} streaming />)
    expect(view.container.querySelector('pre code')?.textContent).toBe(source)
    expect(document.querySelector('iframe')).toBeNull()

    view.rerender(<StreamingMarkdown text={`Look:\n\n${fence(source)}`} />)
    await waitFor(() => expect(diagramFrame()).not.toBeNull())
    const frame = diagramFrame()!
    expect(frame.frame.getAttribute('sandbox')).toBe('allow-scripts')
    expect(frame.frame.getAttribute('src')).toBe('./mermaid-frame.html')
    expect(frame.frame.getAttribute('aria-hidden')).toBe('true')
    // Drawing: a quiet placeholder, no code.
    expect(view.getByRole('status').textContent).toBe('Drawing the diagram…')
    await frame.say({ type: 'holysheep-mermaid-ready' })
    expect(frame.posted).toEqual([
      { type: 'holysheep-mermaid-render', id: expect.any(String), source, theme: 'default' },
    ])
    // A message from another window is not the frame's answer.
    act(() => {
      window.dispatchEvent(
        new MessageEvent('message', {
          data: { type: 'holysheep-mermaid-result', id: frame.posted[0]!.id, error: 'forged' },
          source: window,
        }),
      )
    })
    expect(view.queryByText('forged')).toBeNull()
    await frame.say({
      type: 'holysheep-mermaid-result',
      id: frame.posted[0]!.id,
      svg: '<svg width="100%" viewBox="0 0 120 80"><g/></svg>',
    })
    const image = await view.findByRole('img', { name: 'Diagram (flowchart)' })
    expect(image.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,/)
    expect(image.getAttribute('width')).toBe('120')
    expect(view.container.querySelector('svg g')).toBeNull()

    // Show source swaps in the code; Show diagram swaps it back, without drawing again.
    fireEvent.click(view.getByRole('button', { name: 'Show source' }))
    expect(view.container.querySelector('pre code')?.textContent).toBe(source)
    expect(view.queryByRole('img')).toBeNull()
    fireEvent.click(view.getByRole('button', { name: 'Show diagram' }))
    expect(view.getByRole('img', { name: 'Diagram (flowchart)' })).toBeTruthy()
    expect(frame.posted).toHaveLength(1)
  })

  it('shows a diagram that does not parse as its source, marked, with the parser message', async () => {
    const source = 'flowchart TD\n  A --> '
    const view = renderAnswer(<StreamingMarkdown text={fence(source)} />)
    await waitFor(() => expect(diagramFrame()).not.toBeNull())
    const frame = diagramFrame()!
    // Ready (again, if the first test already made it: a second "ready" changes nothing), so this
    // test also runs alone.
    await frame.say({ type: 'holysheep-mermaid-ready' })
    await waitFor(() => expect(frame.posted.at(-1)?.source).toBe(source))
    await frame.say({ type: 'holysheep-mermaid-result', id: frame.posted.at(-1)!.id, error: 'Parse error on line 2' })
    await view.findByText('Parse error on line 2')
    expect(view.container.querySelector('.md-diagram-error')?.textContent).toContain('This diagram could not be drawn')
    expect(view.container.querySelector('pre code')?.textContent).toBe(source)
    expect(view.queryByRole('img')).toBeNull()
  })
})
