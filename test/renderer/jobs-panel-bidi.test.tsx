import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { JobsPanel } from '../../src/renderer/src/features/transfer/JobsPanel'
import type { JobView } from '../../src/renderer/src/features/transfer/use-transfers'

afterEach(cleanup)

const done = (location: string): JobView => ({
  type: 'job',
  jobId: '6f1c1a44-8a56-4f7e-9d3e-2b1f4f0c9a11',
  kind: 'export',
  phase: 'done',
  progress: { done: 1, total: 1, unit: 'conversations' },
  result: { conversations: 1, messages: 2, bytes: 100, location, format: null },
  error: null,
})

describe('JobsPanel', () => {
  it('shows where an export went without bidi controls, so the file name reads as it is', () => {
    const { container } = render(
      <JobsPanel jobs={[done('/home/an/Documents/\u202Edm.exe')]} onCancel={() => {}} onDismiss={() => {}} />,
    )
    expect(container.querySelector('.path')?.textContent).toBe('/home/an/Documents/dm.exe')
  })
})
