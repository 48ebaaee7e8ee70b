import { cleanup } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { CodeBlock } from '../../../src/renderer/src/markdown/CodeBlock'
import { parseFenceBlock } from '../../../src/renderer/src/markdown/fence-block'
import { MarkdownBlock } from '../../../src/renderer/src/markdown/MarkdownBlock'
import { renderAnswer } from './render-answer'

afterEach(cleanup)

const drawn = (element: React.ReactElement) => renderAnswer(element).container.innerHTML

describe('fenced code blocks drawn without a markdown parse', () => {
  const fences = [
    '```ts\nconst a = 1\n```\n',
    '```ts\nconst a = 1\n```\n\n\n',
    '```python title="x.py"\ndef f():\n\n\n    return 1\n```\n',
    '~~~\nplain <b>text</b>\n~~~~\n',
    '````md\n```js\ninner\n```\n````\n',
    '```\n```\n',
    '```sh\nnpm test\n', // still streaming
    '```sh\nnpm test\n\n\n', // still streaming, blank lines so far
    '```rust\nfn main() {\n    println!("hi");\n}\n  ```  \n',
  ]
  for (const source of fences) {
    it(`look exactly as react-markdown draws them: ${JSON.stringify(source)}`, () => {
      const fence = parseFenceBlock(source)
      expect(fence).not.toBeNull()
      expect(drawn(<CodeBlock code={fence!.code} language={fence!.language} />)).toBe(
        drawn(<MarkdownBlock source={source} />),
      )
    })
  }

  it('say whether the closing fence is there (a diagram is drawn only then)', () => {
    expect(parseFenceBlock('```mermaid\ngraph TD\n```\n')).toEqual({
      code: 'graph TD',
      language: 'mermaid',
      closed: true,
    })
    expect(parseFenceBlock('```mermaid\ngraph TD\n  A --> B\n')).toMatchObject({ language: 'mermaid', closed: false })
    // A shorter or other fence inside does not close it.
    expect(parseFenceBlock('````mermaid\ngraph TD\n```\n')).toMatchObject({ closed: false })
    expect(parseFenceBlock('```mermaid\ngraph TD\n~~~\n')).toMatchObject({ closed: false })
  })

  it('leave anything less plain to react-markdown', () => {
    for (const source of [
      ' ```ts\nindented fence\n```\n',
      '```ts\ncode\n```\ntext after the fence\n',
      '``` js`x\nnot a fence\n',
      'Just a paragraph\n',
      '- ```\n  in a list\n  ```\n',
    ])
      expect(parseFenceBlock(source)).toBeNull()
  })
})
