/**
 * The fetch the gateway's requests use, routed through a proxy when the user has one: the proxy
 * setting, else HTTPS_PROXY / HTTP_PROXY, with NO_PROXY's hosts going direct either way. Many users
 * reach the gateway from behind a corporate or national firewall that only lets a proxy out.
 *
 * undici's own fetch is used with undici's dispatcher (rather than Node's global fetch) so the
 * two always come from the same undici version. The environment is read from the injected `env`,
 * never from `process.env` behind the caller's back.
 */
import { EnvHttpProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici'

export interface ProxyChoice {
  /** The proxy setting; null defers to the environment. */
  proxy: string | null
  env: Readonly<Record<string, string | undefined>>
}

function fromEnv(env: ProxyChoice['env'], ...names: string[]): string {
  return names.map((name) => env[name]?.trim()).find(Boolean) ?? ''
}

/**
 * The hosts that go direct. When NO_PROXY is not set at all, this machine's own addresses do: a
 * proxy elsewhere cannot reach a gateway on this machine's loopback (a local gateway, a test's).
 * A NO_PROXY that is set, even empty, is taken exactly as written.
 */
export const defaultNoProxy = 'localhost,127.0.0.1'

function noProxyOf(env: ProxyChoice['env']): string {
  const set = ['no_proxy', 'NO_PROXY'].map((name) => env[name]).find((value) => value !== undefined)
  return set === undefined ? defaultNoProxy : set.trim()
}

/** The dispatcher for a choice; only the environment and the setting decide it, so it is built once per pair. */
function dispatcherFor({ proxy, env }: ProxyChoice): EnvHttpProxyAgent {
  const httpProxy = proxy ?? fromEnv(env, 'http_proxy', 'HTTP_PROXY')
  const httpsProxy = proxy ?? (fromEnv(env, 'https_proxy', 'HTTPS_PROXY') || httpProxy)
  // Empty strings (not undefined) so undici does not fall back to process.env.
  return new EnvHttpProxyAgent({ httpProxy, httpsProxy, noProxy: noProxyOf(env) })
}

/**
 * A fetch that asks `choice()` at each request, so a changed proxy setting applies to the next
 * request; an agent replaced that way is closed once its requests finish.
 */
export function createProxiedFetch(choice: () => ProxyChoice): typeof fetch {
  let current: { key: string; agent: Dispatcher } | null = null
  const agent = (): Dispatcher => {
    const wanted = choice()
    const key = JSON.stringify([
      wanted.proxy,
      fromEnv(wanted.env, 'http_proxy', 'HTTP_PROXY'),
      fromEnv(wanted.env, 'https_proxy', 'HTTPS_PROXY'),
      noProxyOf(wanted.env),
    ])
    if (current?.key !== key) {
      void current?.agent.close().catch(() => undefined)
      current = { key, agent: dispatcherFor(wanted) }
    }
    return current.agent
  }
  const proxied = (input: Parameters<typeof undiciFetch>[0], init?: Parameters<typeof undiciFetch>[1]) =>
    undiciFetch(input, { ...init, dispatcher: agent() })
  return proxied as unknown as typeof fetch
}
