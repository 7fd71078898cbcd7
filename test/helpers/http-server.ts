import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  /** Parsed JSON (or form fields as an object) when the body is one; else the text. */
  body: unknown
  rawBody: string
}

export type Handler = (
  request: RecordedRequest,
  response: ServerResponse
) =>
  | void
  | Promise<void>
  | { status?: number; body?: unknown; headers?: Record<string, string> }
  | Promise<{ status?: number; body?: unknown; headers?: Record<string, string> } | undefined>

export interface TestServer {
  url: string
  requests: RecordedRequest[]
  close(): Promise<void>
  server: Server
}

/**
 * A local HTTP server on loopback for contract tests. The handler returns {status, body} (sent as
 * JSON) or writes the response itself (e.g. to drop the connection).
 */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = []
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const rawBody = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://localhost')
    let body: unknown = rawBody
    const type = req.headers['content-type'] ?? ''
    if (rawBody && type.includes('json')) {
      try {
        body = JSON.parse(rawBody)
      } catch {
        body = rawBody
      }
    } else if (rawBody && type.includes('application/x-www-form-urlencoded')) {
      body = Object.fromEntries(new URLSearchParams(rawBody))
    }
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      rawBody
    }
    requests.push(recorded)
    try {
      const result = await handler(recorded, res)
      if (res.writableEnded || res.destroyed) return
      const reply = result ?? {
        status: 404,
        body: { message: `no route for ${recorded.method} ${recorded.path}` }
      }
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers })
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body))
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: `test server error: ${(error as Error).message}` }))
    }
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    server,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
