import { withFootnoteStubs } from './remark-footnotes'
import { withBracketFences } from './math-delimiters'

/** A block's source as it is handed to the parser: `\[ \]` lines as `$$`, footnote stubs appended. */
export function blockSource(source: string): string {
  return withFootnoteStubs(withBracketFences(source))
}
