/**
 * `undici` as the bundle sees it: tsconfig.json maps the module name here (ncc applies tsconfig
 * paths to every import, @actions/http-client's and @actions/github's included), so the 600 KB of
 * undici load only when a request needs them, not with @actions/core on every step's start.
 *
 * What the dependencies take from undici: @actions/github its `fetch` (async, so loading first is
 * free) and @actions/http-client its `ProxyAgent`, constructed synchronously when a proxy is
 * configured; loadUndiciWhenProxied() (proxy.ts) at start-up loads undici first in exactly that case.
 * Everything else reaches the real module through loadUndici().
 */
import type * as Undici from 'undici/index.js'

let real: typeof Undici | undefined
let loading: Promise<typeof Undici> | undefined

export function loadUndici(): Promise<typeof Undici> {
  loading ??= import('undici/index.js').then(module => (real = module))
  return loading
}

export function fetch(...args: Parameters<typeof Undici.fetch>): ReturnType<typeof Undici.fetch> {
  return loadUndici().then(undici => undici.fetch(...args))
}

export class ProxyAgent {
  constructor(options: ConstructorParameters<typeof Undici.ProxyAgent>[0]) {
    if (!real)
      throw new Error(
        'internal: a proxy agent was needed before undici was loaded (loadUndiciWhenProxied was not awaited at start-up)'
      )
    // A constructor may return another object: the caller gets undici's own agent.
    return new real.ProxyAgent(options) as unknown as ProxyAgent
  }
}
