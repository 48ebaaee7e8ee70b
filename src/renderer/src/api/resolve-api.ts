import type { Api } from '../../../shared/api'
import { createHttpApi, forgetTokenInAddressBar } from './http-api'

/** The desktop app's preload provides `window.api`; in a plain browser, the same API goes over HTTP. */
export function resolveApi(): Api {
  if (window.api) return window.api
  forgetTokenInAddressBar()
  return createHttpApi()
}
