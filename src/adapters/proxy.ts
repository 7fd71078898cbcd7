/**
 * Outbound proxies from the environment, read as the runner, @actions/http-client and undici
 * read them: `https_proxy`/`HTTPS_PROXY` for https URLs (else the HTTP proxy, as undici does),
 * `http_proxy`/`HTTP_PROXY` for http URLs, `no_proxy`/`NO_PROXY` for the hosts that go direct
 * (lower-case first). Without a proxy variable nothing changes: the global fetch and Node's
 * default agents are used.
 *
 * fetch goes through undici's own fetch with an EnvHttpProxyAgent (the undici the bundle carries;
 * the global fetch with a foreign undici's dispatcher breaks across Node versions), imported on the
 * first proxied request: undici is a third of the bundle, and most runners have no proxy. Slack's
 * WebClient is axios and needs a Node agent: slack/web-api.ts makes one by proxyForUrl (not here,
 * so the bundles without Slack do not carry https-proxy-agent).
 * A proxy URL may carry credentials: it is never printed.
 */
import { ConfigurationError } from '../core/errors.js'
import { registerSecret } from '../core/secrets.js'
import { loadUndici } from './undici-deferred.js'

export interface ProxySettings {
  /** Proxy for http URLs (normalised URL), if any. */
  httpProxy?: string
  /** Proxy for https URLs; falls back to httpProxy. */
  httpsProxy?: string
  /** The NO_PROXY list as given ('' when unset). */
  noProxy: string
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 }

function read(env: NodeJS.ProcessEnv, name: string): { name: string; value: string } | undefined {
  for (const key of [name.toLowerCase(), name.toUpperCase()]) {
    const value = env[key]?.trim()
    if (value) return { name: key, value }
  }
  return undefined
}

/** A proxy variable's URL; a bare host:port means http://host:port (as @actions/http-client). */
function proxyUrl(variable: { name: string; value: string }): string {
  const text = variable.value.includes('://') ? variable.value : `http://${variable.value}`
  let url: URL | undefined
  try {
    url = new URL(text)
  } catch {
    url = undefined
  }
  if (!url || !/^https?:$/.test(url.protocol) || !url.hostname) {
    // The value may hold credentials: name the variable, never quote it.
    throw new ConfigurationError(
      `the proxy in ${variable.name} is not an http:// or https:// URL (expected e.g. http://proxy.example.com:3128)`
    )
  }
  // user:password@ in a proxy URL is a credential like any other.
  if (url.username || url.password) registerSecret(url.href)
  return url.href
}

/** The proxy settings of an environment; undefined when no proxy variable is set. */
export function proxySettings(env: NodeJS.ProcessEnv = process.env): ProxySettings | undefined {
  const http = read(env, 'http_proxy')
  const https = read(env, 'https_proxy')
  if (!http && !https) return undefined
  return {
    ...(http && { httpProxy: proxyUrl(http) }),
    ...(https && { httpsProxy: proxyUrl(https) }),
    noProxy: read(env, 'no_proxy')?.value ?? ''
  }
}

/**
 * Whether a host goes direct by NO_PROXY: `*`, an exact host, `.suffix` or `*.suffix`, each with an
 * optional `:port` (undici's EnvHttpProxyAgent rules, so fetch and Slack agree).
 */
export function bypassesProxy(url: URL, noProxy: string): boolean {
  const value = noProxy.trim()
  if (value === '*') return true
  const hostname = url.host.replace(/:\d*$/, '').toLowerCase()
  const port = Number.parseInt(url.port, 10) || DEFAULT_PORTS[url.protocol] || 0
  for (const entry of value.split(/[,\s]/)) {
    if (!entry) continue
    const parsed = /^(.+):(\d+)$/.exec(entry)
    const host = (parsed ? parsed[1]! : entry).toLowerCase()
    const entryPort = parsed ? Number.parseInt(parsed[2]!, 10) : 0
    if (entryPort && entryPort !== port) continue
    if (/^[.*]/.test(host) ? hostname.endsWith(host.replace(/^\*/, '')) : hostname === host)
      return true
  }
  return false
}

/** The proxy a request to `url` goes through, or undefined when it goes direct. */
export function proxyForUrl(
  url: string | URL,
  env: NodeJS.ProcessEnv = process.env
): string | undefined {
  const settings = proxySettings(env)
  if (!settings) return undefined
  const target = new URL(url)
  if (!/^https?:$/.test(target.protocol) || bypassesProxy(target, settings.noProxy))
    return undefined
  return target.protocol === 'https:'
    ? (settings.httpsProxy ?? settings.httpProxy)
    : settings.httpProxy
}

const proxiedFetches = new Map<string, typeof fetch>()

/**
 * The fetch to use under `env`: the global fetch without proxy variables, else undici's fetch
 * through an EnvHttpProxyAgent given these settings explicitly (so it reads nothing else from
 * process.env). One dispatcher per distinct setting, shared by every client.
 */
export function proxyAwareFetch(env: NodeJS.ProcessEnv = process.env): typeof fetch {
  const settings = proxySettings(env)
  if (!settings) return globalThis.fetch
  const key = JSON.stringify(settings)
  let proxied = proxiedFetches.get(key)
  if (!proxied) {
    const client = loadUndici().then(({ EnvHttpProxyAgent, fetch }) => ({
      fetch,
      dispatcher: new EnvHttpProxyAgent({
        // '' rather than undefined: undefined would make undici read process.env itself.
        httpProxy: settings.httpProxy ?? '',
        httpsProxy: settings.httpsProxy ?? '',
        noProxy: settings.noProxy
      })
    }))
    proxied = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      const { fetch, dispatcher } = await client
      return fetch(input as never, { ...init, dispatcher } as never)
    }) as unknown as typeof fetch
    proxiedFetches.set(key, proxied)
  }
  return proxied
}

/**
 * At start-up (actions and CLI): with a proxy configured, @actions/http-client builds undici's
 * ProxyAgent synchronously, so undici is loaded first (undici-deferred.ts); without, never here.
 */
export async function loadUndiciWhenProxied(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (proxySettings(env)) await loadUndici()
}
