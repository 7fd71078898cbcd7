/**
 * Slack bot-token mode over @slack/web-api: chat.postMessage and chat.update. The WebClient does
 * the HTTP; the retry policy is ours so it is the same as every other client here: 429 waits for
 * Retry-After, network errors and 5xx back off and retry, `{ok: false, error}` is final and
 * reported by its code with the fix. The WebClient turns axios's own proxy support off: a proxy
 * from HTTPS_PROXY/HTTP_PROXY (unless NO_PROXY exempts the API host) is given to it as an agent.
 * @slack/web-api (with axios) and https-proxy-agent are imported on the first call: a notify step
 * without a bot token, and every other step, never load them.
 */
import type { Agent } from 'node:http'
import type { Logger, LogLevel } from '@slack/web-api'
import { backoffDelay, realSleep, type RetryPolicy, type Sleep } from '../http.js'
import { proxyForUrl } from '../proxy.js'
import type { Block } from '../../core/notification.js'
import { secrets } from '../../core/secrets.js'
import { SlackDeliveryError, webApiFix } from './errors.js'

/** Points the client at another Slack API base URL (tests use a local server). */
export const SLACK_API_URL_ENV = 'PROMOTE_SLACK_API_URL'
/** Base delay of the retry backoff in milliseconds (tests make it short). */
export const SLACK_RETRY_BASE_ENV = 'PROMOTE_SLACK_RETRY_BASE_MS'

export interface SlackPost {
  channel: string
  text: string
  blocks: Block[]
  thread_ts?: string
  /** Also show a thread reply in the channel (failures). */
  reply_broadcast?: boolean
}

export interface SlackUpdate {
  channel: string
  ts: string
  text: string
  blocks: Block[]
}

export interface SlackPosted {
  /** The channel id (Slack answers with the id even when given a name). */
  channel: string
  ts: string
}

/** What notify needs from Slack in bot-token mode. */
export interface SlackChat {
  postMessage(message: SlackPost): Promise<SlackPosted>
  update(message: SlackUpdate): Promise<SlackPosted>
}

export interface SlackClientOptions {
  /** Base URL of the Web API, ending in /api/ (default https://slack.com/api/). */
  apiUrl?: string
  retry?: Partial<RetryPolicy>
  /** The longest Retry-After we wait for before giving up. */
  maxRetryAfterMs?: number
  timeoutMs?: number
  sleep?: Sleep
  debug?: (message: string) => void
  /** Where the proxy variables are read from. Default: process.env. */
  env?: NodeJS.ProcessEnv
}

export const SLACK_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 20_000 }

/** Options taken from the environment: the API URL and the backoff base (both for tests). */
export function slackOptionsFromEnv(
  env: NodeJS.ProcessEnv
): Pick<SlackClientOptions, 'apiUrl' | 'retry'> {
  const base = Number(env[SLACK_RETRY_BASE_ENV])
  return {
    ...(env[SLACK_API_URL_ENV] && { apiUrl: env[SLACK_API_URL_ENV] }),
    ...(Number.isFinite(base) &&
      base >= 0 &&
      env[SLACK_RETRY_BASE_ENV] && { retry: { baseDelayMs: base } })
  }
}

/**
 * An agent that tunnels to the Web API through its proxy (CONNECT, for http and https targets),
 * or undefined when the API URL goes direct (no proxy variable, or NO_PROXY names its host).
 */
async function proxyAgent(proxy: string): Promise<Agent> {
  const { default: createHttpsProxyAgent } = await import('https-proxy-agent')
  const parsed = new URL(proxy)
  // An options object rather than the URL string: the string form goes through the deprecated
  // url.parse. Credentials as undici sends them (both parts present, percent-decoded).
  const auth =
    parsed.username && parsed.password
      ? `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`
      : undefined
  return createHttpsProxyAgent({
    protocol: parsed.protocol,
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port || (parsed.protocol === 'https:' ? 443 : 80),
    ...(auth && { auth })
  }) as unknown as Agent
}

function quietLogger(debug: (message: string) => void, initial: LogLevel): Logger {
  let level = initial
  const write = (...parts: unknown[]) => debug(`slack: ${parts.map(String).join(' ')}`)
  return {
    // The client's own debug and info lines dump whole request bodies: only its warnings matter.
    debug: () => undefined,
    info: () => undefined,
    warn: write,
    error: write,
    setLevel: l => (level = l),
    getLevel: () => level,
    setName: () => undefined
  }
}

interface CallError {
  code?: string
  data?: {
    error?: string
    needed?: string
    provided?: string
    response_metadata?: { messages?: string[] }
  }
  retryAfter?: number
  statusCode?: number
  original?: { message?: string; code?: string }
  message?: string
}

export function createSlackClient(token: string, options: SlackClientOptions = {}): SlackChat {
  secrets.add(token)
  const policy: RetryPolicy = { ...SLACK_RETRY, ...options.retry }
  const sleep = options.sleep ?? realSleep
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000
  const apiUrl = options.apiUrl ? options.apiUrl.replace(/\/*$/, '/') : undefined
  // Read now: a malformed proxy variable is a configuration error before anything is sent.
  const proxy = proxyForUrl(apiUrl ?? 'https://slack.com/api/', options.env ?? process.env)
  let loading: Promise<typeof import('@slack/web-api')> | undefined
  let client: import('@slack/web-api').WebClient | undefined
  const load = () =>
    (loading ??= import('@slack/web-api').then(async slack => {
      const agent = proxy ? await proxyAgent(proxy) : undefined
      client = new slack.WebClient(token, {
        ...(apiUrl && { slackApiUrl: apiUrl }),
        ...(agent && { agent }),
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        timeout: options.timeoutMs ?? 30_000,
        logger: quietLogger(options.debug ?? (() => undefined), slack.LogLevel.DEBUG)
      })
      return slack
    }))

  async function call<T>(
    method: string,
    request: (client: import('@slack/web-api').WebClient) => Promise<T>
  ): Promise<T> {
    const { ErrorCode } = await load()
    const send = () => request(client!)
    for (let attempt = 0; ; attempt++) {
      const last = attempt + 1 >= policy.attempts
      try {
        return await send()
      } catch (raw) {
        const error = raw as CallError
        if (error.code === ErrorCode.PlatformError) {
          const code = error.data?.error ?? 'unknown_error'
          const details = error.data?.response_metadata?.messages?.join('; ')
          throw new SlackDeliveryError(
            `Slack ${method} failed: ${code}${details ? ` (${details})` : ''}`,
            code,
            webApiFix(code, error.data)
          )
        }
        if (error.code === ErrorCode.RateLimitedError) {
          const waitMs = (error.retryAfter ?? 1) * 1000
          if (last || waitMs > maxRetryAfterMs) {
            throw new SlackDeliveryError(
              `Slack ${method} was rate-limited (Retry-After ${error.retryAfter ?? '?'}s) after ${attempt + 1} attempts`,
              'ratelimited',
              webApiFix('ratelimited')
            )
          }
          options.debug?.(
            `slack: ${method} rate-limited; retrying in ${waitMs} ms as Retry-After asks`
          )
          await sleep(waitMs)
          continue
        }
        if (error.code === ErrorCode.HTTPError) {
          const status = error.statusCode ?? 0
          if (status >= 500 && !last) {
            await sleep(backoffDelay(attempt, policy))
            continue
          }
          throw new SlackDeliveryError(
            `Slack ${method} returned HTTP ${status}${attempt > 0 ? ` after ${attempt + 1} attempts` : ''}`,
            `http_${status}`,
            status >= 500
              ? 'Slack is failing on its side (see https://slack-status.com): retry the job later'
              : status === 407
                ? 'the proxy in HTTPS_PROXY/HTTP_PROXY wants credentials: check the user and password in its URL (http://user:password@host:port)'
                : undefined
          )
        }
        if (error.code === ErrorCode.RequestError) {
          const reason =
            error.original?.code ?? error.original?.message ?? error.message ?? 'request failed'
          if (!last) {
            options.debug?.(`slack: ${method} failed (${reason}); retrying`)
            await sleep(backoffDelay(attempt, policy))
            continue
          }
          throw new SlackDeliveryError(
            `Slack ${method} could not reach ${apiUrl ?? 'https://slack.com/api/'} after ${attempt + 1} attempts: ${reason}`,
            'network',
            'check that the runner can reach slack.com over HTTPS (proxy, firewall, self-hosted runner egress)'
          )
        }
        throw raw
      }
    }
  }

  return {
    async postMessage(message) {
      const result = await call('chat.postMessage', client =>
        client.chat.postMessage({
          channel: message.channel,
          // A message quotes server errors (from facts); a channel is no place for a secret.
          text: secrets.scrub(message.text),
          blocks: secrets.scrubValue(message.blocks) as never,
          unfurl_links: false,
          unfurl_media: false,
          ...(message.thread_ts && { thread_ts: message.thread_ts }),
          ...(message.thread_ts && message.reply_broadcast && { reply_broadcast: true })
        } as never)
      )
      return { channel: String(result.channel ?? message.channel), ts: String(result.ts) }
    },
    async update(message) {
      const result = await call('chat.update', client =>
        client.chat.update({
          channel: message.channel,
          ts: message.ts,
          text: secrets.scrub(message.text),
          blocks: secrets.scrubValue(message.blocks) as never
        })
      )
      return {
        channel: String(result.channel ?? message.channel),
        ts: String(result.ts ?? message.ts)
      }
    }
  }
}
