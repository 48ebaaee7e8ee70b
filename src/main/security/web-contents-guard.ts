/**
 * What every web page the app creates may do: nothing outside its own page. No new windows, no
 * navigation or redirect away from the app, no <webview>. Takes the webContents as a parameter
 * so a test can drive it with a fake; `index.ts` applies it to every webContents Electron creates.
 */

/** The events we veto; Electron passes an event with `preventDefault` and (for navigation) the URL. */
export type GuardedEvent = 'will-navigate' | 'will-redirect' | 'will-attach-webview'

export interface PreventableEvent {
  preventDefault(): void
}

/** The part of Electron's `WebContents` the guard uses. */
export interface GuardableWebContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
  on(event: GuardedEvent, listener: (event: PreventableEvent, url: string) => void): unknown
}

export interface GuardOptions {
  /** True for the app's own page (see `isAppUrl`); anything else is leaving the app. */
  isAppUrl(url: string): boolean
  /** Told of every refusal, for the log. */
  onBlocked?(what: GuardedEvent | 'window-open', url: string): void
}

export function guardWebContents(contents: GuardableWebContents, options: GuardOptions): void {
  // Links meant for the browser go through the `app:openExternal` channel, where main checks them.
  contents.setWindowOpenHandler(({ url }) => {
    options.onBlocked?.('window-open', url)
    return { action: 'deny' }
  })
  const stayInApp = (what: 'will-navigate' | 'will-redirect') => (event: PreventableEvent, url: string) => {
    if (options.isAppUrl(url)) return
    event.preventDefault()
    options.onBlocked?.(what, url)
  }
  contents.on('will-navigate', stayInApp('will-navigate'))
  contents.on('will-redirect', stayInApp('will-redirect'))
  // webviewTag is off already; this catches a page that found a way to attach one anyway.
  contents.on('will-attach-webview', (event, url) => {
    event.preventDefault()
    options.onBlocked?.('will-attach-webview', typeof url === 'string' ? url : '')
  })
}
