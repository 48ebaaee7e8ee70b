/**
 * Permission requests from web content (camera, microphone, geolocation, notifications, MIDI,
 * clipboard reading, ...) are denied: a chat window needs none of them, and the page shows text an
 * attacker can influence. Both the asynchronous request and the synchronous check are answered.
 */

/** The part of Electron's `Session` used here. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
  ): void
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string) => boolean) | null): void
  setDevicePermissionHandler?(handler: (details: unknown) => boolean): void
}

/**
 * Permissions the app grants, each with its reason:
 * - `clipboard-sanitized-write`: the Copy buttons on answers and code blocks write plain text. Writing
 *   cannot read anything; reading the clipboard (`clipboard-read`) stays denied.
 */
export const grantedPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

export function denyPermissions(session: PermissionSession, onDenied?: (permission: string) => void): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    const granted = grantedPermissions.has(permission)
    if (!granted) onDenied?.(permission)
    callback(granted)
  })
  session.setPermissionCheckHandler((_webContents, permission) => grantedPermissions.has(permission))
  // USB, HID and serial devices: never.
  session.setDevicePermissionHandler?.(() => false)
}
