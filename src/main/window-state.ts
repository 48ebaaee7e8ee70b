import { z } from 'zod'
import type { KeyValueStore } from './storage/key-value-store'
import { defaultPlacement, type WindowPlacement } from './window-options'

/** A rectangle in screen coordinates, as Electron gives window bounds and displays' work areas. */
export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  placement: WindowPlacement
  maximized: boolean
}

const SavedStateSchema = z.object({
  bounds: z.object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  maximized: z.boolean(),
})

const minSize = { width: 560, height: 420 }

/**
 * Remembers the main window's size, position and maximised state between runs, and puts it back
 * only where the user can see it: a monitor unplugged since, or a resolution lowered, would
 * otherwise open the window off-screen. Electron-free: displays are passed in (`screen.getAllDisplays()`
 * work areas in the app), the store is any KeyValueStore (`window-state.json`).
 */
export class WindowStateStore {
  constructor(private readonly store: KeyValueStore) {}

  /** The placement to open with, clamped to the given displays; the default when nothing fits. */
  load(displays: readonly Rectangle[]): WindowState {
    const saved = SavedStateSchema.safeParse(this.store.get('window'))
    if (!saved.success || displays.length === 0) return { placement: { ...defaultPlacement }, maximized: false }
    const { bounds, maximized } = saved.data
    const display = bestDisplay(bounds, displays)
    if (!display) return { placement: { ...defaultPlacement }, maximized }
    return { placement: clampTo(bounds, display), maximized }
  }

  /** Called when the window closes, with its normal (unmaximised) bounds. */
  save(bounds: Rectangle, maximized: boolean): void {
    const rounded = {
      x: Math.round(bounds.x),
      y: Math.round(bounds.y),
      width: Math.round(bounds.width),
      height: Math.round(bounds.height),
    }
    const state = { bounds: rounded, maximized }
    if (SavedStateSchema.safeParse(state).success) this.store.set('window', state)
  }
}

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

/** The display the window overlaps most; null when it overlaps none (that monitor is gone). */
function bestDisplay(bounds: Rectangle, displays: readonly Rectangle[]): Rectangle | null {
  let best: Rectangle | null = null
  let bestArea = 0
  for (const display of displays) {
    const area = overlap(bounds, display)
    if (area > bestArea) [best, bestArea] = [display, area]
  }
  return best
}

function clampTo(bounds: Rectangle, display: Rectangle): WindowPlacement {
  const width = Math.max(Math.min(bounds.width, display.width), Math.min(minSize.width, display.width))
  const height = Math.max(Math.min(bounds.height, display.height), Math.min(minSize.height, display.height))
  // Wholly inside the display's work area, which also keeps the title bar reachable.
  return {
    x: clamp(bounds.x, display.x, display.x + display.width - width),
    y: clamp(bounds.y, display.y, display.y + display.height - height),
    width,
    height,
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max))
}
