import { render, type RenderOptions } from '@testing-library/react'
import type { ReactElement } from 'react'
import { TooltipProvider } from '../../../src/renderer/src/ui/Tooltip'

/** Renders as the app does: inside the one TooltipProvider at its root (code blocks have icon buttons). */
export function renderAnswer(ui: ReactElement, options?: Omit<RenderOptions, 'wrapper'>) {
  return render(ui, { ...options, wrapper: TooltipProvider })
}
