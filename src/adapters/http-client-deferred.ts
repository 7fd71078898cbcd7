/**
 * `@actions/http-client` as the bundle sees it: tsconfig.json maps the module name here, as it
 * maps undici (undici-deferred.ts). @actions/core imports the client for OIDC tokens alone, which
 * no step of ours asks for, yet that import alone put the client and its proxy tunnel (~250 KB)
 * on every step's start. @actions/github builds a proxy agent with it while it loads, so
 * loadGitHub() (github/client.ts) loads the real client first; nothing else constructs one.
 */
import type * as HttpClientModule from '../../node_modules/@actions/http-client/lib/index.js'

let real: typeof HttpClientModule | undefined
let loading: Promise<typeof HttpClientModule> | undefined

export function loadHttpClient(): Promise<typeof HttpClientModule> {
  // A path, not the package name: the name is what tsconfig maps to this very file.
  loading ??= import('../../node_modules/@actions/http-client/lib/index.js').then(
    module => (real = module)
  )
  return loading
}

export class HttpClient {
  constructor(...args: ConstructorParameters<typeof HttpClientModule.HttpClient>) {
    if (!real)
      throw new Error(
        'internal: @actions/http-client was needed before it was loaded (await loadHttpClient() first)'
      )
    // A constructor may return another object: the caller gets the real client.
    return new real.HttpClient(...args) as unknown as HttpClient
  }
}
