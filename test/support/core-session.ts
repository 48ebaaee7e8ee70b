/**
 * What tests of the whole core share: cores started through `createTestCore`, shut down (with
 * anything else registered) after each test, and a dispatch that returns the value or throws.
 */
import { afterEach } from 'vitest'
import type { Core, CoreOptions } from '../../src/main/core'
import type { Result } from '../../src/shared/errors'
import { createTestCore } from './test-core'

export function useCoreSession() {
  const cleanups: Array<() => Promise<void> | void> = []
  const runCleanups = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  }
  afterEach(runCleanups)
  return {
    /** Shuts down every core (and runs every cleanup) now, as quitting would; for a test's second start. */
    shutdownAll: runCleanups,
    /** Runs after the test, in the reverse order of registration. */
    later(cleanup: () => Promise<void> | void) {
      cleanups.push(cleanup)
    },
    startCore(options: Pick<CoreOptions, 'dataDir'> & Partial<CoreOptions>): Core {
      const core = createTestCore(options)
      cleanups.push(() => core.shutdown())
      return core
    },
  }
}

/** Calls a channel as the renderer does; an error result fails the test with its kind and message. */
export async function call<T>(core: Core, channel: string, payload?: unknown): Promise<T> {
  const result = (await core.dispatch(channel, payload)) as Result<T>
  if (!result.ok) throw new Error(`${channel}: ${result.error.kind} ${result.error.message}`)
  return result.value
}
