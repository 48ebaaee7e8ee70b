import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types'
// For their type declarations: remark-math's token names and remark-parse's micromarkExtensions.
import type {} from 'micromark-extension-math'
import type {} from 'remark-parse'
import type { Processor } from 'unified'

/**
 * The inline math delimiters remark-math does not read, as a micromark extension (so code spans, code
 * blocks and escapes keep their meaning: the parser decides what is text):
 * - `$…$` by Pandoc's rule, not remark-math's (which takes `$5 and $` as a formula): the opening `$`
 *   has a non-space on its right, the closing one a non-space on its left and no digit after it, and
 *   a `$` with a space before it inside gives the formula up, so prices ("$5 and $10", "$5-$10")
 *   stay text;
 * - `\(…\)` inline and `\[…\]` display, which markdown would otherwise read as escaped brackets
 *   (losing the backslashes, and with them `\,` and the rest of the formula's source).
 * They produce remark-math's `inlineMath` nodes; `$$…$$` (inline and as a block of its own) stays
 * remark-math's. Which delimiter it was is read back from the source (math-nodes.ts).
 */
export function remarkMathDelimiters(this: Processor) {
  const data = this.data()
  const extensions = (data.micromarkExtensions ??= [])
  extensions.push(mathDelimiters)
}

const dollar = 36
const backslash = 92
const leftParen = 40
const leftBracket = 91
const rightParen = 41
const rightBracket = 93

const isSpace = (code: Code) => code === null || code === 32 || code === 9 || code < 0
const isLineEnding = (code: Code) => code === -5 || code === -4 || code === -3
const isDigit = (code: Code) => code !== null && code >= 48 && code <= 57

/** The closing `$` of a single-dollar formula: not followed by a digit (checked, never consumed). */
const dollarClose: Construct = {
  tokenize(effects, ok, nok) {
    return (code) => {
      effects.enter('mathTextSequence')
      effects.consume(code)
      effects.exit('mathTextSequence')
      return (after: Code) => (isDigit(after) ? nok(after) : ok(after))
    }
  },
}

const singleDollar: Construct = {
  name: 'mathTextSingleDollar',
  // Never the second `$` of `$$` (remark-math's), nor right after a word character like US$.
  previous: (code) => code !== dollar,
  tokenize(this: TokenizeContext, effects, ok, nok) {
    let last: Code = null
    let inData = false
    const consumeData = (code: Code) => {
      if (!inData) {
        effects.enter('mathTextData')
        inData = true
      }
      last = code
      effects.consume(code)
    }
    const endData = () => {
      if (inData) effects.exit('mathTextData')
      inData = false
    }
    const start: State = (code) => {
      effects.enter('mathText')
      effects.enter('mathTextSequence')
      effects.consume(code)
      effects.exit('mathTextSequence')
      return afterOpen
    }
    const afterOpen: State = (code) => {
      // `$$` is remark-math's; a space after `$` is a price or prose.
      if (code === dollar || isSpace(code)) return nok(code)
      return inside(code)
    }
    const inside: State = (code): State | undefined => {
      if (code === null) return nok(code)
      if (isLineEnding(code)) {
        endData()
        effects.enter('lineEnding')
        effects.consume(code)
        effects.exit('lineEnding')
        last = 32
        return inside
      }
      if (code === backslash) {
        consumeData(code)
        return escaped
      }
      if (code === dollar) {
        // A `$` after a space opens something else: the `$` this started at was a price.
        if (isSpace(last)) return nok(code)
        endData()
        return effects.check(dollarClose, close, notClose)(code)
      }
      consumeData(code)
      return inside
    }
    const escaped: State = (code) => {
      if (code === null || isLineEnding(code)) return inside(code)
      consumeData(code)
      return inside
    }
    const close: State = (code) => {
      effects.enter('mathTextSequence')
      effects.consume(code)
      effects.exit('mathTextSequence')
      effects.exit('mathText')
      return ok
    }
    const notClose: State = (code) => {
      consumeData(code)
      return inside
    }
    return start
  },
}

const backslashDelimited: Construct = {
  name: 'mathTextBackslash',
  tokenize(this: TokenizeContext, effects: Effects, ok, nok) {
    let closer: number = rightParen
    let inData = false
    const data = (code: Code) => {
      if (!inData) {
        effects.enter('mathTextData')
        inData = true
      }
      effects.consume(code)
    }
    const start: State = (code) => {
      effects.enter('mathText')
      effects.enter('mathTextSequence')
      effects.consume(code)
      return open
    }
    const open: State = (code) => {
      if (code !== leftParen && code !== leftBracket) return nok(code)
      closer = code === leftParen ? rightParen : rightBracket
      effects.consume(code)
      effects.exit('mathTextSequence')
      return inside
    }
    const inside: State = (code) => {
      if (code === null) return nok(code)
      if (isLineEnding(code)) {
        if (inData) effects.exit('mathTextData')
        inData = false
        effects.enter('lineEnding')
        effects.consume(code)
        effects.exit('lineEnding')
        return inside
      }
      if (code === backslash) {
        data(code)
        return afterBackslash
      }
      data(code)
      return inside
    }
    // The closing `\)` / `\]` is kept inside the data token; the node's source is read from its position.
    const afterBackslash: State = (code) => {
      if (code === closer) {
        effects.consume(code)
        effects.exit('mathTextData')
        effects.exit('mathText')
        return ok
      }
      if (code === null || isLineEnding(code)) return inside(code)
      data(code)
      return inside
    }
    return start
  },
}

const mathDelimiters: Extension = {
  text: { [dollar]: singleDollar, [backslash]: backslashDelimited },
}

const fenceLine = /^[ \t]*(`{3,}|~{3,})/
const bracketLine = /^([ \t]*)\\([[\]])([ \t]*)$/gm

/**
 * `\[` and `\]` alone on their lines become `$$` (same length, so positions hold), making the formula
 * between them a math block as remark-math reads `$$` lines: its lines are never taken for markdown
 * (a line starting with `-` or `+` inside would otherwise start a list). Lines inside code fences stay.
 */
export function withBracketFences(source: string): string {
  if (!source.includes('\\[')) return source
  if (!/^[ \t]*(`{3,}|~{3,})/m.test(source)) {
    return source.replace(bracketLine, (_, indent: string, _bracket: string, rest: string) => `${indent}$$${rest}`)
  }
  let fence: string | null = null
  return source
    .split('\n')
    .map((line) => {
      const open = fenceLine.exec(line)
      if (fence) {
        if (open && open[1]![0] === fence[0] && open[1]!.length >= fence.length && line.trim() === open[1]) fence = null
        return line
      }
      if (open) {
        fence = open[1]!
        return line
      }
      return line.replace(bracketLine, (_, indent: string, _bracket: string, rest: string) => `${indent}$$${rest}`)
    })
    .join('\n')
}
