/**
 * The diagram frame's page as the build makes it (scripts/mermaid-frame-page.ts), and its own script
 * (src/renderer/mermaid-frame/frame.js) run in a VM against a fake window and a fake mermaid: it
 * answers only its parent, only well-formed requests, one at a time, and a failure is a message.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { mermaidFramePage } from '../../scripts/mermaid-frame-page'
import { mermaidFrameMetaPolicy, mermaidFramePolicy } from '../../src/main/web/security'

const root = join(import.meta.dirname, '../..')

describe('the diagram frame page', () => {
  it('holds one inline script whose hash its policy names, the same hash main is built with', () => {
    const page = mermaidFramePage(root)
    const scripts = [...page.html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!)
    expect(scripts).toHaveLength(1)
    expect(page.html).not.toMatch(/<script[^>]+src=/)
    const hash = `sha256-${createHash('sha256').update(scripts[0]!, 'utf8').digest('base64')}`
    expect(page.scriptHash).toBe(hash)
    expect(__MERMAID_FRAME_SCRIPT_HASH__).toBe(hash)
    expect(page.html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${mermaidFrameMetaPolicy(hash)}" />`,
    )
    // Mermaid and the frame's own code, nothing else.
    expect(scripts[0]!.endsWith(readFileSync(join(root, 'src/renderer/mermaid-frame/frame.js'), 'utf8'))).toBe(true)
  })

  it('has a policy with no eval, no inline script but its own, no network and only the app as its parent', () => {
    const policy = mermaidFramePolicy('sha256-abc=')
    const directives = Object.fromEntries(
      policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1).join(' ')]),
    )
    expect(directives).toEqual({
      'default-src': "'none'",
      'script-src': "'sha256-abc='",
      'style-src': "'unsafe-inline'",
      'img-src': 'data:',
      'font-src': 'data:',
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'self'",
    })
    expect(mermaidFrameMetaPolicy('sha256-abc=')).not.toContain('frame-ancestors')
  })
})

interface Posted {
  message: Record<string, unknown>
  target: string
}

/** frame.js in a fresh context: its window, parent and mermaid are fakes the test watches. */
function startFrame(render: (id: string, source: string) => Promise<{ svg: string }>) {
  const posted: Posted[] = []
  const initialized: Record<string, unknown>[] = []
  const rendered: string[] = []
  let listener: ((event: { source: unknown; data: unknown }) => void) | null = null
  const parent = { postMessage: (message: Record<string, unknown>, target: string) => posted.push({ message, target }) }
  const window = {
    parent,
    mermaid: {
      initialize: (config: Record<string, unknown>) => initialized.push(config),
      render: (id: string, source: string) => {
        rendered.push(source)
        return render(id, source)
      },
    },
    document: {
      getElementById: () => null,
      // No DOM here: the template hands the SVG back as it is.
      createElement: () => ({ innerHTML: '', content: { firstElementChild: null } }),
    },
    XMLSerializer: class {},
    addEventListener: (type: string, handler: typeof listener) => {
      if (type === 'message') listener = handler
    },
  }
  const context = { ...window, globalThis: undefined as unknown }
  context.globalThis = context
  Object.assign(context, { window: context })
  runInNewContext(readFileSync(join(root, 'src/renderer/mermaid-frame/frame.js'), 'utf8'), context)
  const send = (data: unknown, source: unknown = parent) => listener!({ source, data })
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0))
  return { posted, initialized, rendered, send, settled, parent }
}

const request = (fields: Record<string, unknown> = {}) => ({
  type: 'holysheep-mermaid-render',
  id: 'd1',
  source: 'graph TD\nA-->B',
  theme: 'default',
  ...fields,
})

describe('the diagram frame script', () => {
  it('says it is ready, then draws a request from its parent and answers with the same id', async () => {
    const frame = startFrame(async (id, source) => ({ svg: `<svg id="${id}"><text>${source.length}</text></svg>` }))
    expect(frame.posted).toEqual([{ message: { type: 'holysheep-mermaid-ready' }, target: '*' }])
    frame.send(request())
    await frame.settled()
    expect(frame.posted[1]!.message).toEqual({
      type: 'holysheep-mermaid-result',
      id: 'd1',
      svg: '<svg id="holysheep-diagram-1"><text>14</text></svg>',
    })
    expect(frame.initialized).toHaveLength(1)
    expect(frame.initialized[0]).toMatchObject({ startOnLoad: false, securityLevel: 'strict', theme: 'default' })
  })

  it('ignores messages from anyone but its parent, and any request of another shape', async () => {
    const frame = startFrame(async () => ({ svg: '<svg/>' }))
    frame.send(request(), { postMessage() {} })
    frame.send(request(), null)
    for (const bad of [
      null,
      'draw',
      request({ type: 'holysheep-preview' }),
      request({ id: 1 }),
      request({ id: '' }),
      request({ id: 'x'.repeat(65) }),
      request({ source: 42 }),
      request({ source: 'x'.repeat(50_001) }),
      request({ theme: 'forest' }),
      request({ theme: 'constructor' }),
    ])
      frame.send(bad)
    await frame.settled()
    expect(frame.rendered).toEqual([])
    expect(frame.posted).toHaveLength(1)
  })

  it('draws one diagram at a time, in order, and answers a failure with its message', async () => {
    const releases: (() => void)[] = []
    const frame = startFrame(
      (_id, source) =>
        new Promise((resolve, reject) => {
          releases.push(() =>
            source === 'bad' ? reject(new Error('Parse error on line 1')) : resolve({ svg: '<svg/>' }),
          )
        }),
    )
    frame.send(request({ id: 'a', source: 'bad' }))
    frame.send(request({ id: 'b', source: 'good', theme: 'dark' }))
    await frame.settled()
    // The second waits for the first.
    expect(frame.rendered).toEqual(['bad'])
    releases[0]!()
    await frame.settled()
    expect(frame.posted[1]!.message).toEqual({
      type: 'holysheep-mermaid-result',
      id: 'a',
      error: 'Parse error on line 1',
    })
    expect(frame.rendered).toEqual(['bad', 'good'])
    releases[1]!()
    await frame.settled()
    expect(frame.posted[2]!.message).toEqual({ type: 'holysheep-mermaid-result', id: 'b', svg: '<svg/>' })
    // The theme changed between them: mermaid was set up again, still strict.
    expect(frame.initialized.map((config) => [config.theme, config.securityLevel])).toEqual([
      ['default', 'strict'],
      ['dark', 'strict'],
    ])
  })
})
