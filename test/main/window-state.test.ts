import { describe, expect, it } from 'vitest'
import { openConfStore } from '../../src/main/storage/open-json-store'
import { WindowStateStore } from '../../src/main/window-state'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
const laptop = { x: 0, y: 0, width: 1440, height: 875 }
const monitorOnTheRight = { x: 1440, y: 0, width: 2560, height: 1415 }

/** A store on a real JSON file, reopened as the next run of the app would. */
function stores() {
  const dir = tempDir()
  return () => new WindowStateStore(openConfStore(dir, 'window-state'))
}

describe('WindowStateStore', () => {
  it('opens at the default size the first time', () => {
    expect(stores()().load([laptop])).toEqual({ placement: { width: 1100, height: 760 }, maximized: false })
  })

  it('puts the window back where it was, maximised or not, in the next run', () => {
    const open = stores()
    open().save({ x: 1600, y: 100, width: 1200, height: 900 }, true)
    expect(open().load([laptop, monitorOnTheRight])).toEqual({
      placement: { x: 1600, y: 100, width: 1200, height: 900 },
      maximized: true,
    })
  })

  it('brings a window back on screen when its monitor is gone', () => {
    const open = stores()
    open().save({ x: 1600, y: 100, width: 1200, height: 900 }, false)
    expect(open().load([laptop])).toEqual({ placement: { width: 1100, height: 760 }, maximized: false })
  })

  it('clamps a window hanging off the edge, or larger than the display, into view', () => {
    const open = stores()
    open().save({ x: 1000, y: -50, width: 1200, height: 2000 }, false)
    expect(open().load([laptop])).toEqual({
      placement: { x: 240, y: 0, width: 1200, height: 875 },
      maximized: false,
    })
  })

  it('keeps the placement on the display it mostly covers', () => {
    const open = stores()
    open().save({ x: 1300, y: 200, width: 1000, height: 600 }, false)
    expect(open().load([laptop, monitorOnTheRight]).placement).toEqual({ x: 1440, y: 200, width: 1000, height: 600 })
  })

  it('ignores a saved state that is not one (hand-edited file), and refuses to save nonsense', () => {
    const dir = tempDir()
    const raw = openConfStore(dir, 'window-state')
    raw.set('window', { bounds: { x: 'left', y: 0, width: -5, height: 1e9 }, maximized: 'yes' })
    const store = new WindowStateStore(raw)
    expect(store.load([laptop]).placement).toEqual({ width: 1100, height: 760 })
    store.save({ x: Number.NaN, y: 0, width: 0, height: 10 }, false)
    expect(raw.get('window')).toMatchObject({ maximized: 'yes' })
  })
})
