/**
 * The bundle's `undici` (tsconfig paths map the name to src/adapters/undici-deferred.ts): the real
 * module loads on the first fetch, or at start-up when a proxy is configured, since
 * @actions/http-client then builds a ProxyAgent synchronously.
 */
import { describe, expect, it } from '@jest/globals'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as real from 'undici/index.js'
import { loadUndiciWhenProxied } from '../../src/adapters/proxy.js'
import * as deferred from '../../src/adapters/undici-deferred.js'

describe('undici, deferred', () => {
  it('a proxy agent needed before undici is loaded says so; once loaded it is undici’s own', async () => {
    // Nothing configured: start-up loads nothing.
    await loadUndiciWhenProxied({})
    expect(() => new deferred.ProxyAgent({ uri: 'http://127.0.0.1:3128' })).toThrow(
      /before undici was loaded/
    )
    await loadUndiciWhenProxied({ HTTPS_PROXY: 'http://127.0.0.1:3128' })
    const agent = new deferred.ProxyAgent({ uri: 'http://127.0.0.1:3128' })
    expect(agent).toBeInstanceOf(real.ProxyAgent)
    await (agent as unknown as InstanceType<typeof real.ProxyAgent>).close()
  })

  it('fetch loads undici and answers as undici’s fetch', async () => {
    const server = createServer((_request, response) => response.end('pong'))
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
    try {
      const { port } = server.address() as AddressInfo
      const response = await deferred.fetch(`http://127.0.0.1:${port}/ping`)
      expect(await response.text()).toBe('pong')
    } finally {
      await new Promise(done => server.close(done))
    }
  })
})
