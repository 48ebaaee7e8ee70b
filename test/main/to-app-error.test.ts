import OpenAI from 'openai'
import { describe, expect, it } from 'vitest'
import { toAppError } from '../../src/main/to-app-error'

const key = 'hs-4f9c2e7a1b3d5f8e0a6c'

/** An SDK error as the openai package builds it from a gateway's answer. */
function apiError(status: number, message: string) {
  return OpenAI.APIError.generate(status, { error: { message, type: 'x', code: null } }, undefined, new Headers())
}

describe('toAppError scrubs secrets from SDK errors before they are logged or sent', () => {
  it.each([
    ['a 401 echoing the whole key', apiError(401, `Incorrect API key provided: ${key}.`), 'invalid_key'],
    ['a 500 quoting the Authorization header', apiError(500, `upstream said: Authorization: Bearer ${key}`), 'server'],
    ['a 400 with an sk- key of another user', apiError(400, 'bad key sk-proj-abcdefghijk in request'), 'bad_request'],
    [
      'a connection error whose cause names the key',
      new OpenAI.APIConnectionError({ message: `connect failed for ${key}`, cause: new Error(key) }),
      'network',
    ],
    ['a plain error thrown in main', new Error(`could not decrypt ${key}`), 'internal'],
    ['a thrown string', `boom ${key}`, 'internal'],
  ])('%s', (_label, error, kind) => {
    const appError = toAppError(error, [key])
    expect(appError.kind).toBe(kind)
    expect(JSON.stringify(appError)).not.toContain(key)
    expect(JSON.stringify(appError)).not.toContain('sk-proj-abcdefghijk')
    expect(appError).not.toHaveProperty('stack')
  })

  it('keeps messages short', () => {
    expect(toAppError(new Error('x'.repeat(100_000)), []).message.length).toBeLessThanOrEqual(2000)
  })
})
