import type { Api } from '../../shared/api'

declare global {
  interface Window {
    /** Set by the preload in the desktop app; absent in browser mode. */
    api?: Api
  }
}
