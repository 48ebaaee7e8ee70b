/**
 * Redirects for the gateway's requests (chat and models). fetch follows them silently by default:
 * to another host, where the `Authorization` header (the key) would go too (undici drops it across
 * origins, but the body, the whole conversation, still goes), and a 301/302 turns the POST into a
 * GET, so the chat request arrives empty. Here each redirect is read by hand (`redirect: 'manual'`):
 * one to the same origin is followed with the same method, headers and body; one to another origin
 * is refused with `RedirectRefusedError`, naming the host, and nothing is sent there.
 */

export class RedirectRefusedError extends Error {
  override readonly name = 'RedirectRefusedError'
  constructor(
    readonly status: number,
    /** The host the gateway pointed to, for the message; never the full URL (it may carry a token). */
    readonly targetHost: string,
  ) {
    super(
      `The gateway redirected the request (HTTP ${status}) to another host, ${targetHost}; it was not followed, so nothing was sent there. Check the base URL in Settings.`,
    )
  }
}

/** Enough for a gateway that moved from /v1 to /v1/ and then to a new path; more is a loop. */
const maxSameOriginRedirects = 5

const isRedirect = (status: number) => status >= 300 && status < 400 && status !== 304

function urlOf(input: Parameters<typeof fetch>[0]): URL {
  if (input instanceof URL) return input
  return new URL(typeof input === 'string' ? input : input.url)
}

export function refuseCrossOriginRedirects(baseFetch: typeof fetch): typeof fetch {
  return async (input, init) => {
    let url = urlOf(input)
    for (let hop = 0; ; hop++) {
      const response = await baseFetch(url.href, { ...init, redirect: 'manual' })
      const location = response.headers.get('location')
      if (!isRedirect(response.status) || location === null) return response
      // The redirect's own body is not needed; release the socket.
      await response.body?.cancel().catch(() => undefined)
      let target: URL
      try {
        target = new URL(location, url)
      } catch {
        throw new RedirectRefusedError(response.status, '(an invalid address)')
      }
      if (target.origin !== url.origin) throw new RedirectRefusedError(response.status, target.host)
      if (hop >= maxSameOriginRedirects) throw new RedirectRefusedError(response.status, target.host)
      url = target
    }
  }
}
