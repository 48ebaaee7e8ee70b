/**
 * One copy of the app at a time: two would write the same history database and settings. A second
 * launch hands over to the first (which comes to the front) and quits.
 */

export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean
  quit(): void
  on(event: 'second-instance', listener: () => void): unknown
}

/** Returns true when this process is the one copy; otherwise it has already asked to quit. */
export function claimSingleInstance(app: SingleInstanceApp, bringToFront: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', bringToFront)
  return true
}
