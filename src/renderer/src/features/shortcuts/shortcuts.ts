/** Every app-wide keyboard shortcut, in one table: the key handler and the shortcuts panel both read it. */
export type ShortcutId =
  'newChat' | 'search' | 'focusMessage' | 'stop' | 'next' | 'previous' | 'settings' | 'list' | 'toggleSidebar'

interface Shortcut {
  id: ShortcutId
  /** How the keys are written in the panel (Ctrl is ⌘ on macOS). */
  keys: (mac: boolean) => string
  matches(event: KeyboardEvent): boolean
}

const mod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey
const modLabel = (mac: boolean) => (mac ? '⌘' : 'Ctrl')

export const shortcuts: readonly Shortcut[] = [
  {
    id: 'newChat',
    keys: (mac) => `${modLabel(mac)}+N`,
    matches: (event) => mod(event) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'n',
  },
  {
    id: 'search',
    keys: (mac) => `${modLabel(mac)}+K`,
    matches: (event) => mod(event) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'k',
  },
  {
    id: 'focusMessage',
    keys: () => 'Shift+Esc',
    matches: (event) => event.shiftKey && !mod(event) && !event.altKey && event.key === 'Escape',
  },
  {
    id: 'stop',
    keys: () => 'Esc',
    matches: (event) => !event.shiftKey && !mod(event) && !event.altKey && event.key === 'Escape',
  },
  {
    id: 'next',
    keys: () => 'Alt+↓',
    matches: (event) => event.altKey && !mod(event) && !event.shiftKey && event.key === 'ArrowDown',
  },
  {
    id: 'previous',
    keys: () => 'Alt+↑',
    matches: (event) => event.altKey && !mod(event) && !event.shiftKey && event.key === 'ArrowUp',
  },
  {
    id: 'settings',
    keys: (mac) => `${modLabel(mac)}+,`,
    matches: (event) => mod(event) && !event.shiftKey && !event.altKey && event.key === ',',
  },
  {
    id: 'toggleSidebar',
    keys: (mac) => `${modLabel(mac)}+B`,
    matches: (event) => mod(event) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'b',
  },
  {
    id: 'list',
    keys: (mac) => `${modLabel(mac)}+/`,
    matches: (event) => mod(event) && !event.altKey && (event.key === '/' || event.code === 'Slash'),
  },
]

export const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform)
