import { describe, expect, it } from 'vitest'
import { LineSplitter, LineTooLongError } from '../../../src/main/tools/line-splitter'

const bytes = (text: string) => Buffer.from(text, 'utf8')

describe('LineSplitter', () => {
  it('joins a line split over chunks, even inside a multi-byte character, and splits several in one', () => {
    const splitter = new LineSplitter(1024)
    const euro = bytes('€')
    expect(splitter.push(Buffer.concat([bytes('{"a":"'), euro.subarray(0, 1)]))).toEqual([])
    expect(splitter.push(Buffer.concat([euro.subarray(1), bytes('"}\r\n{"b":1}\n{"c"')]))).toEqual([
      '{"a":"€"}',
      '{"b":1}',
    ])
    expect(splitter.push(bytes(':2}\n'))).toEqual(['{"c":2}'])
  })

  it('refuses a line longer than its cap, counted over chunks, and starts clean after', () => {
    const splitter = new LineSplitter(10)
    expect(splitter.push(bytes('123456'))).toEqual([])
    expect(() => splitter.push(bytes('78901'))).toThrow(LineTooLongError)
    expect(splitter.push(bytes('ok\n'))).toEqual(['ok'])
    // Exactly the cap is accepted.
    expect(splitter.push(bytes('1234567890\n'))).toEqual(['1234567890'])
  })
})
