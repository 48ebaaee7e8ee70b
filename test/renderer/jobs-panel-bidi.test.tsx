import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { JobsPanel } from '../../src/renderer/src/features/transfer/JobsPanel'
import type { JobView } from '../../src/renderer/src/features/transfer/use-transfers'
import { toasts } from '../../src/renderer/src/ui/toast-store'
import { Toaster } from '../../src/renderer/src/ui/Toaster'
import { TooltipProvider } from '../../src/renderer/src/ui/Tooltip'

afterEach(() => {
  cleanup()
  for (const entry of toasts.getSnapshot()) toasts.dismissKey(entry.key)
})

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
  it('shows where an export went without bidi controls, so the file name reads as it is', async () => {
    render(
      <TooltipProvider>
        <JobsPanel jobs={[done('/home/an/Documents/\u202Edm.exe')]} onCancel={() => {}} onDismiss={() => {}} />
        <Toaster />
      </TooltipProvider>,
    )
    await act(async () => {})
    expect(screen.getByText('Exported 1 conversation.').closest('li')?.textContent).toContain(
      '/home/an/Documents/dm.exe',
    )
    expect(document.body.textContent).not.toContain('\u202E')
  })

  it('names in an import summary the attachments it could not bring, and how many more there were', async () => {
    const imported: JobView = {
      type: 'job',
      jobId: '6f1c1a44-8a56-4f7e-9d3e-2b1f4f0c9a12',
      kind: 'import',
      phase: 'done',
      progress: { done: 2, total: 2, unit: 'conversations' },
      error: null,
      result: {
        conversations: 2,
        messages: 5,
        bytes: 100,
        location: null,
        format: 'chatgpt',
        attachmentsNotImported: { count: 12, names: ['mèo.jpg', 'báo cáo.pdf'] },
      },
    }
    render(
      <TooltipProvider>
        <JobsPanel jobs={[imported]} onCancel={() => {}} onDismiss={() => {}} />
        <Toaster />
      </TooltipProvider>,
    )
    await act(async () => {})
    expect(screen.getByText('Imported 2 conversations (5 messages).').closest('li')?.textContent).toContain(
      '12 attachments were not imported (the file names them but does not hold them): mèo.jpg, báo cáo.pdf and 10 more.',
    )
  })
})
