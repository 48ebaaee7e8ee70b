import { describe, expect, it } from 'vitest'
import { diagramImage, diagramKind, readFrameMessage } from '../../../src/renderer/src/markdown/diagram-protocol'

describe('readFrameMessage', () => {
  it('accepts the ready message and a result with an SVG or an error, field by field', () => {
    expect(readFrameMessage({ type: 'holysheep-mermaid-ready', extra: 1 })).toEqual({ type: 'holysheep-mermaid-ready' })
    expect(readFrameMessage({ type: 'holysheep-mermaid-result', id: 'd1', svg: '<svg/>', other: 'x' })).toEqual({
      type: 'holysheep-mermaid-result',
      id: 'd1',
      svg: '<svg/>',
    })
    expect(readFrameMessage({ type: 'holysheep-mermaid-result', id: 'd2', error: 'Parse error' })).toEqual({
      type: 'holysheep-mermaid-result',
      id: 'd2',
      error: 'Parse error',
    })
  })

  it('refuses anything else: other shapes, wrong types, an SVG beyond the bound', () => {
    for (const data of [
      null,
      undefined,
      'holysheep-mermaid-ready',
      42,
      [],
      { type: 'holysheep-preview-ready' },
      { type: 'holysheep-mermaid-result', svg: '<svg/>' },
      { type: 'holysheep-mermaid-result', id: 7, svg: '<svg/>' },
      { type: 'holysheep-mermaid-result', id: 'd1' },
      { type: 'holysheep-mermaid-result', id: 'd1', svg: { toString: () => '<svg/>' } },
      { type: 'holysheep-mermaid-result', id: 'd1', svg: 'x'.repeat(5_000_001) },
    ])
      expect(readFrameMessage(data)).toBeNull()
  })

  it('cuts a very long parser message', () => {
    const message = readFrameMessage({ type: 'holysheep-mermaid-result', id: 'd1', error: 'e'.repeat(10_000) })
    expect(message && 'error' in message ? message.error.length : 0).toBe(2_000)
  })
})

describe('diagramImage', () => {
  const mermaidSvg =
    '<svg id="d1" width="100%" xmlns="http://www.w3.org/2000/svg" class="flowchart" style="max-width: 360px;" viewBox="4 4 360.5 430" role="graphics-document document"><g><rect width="100%" height="10"/></g></svg>'

  it('gives the image the size of its viewBox instead of width 100% and a max-width style', () => {
    const image = diagramImage(mermaidSvg)!
    expect(image.width).toBe(361)
    expect(image.height).toBe(430)
    expect(image.src.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true)
    const svg = decodeURIComponent(image.src.slice('data:image/svg+xml;charset=utf-8,'.length))
    expect(svg).toBe(
      '<svg width="360.5" height="430" id="d1" xmlns="http://www.w3.org/2000/svg" class="flowchart" viewBox="4 4 360.5 430" role="graphics-document document"><g><rect width="100%" height="10"/></g></svg>',
    )
  })

  it('refuses a drawing without a usable viewBox, or that is not an SVG', () => {
    expect(diagramImage('<svg width="100%"><g/></svg>')).toBeNull()
    expect(diagramImage('<svg viewBox="0 0 0 10"></svg>')).toBeNull()
    expect(diagramImage('<div viewBox="0 0 10 10"></div>')).toBeNull()
    expect(diagramImage('')).toBeNull()
  })
})

describe('diagramKind', () => {
  it('reads the first word past front matter, directives and comments', () => {
    expect(diagramKind('flowchart TD\n A-->B')).toBe('flowchart')
    expect(diagramKind('graph LR\n A-->B')).toBe('flowchart')
    expect(diagramKind('%%{init: {"theme":"dark"}}%%\n%% a comment\nsequenceDiagram\n A->>B: hi')).toBe('sequence')
    expect(diagramKind('---\ntitle: Pets\n---\npie\n "a": 1')).toBe('pie')
    expect(diagramKind('  stateDiagram-v2\n [*] --> A')).toBe('state')
    expect(diagramKind('classDiagram\n A <|-- B')).toBe('class')
    expect(diagramKind('gantt\n title x')).toBe('gantt')
    expect(diagramKind('quadrantChart\n title x')).toBeNull()
    expect(diagramKind('')).toBeNull()
  })
})
