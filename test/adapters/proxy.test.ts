import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { request as httpRequest } from 'node:http'
import { HttpClient, HttpError } from '../../src/adapters/http.js'
import { createOrchestrator } from '../../src/adapters/orchestrators/index.js'
import {
  bypassesProxy,
  proxyAwareFetch,
  proxyForUrl,
  proxySettings
} from '../../src/adapters/proxy.js'
import { MlflowRegistry } from '../../src/adapters/registries/mlflow.js'
import { SlackDeliveryError } from '../../src/adapters/slack/errors.js'
import { createSlackClient } from '../../src/adapters/slack/web-api.js'
import { postWebhook } from '../../src/adapters/slack/webhook.js'
import { ConfigurationError } from '../../src/core/errors.js'
import type { Block } from '../../src/core/notification.js'
import { startArgoServer, type ArgoServer } from '../fakes/argo-server.js'
import { startKfpServer } from '../fakes/kfp-server.js'
import { startFakeMlflow, type FakeMlflow } from '../fakes/mlflow-server.js'
import { startSlackServer, type FakeSlack } from '../fakes/slack-server.js'
import { startServer } from '../helpers/http-server.js'
import { startProxy, type TestProxy } from '../helpers/proxy-server.js'
import { describeWithShared, sharedFile } from '../helpers/shared.js'

const PROXY_VARIABLES = ['http_proxy', 'https_proxy', 'no_proxy', 'all_proxy'].flatMap(name => [
  name,
  name.toUpperCase()
])
const blocks: Block[] = [{ type: 'section', text: { type: 'mrkdwn', text: 'hello' } }]
const once = { retry: { attempts: 1 } }
const hostOf = (url: string) => {
  const { hostname, port } = new URL(url)
  return `${hostname}:${port}`
}

// The orchestrator and registry clients read the proxy from process.env, as the actions do:
// every test starts without proxy variables (whatever the machine has) and gets them back after.
let saved: Record<string, string | undefined>
beforeEach(() => {
  saved = Object.fromEntries(PROXY_VARIABLES.map(name => [name, process.env[name]]))
  for (const name of PROXY_VARIABLES) delete process.env[name]
})
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
})

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a rejection')
}

describe('proxy settings from the environment', () => {
  it('reads nothing when no proxy variable is set, and keeps the global fetch', () => {
    expect(proxySettings({ NO_PROXY: 'example.com' })).toBeUndefined()
    expect(proxyForUrl('https://slack.com/api/', { NO_PROXY: 'example.com' })).toBeUndefined()
    expect(proxyAwareFetch({})).toBe(globalThis.fetch)
    expect(proxyAwareFetch({ HTTPS_PROXY: 'http://proxy.corp:3128' })).not.toBe(globalThis.fetch)
  })

  it('takes the proxy by scheme, lower-case first, https falling back to the http proxy', () => {
    const env = { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2' }
    expect(proxyForUrl('https://a.example', env)).toBe('http://lower:2/')
    expect(proxyForUrl('http://a.example', env)).toBeUndefined()
    expect(proxyForUrl('https://a.example', { HTTP_PROXY: 'http://only-http:3' })).toBe(
      'http://only-http:3/'
    )
    // An empty lower-case variable does not hide the upper-case one.
    expect(proxyForUrl('http://a.example', { http_proxy: '', HTTP_PROXY: 'proxy.corp:8080' })).toBe(
      'http://proxy.corp:8080/'
    )
  })

  it('matches NO_PROXY as undici does: exact hosts, suffixes, ports and *', () => {
    const bypass = (url: string, noProxy: string) => bypassesProxy(new URL(url), noProxy)
    expect(bypass('https://mlflow.corp.example/x', 'mlflow.corp.example')).toBe(true)
    expect(bypass('https://MLflow.corp.example', 'other.example, mlflow.corp.example')).toBe(true)
    expect(bypass('https://a.corp.example', '.corp.example')).toBe(true)
    expect(bypass('https://a.corp.example', '*.corp.example')).toBe(true)
    expect(bypass('https://corp.example.org', '.corp.example')).toBe(false)
    expect(bypass('https://a.corp.example', 'corp.example')).toBe(false)
    expect(bypass('https://a.example:8443', 'a.example:8443')).toBe(true)
    expect(bypass('https://a.example', 'a.example:8443')).toBe(false)
    expect(bypass('https://a.example', 'a.example:443')).toBe(true)
    expect(bypass('http://127.0.0.1:9000', '127.0.0.1')).toBe(true)
    expect(bypass('https://anything.example', '*')).toBe(true)
    expect(bypass('https://anything.example', '')).toBe(false)
  })

  it('names an unusable proxy variable without quoting its value (it may hold credentials)', () => {
    for (const value of ['http://user:s3cret@', 'ftp://user:s3cret@proxy.corp']) {
      const error = (() => {
        try {
          proxySettings({ https_proxy: value })
        } catch (caught) {
          return caught as Error
        }
        throw new Error('expected an error')
      })()
      expect(error).toBeInstanceOf(ConfigurationError)
      expect(error.message).toContain('https_proxy')
      expect(error.message).not.toContain('s3cret')
    }
  })
})

describe('requests through a local proxy', () => {
  let proxy: TestProxy
  const closers: Array<() => Promise<void>> = []
  beforeEach(async () => {
    proxy = await startProxy()
    closers.push(() => proxy.close())
  })
  afterEach(async () => {
    while (closers.length) await closers.pop()!()
  })

  async function mlflowServer(): Promise<FakeMlflow> {
    const mlflow = await startFakeMlflow()
    closers.push(() => mlflow.close())
    mlflow.addVersion('model', { metrics: { accuracy: 0.9 } })
    return mlflow
  }
  const resolveVersion = (mlflow: FakeMlflow) =>
    new MlflowRegistry({ url: mlflow.url, http: once }).resolve('models:/model/1')

  it('the MLflow registry client goes through http_proxy (lower-case)', async () => {
    const mlflow = await mlflowServer()
    process.env.http_proxy = proxy.url
    const resolved = await resolveVersion(mlflow)
    expect(resolved.record.version).toBe('1')
    expect(proxy.carried()).toContain(hostOf(mlflow.url))
  })

  it('an https target goes to HTTPS_PROXY (a CONNECT to host:443), never direct', async () => {
    process.env.HTTPS_PROXY = proxy.url
    const http = new HttpClient({
      baseUrl: 'https://mlflow.corp.example/api',
      service: 'MLflow',
      retry: { attempts: 1 }
    })
    const error = await rejection(http.get('/models'))
    expect(error).toBeInstanceOf(HttpError)
    // The test proxy dials loopback only: it refused to go further, so the request was in its hands.
    expect(proxy.requests).toEqual([
      expect.objectContaining({
        kind: 'connect',
        target: 'mlflow.corp.example:443',
        outcome: 'blocked'
      })
    ])
  })

  it('HTTPS_PROXY alone leaves http targets direct', async () => {
    const mlflow = await mlflowServer()
    process.env.HTTPS_PROXY = proxy.url
    await resolveVersion(mlflow)
    expect(proxy.requests).toEqual([])
  })

  it('a host in NO_PROXY goes direct', async () => {
    const mlflow = await mlflowServer()
    process.env.HTTP_PROXY = proxy.url
    process.env.NO_PROXY = 'registry.corp.example, 127.0.0.1'
    await resolveVersion(mlflow)
    expect(proxy.requests).toEqual([])
  })

  it('without proxy variables nothing goes through the proxy', async () => {
    const mlflow = await mlflowServer()
    await resolveVersion(mlflow)
    expect(proxy.requests).toEqual([])
  })

  it('the test proxy itself forwards absolute-form requests and checks credentials', async () => {
    const target = await startServer(() => ({ status: 200, body: { ok: true } }))
    closers.push(() => target.close())
    const guarded = await startProxy({ credentials: { username: 'u', password: 'pw' } })
    closers.push(() => guarded.close())
    const send = (authorization?: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest({
          host: '127.0.0.1',
          port: guarded.port,
          path: `${target.url}/ping`,
          headers: authorization ? { 'proxy-authorization': authorization } : {}
        })
        req.on('response', response => {
          response.resume()
          resolve(response.statusCode ?? 0)
        })
        req.on('error', reject)
        req.end()
      })
    expect(await send()).toBe(407)
    expect(await send(`Basic ${Buffer.from('u:pw').toString('base64')}`)).toBe(200)
    expect(guarded.requests).toEqual([
      expect.objectContaining({ kind: 'forward', authorized: false, outcome: 'refused' }),
      expect.objectContaining({ kind: 'forward', url: `${target.url}/ping`, outcome: 'carried' })
    ])
    expect(target.requests.map(r => r.path)).toEqual(['/ping'])
    expect(target.requests[0]!.headers['proxy-authorization']).toBeUndefined()
  })

  describe('with credentials in the proxy URL', () => {
    let guarded: TestProxy
    beforeEach(async () => {
      guarded = await startProxy({ credentials: { username: 'svc-ml', password: 'p@ss:w0rd' } })
      closers.push(() => guarded.close())
    })

    it('sends them as Proxy-Authorization', async () => {
      const mlflow = await mlflowServer()
      process.env.HTTP_PROXY = guarded.authUrl
      await resolveVersion(mlflow)
      expect([...new Set(guarded.carried())]).toEqual([hostOf(mlflow.url)])
    })

    it('a refused proxy fails the request, and the error does not carry the password', async () => {
      const mlflow = await mlflowServer()
      process.env.HTTP_PROXY = guarded.authUrl.replace('w0rd', 'wrong')
      const error = await rejection(resolveVersion(mlflow))
      expect(guarded.requests.map(r => r.outcome)).toEqual(['refused'])
      expect(error.message).toContain('the proxy wants credentials (407)')
      expect(error.message).not.toMatch(/p%40ss|p@ss|wrong|svc-ml/)
      expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toMatch(/p%40ss|wrong/)
      expect(mlflow.server.requests).toEqual([])
    })
  })
})

const argoSpec = describeWithShared('specs/argo-workflows.swagger.json')
argoSpec.describe('an orchestrator client (Argo) and a proxy', () => {
  let proxy: TestProxy
  let argo: ArgoServer
  beforeEach(async () => {
    proxy = await startProxy()
    argo = await startArgoServer({ specFile: argoSpec.file!, templates: { train: {} } })
  })
  afterEach(async () => {
    await argo.close()
    await proxy.close()
  })
  const submit = async () =>
    (
      await createOrchestrator(
        { kind: 'argo', url: argo.url, namespace: 'ml' },
        { env: {}, pollScale: 0.001 }
      )
    ).submit({
      workflow: 'train',
      arguments: { epochs: 3 },
      project: 'heart',
      labels: {},
      displayName: 'proxy-test'
    })

  it('submits through HTTP_PROXY', async () => {
    process.env.HTTP_PROXY = proxy.url
    await submit()
    expect(argo.requests.length).toBeGreaterThan(0)
    expect(proxy.carried()).toContain(hostOf(argo.url))
    expect(argo.violations).toEqual([])
  })

  it('goes direct when NO_PROXY names its host and port', async () => {
    process.env.HTTP_PROXY = proxy.url
    process.env.no_proxy = `example.com,${hostOf(argo.url)}`
    await submit()
    expect(argo.requests.length).toBeGreaterThan(0)
    expect(proxy.requests).toEqual([])
  })

  it('goes direct without proxy variables', async () => {
    await submit()
    expect(argo.requests.length).toBeGreaterThan(0)
    expect(proxy.requests).toEqual([])
  })
})

const kfpSpec = describeWithShared('specs/kfp-v2beta1.swagger.json')
kfpSpec.describe('an orchestrator client (KFP) and a proxy', () => {
  it('submits through HTTP_PROXY, and goes direct when NO_PROXY names the host', async () => {
    const proxy = await startProxy()
    const kfp = await startKfpServer({ specFile: kfpSpec.file!, pipelines: { train: {} } })
    try {
      const client = () =>
        createOrchestrator({ kind: 'kfp', url: kfp.url }, { env: {}, pollScale: 0.001 })
      const submit = async () =>
        (await client()).submit({
          workflow: 'train',
          arguments: { epochs: 3 },
          project: 'heart',
          labels: {},
          displayName: 'proxy-test'
        })
      process.env.HTTP_PROXY = proxy.url
      await submit()
      expect(proxy.carried()).toContain(hostOf(kfp.url))
      const carried = proxy.requests.length
      const served = kfp.requests.length
      process.env.NO_PROXY = '127.0.0.1'
      await submit()
      expect(kfp.requests.length).toBeGreaterThan(served)
      expect(proxy.requests).toHaveLength(carried)
      expect(kfp.violations).toEqual([])
    } finally {
      await kfp.close()
      await proxy.close()
    }
  })
})

const slackSpec = sharedFile('specs/slack-web-openapi-v2.json')
;(slackSpec ? describe : describe.skip)('Slack and a proxy', () => {
  let proxy: TestProxy
  let slack: FakeSlack
  beforeEach(async () => {
    proxy = await startProxy({ credentials: { username: 'bot', password: 'hunter2' } })
    slack = await startSlackServer()
  })
  afterEach(async () => {
    await slack.close()
    await proxy.close()
  })
  const post = (env: NodeJS.ProcessEnv, apiUrl = slack.apiUrl) =>
    createSlackClient(slack.token, { apiUrl, env, ...once }).postMessage({
      channel: 'ml-ops',
      text: 'deployed',
      blocks
    })
  const hook = (env: NodeJS.ProcessEnv) =>
    postWebhook(slack.webhookUrl, { text: 'deployed', blocks }, { env, ...once })

  it('the Web API client goes through HTTP_PROXY, with its credentials', async () => {
    await post({ HTTP_PROXY: proxy.authUrl })
    expect(slack.messages('C0MLOPS001')).toHaveLength(1)
    expect(proxy.carried()).toEqual([hostOf(slack.apiUrl)])
  })

  it('the Web API client sends https to HTTPS_PROXY (a CONNECT to slack:443)', async () => {
    const error = await rejection(
      post({ HTTPS_PROXY: proxy.authUrl }, 'https://slack.corp.example/api/')
    )
    expect(error).toBeInstanceOf(SlackDeliveryError)
    expect(error.message).not.toContain('hunter2')
    expect(proxy.requests).toEqual([
      expect.objectContaining({ target: 'slack.corp.example:443', outcome: 'blocked' })
    ])
  })

  it('a proxy refusing the credentials is reported as such, without them', async () => {
    const wrong = proxy.authUrl.replace('hunter2', 'hunter3')
    const error = (await rejection(post({ HTTP_PROXY: wrong }))) as SlackDeliveryError
    expect(error.code).toBe('http_407')
    expect(error.fix).toContain('proxy')
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toMatch(/hunter/)
    const hookError = await rejection(hook({ HTTP_PROXY: wrong }))
    expect(hookError.message).toContain('407')
    expect(JSON.stringify(hookError, Object.getOwnPropertyNames(hookError))).not.toMatch(/hunter/)
    expect(proxy.requests.map(r => r.outcome)).toEqual(['refused', 'refused'])
    expect(slack.calls).toEqual([])
  })

  it('the webhook goes through http_proxy', async () => {
    await hook({ http_proxy: proxy.authUrl })
    expect(slack.webhookMessages).toHaveLength(1)
    expect(proxy.carried()).toEqual([hostOf(slack.webhookUrl)])
  })

  it('both go direct when NO_PROXY names the host', async () => {
    const env = { HTTP_PROXY: proxy.authUrl, NO_PROXY: '127.0.0.1' }
    await post(env)
    await hook(env)
    expect(slack.messages('C0MLOPS001')).toHaveLength(1)
    expect(slack.webhookMessages).toHaveLength(1)
    expect(proxy.requests).toEqual([])
  })

  it('both go direct without proxy variables', async () => {
    await post({})
    await hook({})
    expect(proxy.requests).toEqual([])
    expect(slack.webhookMessages).toHaveLength(1)
  })
})
