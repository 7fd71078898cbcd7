import { createServer, request as httpRequest, type IncomingMessage } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import type { Duplex } from 'node:stream'

export interface ProxiedRequest {
  /** CONNECT tunnel (https, and http through undici) or an absolute-form request. */
  kind: 'connect' | 'forward'
  method: string
  /** host:port of the target. */
  target: string
  /** The absolute URL of a forwarded request. */
  url?: string
  /** Whether the request passed the credential check (always true without credentials). */
  authorized: boolean
  /**
   * carried: tunnelled or forwarded to the target; refused: 407 for missing or wrong credentials;
   * blocked: 502 for a target the proxy does not dial; failed: the target could not be reached.
   */
  outcome?: 'carried' | 'refused' | 'blocked' | 'failed'
}

export interface TestProxy {
  /** http://127.0.0.1:<port>, without credentials. */
  url: string
  /** The URL with the required credentials in its user part (= url without credentials). */
  authUrl: string
  port: number
  requests: ProxiedRequest[]
  /** host:port of every request that was carried to its target. */
  carried(): string[]
  close(): Promise<void>
}

export interface ProxyOptions {
  /** Require Proxy-Authorization: Basic with these. */
  credentials?: { username: string; password: string }
  /**
   * Targets the proxy dials; any other is answered 502 without a connection (so tests never
   * reach out of the machine). Default: loopback only.
   */
  allow?: (host: string, port: number) => boolean
}

const loopback = (host: string) =>
  host === '127.0.0.1' || host === 'localhost' || host === '::1' || host === '[::1]'

/**
 * A small HTTP proxy on loopback for tests: CONNECT tunnels and absolute-form requests, each
 * recorded; optionally requires Basic Proxy-Authorization. Only loopback targets are dialled.
 */
export async function startProxy(options: ProxyOptions = {}): Promise<TestProxy> {
  const requests: ProxiedRequest[] = []
  const sockets = new Set<Duplex>()
  const allow = options.allow ?? (host => loopback(host))
  const expected = options.credentials
    ? `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString('base64')}`
    : undefined
  const authorized = (req: IncomingMessage) =>
    !expected || req.headers['proxy-authorization'] === expected
  const track = <T extends Duplex>(socket: T): T => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
    return socket
  }

  const server = createServer((req, res) => {
    let target: URL
    try {
      target = new URL(req.url ?? '')
    } catch {
      res.writeHead(400).end('absolute-form request expected')
      return
    }
    const port = Number(target.port) || (target.protocol === 'https:' ? 443 : 80)
    const entry: ProxiedRequest = {
      kind: 'forward',
      method: req.method ?? 'GET',
      target: `${target.hostname}:${port}`,
      url: target.href,
      authorized: authorized(req)
    }
    requests.push(entry)
    if (!entry.authorized) {
      entry.outcome = 'refused'
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end()
      return
    }
    if (target.protocol !== 'http:' || !allow(target.hostname, port)) {
      entry.outcome = 'blocked'
      res.writeHead(502).end('the test proxy does not dial this target')
      return
    }
    const headers = { ...req.headers }
    delete headers['proxy-authorization']
    delete headers['proxy-connection']
    const upstream = httpRequest(
      {
        host: target.hostname,
        port,
        method: req.method,
        path: target.pathname + target.search,
        headers
      },
      answer => {
        entry.outcome = 'carried'
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => {
      entry.outcome = 'failed'
      if (!res.headersSent) res.writeHead(502)
      res.end()
    })
    req.pipe(upstream)
  })

  server.on('connection', socket => track(socket))
  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    track(client)
    const match = /^(.+):(\d+)$/.exec(req.url ?? '')
    const host = (match?.[1] ?? '').replace(/^\[(.*)\]$/, '$1')
    const port = Number(match?.[2] ?? 0)
    const entry: ProxiedRequest = {
      kind: 'connect',
      method: 'CONNECT',
      target: req.url ?? '',
      authorized: authorized(req)
    }
    requests.push(entry)
    const refuse = (status: number, reason: string, extra = '') =>
      client.end(`HTTP/1.1 ${status} ${reason}\r\n${extra}Content-Length: 0\r\n\r\n`)
    if (!entry.authorized) {
      entry.outcome = 'refused'
      return refuse(
        407,
        'Proxy Authentication Required',
        'Proxy-Authenticate: Basic realm="test"\r\n'
      )
    }
    if (!match || !allow(host, port)) {
      entry.outcome = 'blocked'
      return refuse(502, 'Bad Gateway')
    }
    const upstream: Socket = track(connect(port, host))
    upstream.once('error', () => {
      if (entry.outcome === undefined) {
        entry.outcome = 'failed'
        refuse(502, 'Bad Gateway')
      } else client.destroy()
    })
    upstream.once('connect', () => {
      entry.outcome = 'carried'
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  })

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  const authUrl = options.credentials
    ? `http://${encodeURIComponent(options.credentials.username)}:${encodeURIComponent(options.credentials.password)}@127.0.0.1:${port}`
    : url
  return {
    url,
    authUrl,
    port,
    requests,
    carried: () => requests.filter(r => r.outcome === 'carried').map(r => r.target),
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
