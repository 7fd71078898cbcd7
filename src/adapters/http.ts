/**
 * One HTTP client for every outside system we poll or call: JSON in and out, auth headers,
 * retries with backoff on connection errors, 5xx and 429 (honouring Retry-After), errors that
 * carry the server's own message but never the credentials, and the proxy of HTTPS_PROXY,
 * HTTP_PROXY and NO_PROXY (see proxy.ts).
 *
 * A request that is not idempotent (a submission) is never sent twice here: once it may have
 * reached the server (a reset after sending, any 5xx or 429: behind Envoy or Istio a 503 can come
 * after the upstream accepted it), the error is `ambiguous` and the caller looks for what it
 * created before sending it again. Only a connection never made is retried.
 */
import { secrets } from '../core/secrets.js'
import { proxyAwareFetch } from './proxy.js'

export type Sleep = (ms: number) => Promise<void>
export const realSleep: Sleep = ms => new Promise(resolve => setTimeout(resolve, ms))

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 }

export interface HttpClientOptions {
  baseUrl: string
  /** Service name used in error messages, e.g. "MLRun API". */
  service: string
  headers?: Record<string, string>
  retry?: Partial<RetryPolicy>
  /** Per-request timeout. */
  timeoutMs?: number
  sleep?: Sleep
  /** Pulls the server's error text out of an error body (FastAPI detail, KFP message, ...). */
  describeError?: (body: unknown, status: number) => string | undefined
  /** Default: the global fetch, or undici's through the proxy when `env` names one. */
  fetch?: typeof fetch
  /** Where the proxy variables are read from when no fetch is given. Default: process.env. */
  env?: NodeJS.ProcessEnv
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
  headers?: Record<string, string>
  /** Statuses returned to the caller instead of thrown (e.g. 404 meaning "not yet"). */
  acceptStatus?: number[]
  /** Reads a successful answer's body instead of JSON.parse (e.g. keeping Python's 228.0 a float). */
  parse?: (text: string) => unknown
  /** Whether a request that may have reached the server can be sent again (GET: yes). */
  idempotent?: boolean
  signal?: AbortSignal
}

export interface HttpResponse<T = unknown> {
  status: number
  body: T
  headers: Headers
}

export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly body: unknown,
    /** True when the request may have reached the server (the outcome is unknown). */
    readonly ambiguous = false,
    /** The server's Retry-After, for a caller that tries again itself. */
    readonly retryAfterMs?: number
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Exponential backoff with full jitter, capped. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

export class HttpClient {
  private readonly retry: RetryPolicy
  private readonly sleep: Sleep
  private readonly fetchImpl: typeof fetch

  constructor(private readonly options: HttpClientOptions) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry }
    this.sleep = options.sleep ?? realSleep
    this.fetchImpl = options.fetch ?? proxyAwareFetch(options.env ?? process.env)
    // However the headers were built, their credentials never come back in an error.
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (CREDENTIAL_HEADERS.test(name)) secrets.addAuthorization(value)
    }
  }

  url(path: string, query?: RequestOptions['query']): string {
    const url = new URL(this.options.baseUrl.replace(/\/+$/, '') + path)
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value))
    }
    return url.toString()
  }

  get<T = unknown>(path: string, options: RequestOptions = {}) {
    return this.request<T>('GET', path, { idempotent: true, ...options })
  }
  post<T = unknown>(path: string, options: RequestOptions = {}) {
    return this.request<T>('POST', path, options)
  }
  put<T = unknown>(path: string, options: RequestOptions = {}) {
    return this.request<T>('PUT', path, { idempotent: true, ...options })
  }

  async request<T = unknown>(
    method: string,
    path: string,
    options: RequestOptions = {}
  ): Promise<HttpResponse<T>> {
    const url = this.url(path, options.query)
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': 'promote-actions',
      ...this.options.headers,
      ...options.headers
    }
    let payload: string | undefined
    if (options.body !== undefined) {
      payload = JSON.stringify(options.body)
      headers['content-type'] = 'application/json'
    }
    const idempotent = options.idempotent ?? false
    for (let attempt = 0; ; attempt++) {
      const last = attempt + 1 >= this.retry.attempts
      const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 30_000)
      const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
      let response: Response
      try {
        response = await this.fetchImpl(url, { method, headers, body: payload, signal })
      } catch (error) {
        if (options.signal?.aborted) throw error
        // The request may have reached the server; only repeat it when that is harmless.
        const reason = secrets.scrub(describeNetworkError(error))
        const neverSent = CONNECTION_NEVER_MADE.has(networkErrorCode(error) ?? '')
        if ((!idempotent && !neverSent) || last) {
          throw new HttpError(
            `${this.options.service}: ${method} ${linkOf(url)} failed: ${reason}`,
            undefined,
            undefined,
            !neverSent
          )
        }
        await this.sleep(backoffDelay(attempt, this.retry))
        continue
      }
      const body = await readBody(response, response.ok ? options.parse : undefined)
      if (response.ok || options.acceptStatus?.includes(response.status)) {
        return { status: response.status, body: body as T, headers: response.headers }
      }
      const transient = response.status === 429 || response.status >= 500
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'))
      if (transient && idempotent && !last) {
        await this.sleep(
          Math.min(retryAfter ?? backoffDelay(attempt, this.retry), this.retry.maxDelayMs * 4)
        )
        continue
      }
      throw new HttpError(
        this.describe(method, url, response.status, body),
        response.status,
        secrets.scrubValue(body),
        transient && !idempotent,
        retryAfter
      )
    }
  }

  private describe(method: string, url: string, status: number, body: unknown): string {
    const detail =
      this.options.describeError?.(body, status) ??
      (typeof body === 'string'
        ? body.slice(0, 500)
        : body
          ? JSON.stringify(body).slice(0, 500)
          : '')
    const hint =
      status === 401 || status === 403
        ? ' (check the credentials: the token is missing, wrong or lacks permission)'
        : ''
    // A server that echoes the request (headers, body) would otherwise hand the token back.
    return secrets.scrub(
      `${this.options.service}: ${method} ${linkOf(url)} returned ${status}${detail ? `: ${detail}` : ''}${hint}`
    )
  }
}

async function readBody(
  response: Response,
  parse: (text: string) => unknown = JSON.parse
): Promise<unknown> {
  const text = await response.text()
  if (!text) return undefined
  try {
    return parse(text)
  } catch {
    return text
  }
}

/** Failures before any byte reached the server: even a submission may be sent again. */
const CONNECTION_NEVER_MADE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH'
])

function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

interface ErrorCause {
  code?: unknown
  message?: string
  cause?: unknown
}

function describeNetworkError(error: unknown): string {
  if ((error as Error).name === 'TimeoutError') return 'timed out'
  const causes: ErrorCause[] = []
  for (
    let cause = (error as ErrorCause).cause;
    cause && typeof cause === 'object' && causes.length < 5;
    cause = (cause as ErrorCause).cause
  )
    causes.push(cause as ErrorCause)
  // undici nests a proxy's refusal of the tunnel: "Proxy response (407) !== 200 when HTTP Tunneling".
  const refusal = causes
    .map(cause => /^Proxy response \((\d+)\)/.exec(cause.message ?? '')?.[1])
    .find(Boolean)
  if (refusal) {
    return refusal === '407'
      ? 'the proxy wants credentials (407): check the user and password in the proxy URL (http://user:password@host:port)'
      : `the proxy refused the connection (${refusal})`
  }
  const cause = causes[0]
  return (
    (typeof cause?.code === 'string' && cause.code) || cause?.message || (error as Error).message
  )
}

/**
 * The endpoint of a request as messages print it: without credentials, and without the query (a
 * KFP list filter is hundreds of percent-encoded characters that say nothing to the reader).
 */
export function linkOf(url: string): string {
  try {
    const parsed = new URL(redactUrl(url))
    parsed.search = ''
    parsed.hash = ''
    return parsed.toString()
  } catch {
    return redactUrl(url)
  }
}

/** Credentials can sit in a URL's userinfo; never print them. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.username || parsed.password) {
      parsed.username = '***'
      parsed.password = ''
    }
    return parsed.toString()
  } catch {
    return url
  }
}

/** Headers whose values are credentials. */
const CREDENTIAL_HEADERS =
  /^(authorization|proxy-authorization|x-api-key|private-token|x-v3io-session-key)$/i

export function bearer(token: string | undefined): Record<string, string> {
  secrets.add(token)
  return token ? { authorization: `Bearer ${token}` } : {}
}

export function basic(username: string, password: string): Record<string, string> {
  secrets.addBasic(username, password)
  return { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` }
}
