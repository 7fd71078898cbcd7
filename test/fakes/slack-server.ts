/**
 * A stateful fake of Slack's Web API (chat.postMessage, chat.update) and of an incoming webhook,
 * on loopback.
 *
 * Every Web API request is checked against Slack's own description
 * (../shared/specs/slack-web-openapi-v2.json): the method must be an operation there, required
 * form fields present (the spec's `token` header aside: the token comes as Authorization: Bearer),
 * no unknown fields, booleans booleans. Form-encoded and JSON bodies are both accepted, as Slack
 * does. Every response is validated against the spec too. Messages are also checked against Block
 * Kit's limits (50 blocks, 3000 characters a section text, 150 a header, 10 fields of 2000, ...):
 * a message over a limit is refused as Slack refuses it (invalid_blocks / msg_too_long). Every
 * problem is appended to `problems`; tests end with `expect(slack.problems).toEqual([])`.
 *
 * Messages are kept per channel (ts, thread_ts, text, blocks, edits) so tests can assert that the
 * start message was updated in place and that replies went to its thread.
 *
 * Failure modes (`slack.failNext(...)`, consumed in order, one per request):
 *   { kind: 'ratelimit', retryAfter }  429 with Retry-After (seconds); a retry that comes earlier
 *                                      than asked is counted in `earlyRetries` and refused again
 *   { kind: 'error', error }           HTTP 200 {ok: false, error}
 *   { kind: 'drop' }                   the connection is destroyed before any answer
 *   { kind: 'http', status }           an HTTP error status (e.g. 503) with an HTML body
 * Permanent errors: an unknown token is invalid_auth, none not_authed, an unknown channel
 * channel_not_found (so is a channel name given to chat.update, which takes only the ID), a
 * channel the bot was not invited to not_in_channel.
 */
import type { ServerResponse } from 'node:http'
import { startServer, type RecordedRequest, type TestServer } from '../helpers/http-server.js'
import { loadSpecValidator, type SpecValidator } from '../helpers/openapi.js'
import { sharedFile } from '../helpers/shared.js'

/** Codes real Slack returns that the spec's error enums leave out. */
const UNDOCUMENTED_ERRORS = [
  'invalid_blocks',
  'invalid_blocks_format',
  'missing_scope',
  'token_revoked',
  'ratelimited',
  'message_not_found',
  'not_in_channel',
  'unknown_method'
]

export const SLACK_TOKEN = 'xoxb-test-0000-token'
export const SLACK_SPEC = 'specs/slack-web-openapi-v2.json'

export interface StoredMessage {
  ts: string
  thread_ts?: string
  text: string
  blocks: unknown[]
  reply_broadcast?: boolean
  /** Texts of earlier versions, oldest first (chat.update). */
  edits: string[]
}

export type Failure =
  | { kind: 'ratelimit'; retryAfter: number }
  | { kind: 'error'; error: string }
  | { kind: 'drop' }
  | { kind: 'http'; status: number }

export interface SlackCall {
  method: string
  /** 'ok', the error code, 'ratelimited', 'dropped' or 'http_<status>'. */
  outcome: string
  contentType: string
  channel?: string
}

export interface FakeSlack {
  url: string
  /** What PROMOTE_SLACK_API_URL should be. */
  apiUrl: string
  webhookUrl: string
  token: string
  problems: string[]
  calls: SlackCall[]
  earlyRetries: number
  /** Messages per channel id, in posting order (replies included). */
  channels: Map<string, StoredMessage[]>
  webhookMessages: Array<{ text: string; blocks: unknown[] }>
  /** Top-level messages (not replies) of a channel. */
  messages(channel: string): StoredMessage[]
  replies(channel: string, threadTs: string): StoredMessage[]
  failNext(...failures: Failure[]): void
  failWebhookNext(...failures: Failure[]): void
  server: TestServer
  close(): Promise<void>
}

export interface FakeSlackOptions {
  /** Channel name -> id. Default: ml-ops -> C0MLOPS001 (the bot is a member), private -> G0PRIV0001 (not). */
  channels?: Record<string, string>
  /** Channel ids the bot is not a member of (not_in_channel). */
  notMember?: string[]
  token?: string
}

/** Block Kit limits, checked independently of the code under test. */
export function blockKitProblems(blocks: unknown, text: unknown): string[] {
  const problems: string[] = []
  if (typeof text === 'string' && text.length > 40_000)
    problems.push(`msg_too_long: text has ${text.length} characters`)
  if (blocks === undefined) return problems
  if (!Array.isArray(blocks)) return ['invalid_blocks_format: blocks is not an array']
  if (blocks.length > 50) problems.push(`invalid_blocks: ${blocks.length} blocks (max 50)`)
  const textOf = (
    value: unknown,
    where: string,
    max: number,
    kinds: string[] = ['plain_text', 'mrkdwn']
  ) => {
    const t = value as { type?: string; text?: unknown } | undefined
    if (
      !t ||
      typeof t !== 'object' ||
      !kinds.includes(String(t.type)) ||
      typeof t.text !== 'string'
    ) {
      problems.push(`invalid_blocks: ${where} must be a ${kinds.join('/')} text object`)
      return
    }
    if (t.text.length === 0) problems.push(`invalid_blocks: ${where} is empty`)
    if (t.text.length > max)
      problems.push(`invalid_blocks: ${where} has ${t.text.length} characters (max ${max})`)
  }
  blocks.forEach((raw, i) => {
    const block = raw as Record<string, unknown>
    const at = `blocks[${i}]`
    if (typeof block.block_id === 'string' && block.block_id.length > 255)
      problems.push(`invalid_blocks: ${at}.block_id over 255`)
    switch (block.type) {
      case 'header':
        textOf(block.text, `${at}.text`, 150, ['plain_text'])
        break
      case 'section': {
        if (block.text === undefined && block.fields === undefined)
          problems.push(`invalid_blocks: ${at} needs text or fields`)
        if (block.text !== undefined) textOf(block.text, `${at}.text`, 3000)
        if (block.fields !== undefined) {
          const fields = block.fields as unknown[]
          if (!Array.isArray(fields) || fields.length === 0)
            problems.push(`invalid_blocks: ${at}.fields must be a non-empty array`)
          else {
            if (fields.length > 10)
              problems.push(`invalid_blocks: ${at} has ${fields.length} fields (max 10)`)
            fields.forEach((f, j) => textOf(f, `${at}.fields[${j}]`, 2000))
          }
        }
        break
      }
      case 'divider':
        break
      case 'context': {
        const elements = block.elements as unknown[]
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10)
          problems.push(`invalid_blocks: ${at} needs 1 to 10 elements`)
        else elements.forEach((e, j) => textOf(e, `${at}.elements[${j}]`, 3000))
        break
      }
      case 'actions': {
        const elements = block.elements as Array<Record<string, unknown>>
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 25) {
          problems.push(`invalid_blocks: ${at} needs 1 to 25 elements`)
          break
        }
        const ids = new Set<string>()
        elements.forEach((e, j) => {
          if (e.type !== 'button') return
          textOf(e.text, `${at}.elements[${j}].text`, 75, ['plain_text'])
          if (typeof e.url === 'string' && e.url.length > 3000)
            problems.push(`invalid_blocks: ${at}.elements[${j}].url over 3000`)
          if (typeof e.action_id === 'string') {
            if (e.action_id.length > 255)
              problems.push(`invalid_blocks: ${at}.elements[${j}].action_id over 255`)
            if (ids.has(e.action_id))
              problems.push(`invalid_blocks: ${at} repeats action_id ${e.action_id}`)
            ids.add(e.action_id)
          }
          if (e.style !== undefined && e.style !== 'primary' && e.style !== 'danger')
            problems.push(`invalid_blocks: ${at}.elements[${j}].style`)
        })
        break
      }
      default:
        problems.push(`invalid_blocks: ${at} has unsupported type ${String(block.type)}`)
    }
  })
  return problems
}

function isBooleanish(value: unknown): boolean {
  return (
    typeof value === 'boolean' || (typeof value === 'string' && /^(true|false|1|0)$/.test(value))
  )
}

/** Checks the form (or JSON) fields of a Web API call against the operation's formData parameters. */
function formProblems(
  validator: SpecValidator,
  method: string,
  fields: Record<string, unknown>,
  json: boolean
): string[] {
  const found = validator.match('POST', `/api/${method}`)
  if (!found) return [`POST /api/${method} is not an operation of the Slack spec`]
  const parameters = (found.operation.parameters ?? []).filter(p => p.in === 'formData')
  const problems: string[] = []
  for (const parameter of parameters) {
    if (
      parameter.required &&
      (fields[parameter.name] === undefined || fields[parameter.name] === '')
    ) {
      problems.push(`${method}: field '${parameter.name}' is required`)
    }
  }
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'token') {
      problems.push(`${method}: the token must travel in the Authorization header, not the body`)
      continue
    }
    const parameter = parameters.find(p => p.name === name)
    if (!parameter) {
      problems.push(`${method}: '${name}' is not a field of ${method}`)
      continue
    }
    if (parameter.type === 'boolean' && !isBooleanish(value))
      problems.push(`${method}: '${name}' must be a boolean`)
    if (parameter.type === 'string') {
      // JSON bodies may carry blocks/attachments as arrays; forms carry them JSON-encoded.
      const structured =
        (name === 'blocks' || name === 'attachments') && json && Array.isArray(value)
      if (typeof value !== 'string' && !structured)
        problems.push(`${method}: '${name}' must be a string`)
    }
  }
  return problems
}

export async function startSlackServer(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const specFile = sharedFile(SLACK_SPEC)
  const validator = specFile ? loadSpecValidator(specFile) : undefined
  const token = options.token ?? SLACK_TOKEN
  const channelIds: Record<string, string> = options.channels ?? {
    'ml-ops': 'C0MLOPS001',
    private: 'G0PRIV0001'
  }
  const notMember = new Set(options.notMember ?? (options.channels ? [] : ['G0PRIV0001']))
  const channels = new Map<string, StoredMessage[]>()
  const pending: Failure[] = []
  const pendingWebhook: Failure[] = []
  const webhookMessages: FakeSlack['webhookMessages'] = []
  const calls: SlackCall[] = []
  const problems: string[] = []
  let rateLimitedUntil = 0
  let counter = 0
  const state = { earlyRetries: 0 }

  const nextTs = () => {
    counter++
    return `${1_760_000_000 + counter}.${String(counter * 7).padStart(6, '0')}`
  }
  const resolveChannel = (value: string): string | undefined => {
    const name = value.replace(/^#/, '')
    if (channelIds[name]) return channelIds[name]
    return Object.values(channelIds).includes(value) ? value : undefined
  }

  const reply = (
    method: string,
    body: Record<string, unknown>,
    contentType: string,
    channel?: string
  ): { status: number; body: unknown } => {
    calls.push({
      method,
      outcome: body.ok ? 'ok' : String(body.error),
      contentType,
      ...(channel && { channel })
    })
    if (validator && !(body.ok === false && UNDOCUMENTED_ERRORS.includes(String(body.error)))) {
      // The spec documents success as 200 and errors as `default`.
      for (const p of validator.validateResponse(
        'POST',
        `/api/${method}`,
        body.ok ? 200 : 599,
        body
      ))
        problems.push(`fake's ${method} response: ${p}`)
    }
    return { status: 200, body }
  }

  const failure = (
    queue: Failure[],
    response: ServerResponse,
    record: (outcome: string) => void
  ):
    { status: number; body: unknown; headers?: Record<string, string> } | 'dropped' | undefined => {
    const now = Date.now()
    if (now < rateLimitedUntil) {
      state.earlyRetries++
      record('ratelimited')
      return {
        status: 429,
        body: { ok: false, error: 'ratelimited' },
        headers: { 'retry-after': String(Math.ceil((rateLimitedUntil - now) / 1000)) }
      }
    }
    const next = queue.shift()
    if (!next) return undefined
    if (next.kind === 'drop') {
      record('dropped')
      response.destroy()
      return 'dropped'
    }
    if (next.kind === 'ratelimit') {
      rateLimitedUntil = now + next.retryAfter * 1000
      record('ratelimited')
      return {
        status: 429,
        body: { ok: false, error: 'ratelimited' },
        headers: { 'retry-after': String(next.retryAfter) }
      }
    }
    if (next.kind === 'http') {
      record(`http_${next.status}`)
      return {
        status: next.status,
        body: '<html><body>upstream error</body></html>',
        headers: { 'content-type': 'text/html' }
      }
    }
    queue.unshift(next)
    return undefined
  }

  const handleApi = (request: RecordedRequest, response: ServerResponse) => {
    const method = request.path.replace(/^\/api\//, '')
    const contentType = String(request.headers['content-type'] ?? '')
    const json = contentType.includes('application/json')
    const record = (outcome: string) => calls.push({ method, outcome, contentType })
    if (request.method !== 'POST')
      return reply(method, { ok: false, error: 'invalid_post_type' }, contentType)
    const early = failure(pending, response, record)
    if (early === 'dropped') return undefined
    if (early) return early
    const queued = pending[0]
    if (queued?.kind === 'error') {
      pending.shift()
      return reply(method, { ok: false, error: queued.error }, contentType)
    }

    const fields = (
      typeof request.body === 'object' && request.body !== null ? request.body : {}
    ) as Record<string, unknown>
    if (!validator || (method !== 'chat.postMessage' && method !== 'chat.update')) {
      problems.push(`unexpected Slack call ${method}`)
      return reply(method, { ok: false, error: 'unknown_method' }, contentType)
    }
    if (!json && !contentType.includes('application/x-www-form-urlencoded'))
      problems.push(`${method}: content-type ${contentType} is neither form nor JSON`)
    problems.push(...formProblems(validator, method, fields, json))

    const auth = String(request.headers.authorization ?? '')
    if (!auth) return reply(method, { ok: false, error: 'not_authed' }, contentType)
    if (auth !== `Bearer ${token}`)
      return reply(method, { ok: false, error: 'invalid_auth' }, contentType)

    let blocks: unknown = fields.blocks
    if (typeof blocks === 'string') {
      try {
        blocks = JSON.parse(blocks)
      } catch {
        return reply(method, { ok: false, error: 'invalid_blocks_format' }, contentType)
      }
    }
    const text = typeof fields.text === 'string' ? fields.text : ''
    const limitProblems = blockKitProblems(blocks, text)
    if (limitProblems.length > 0) {
      problems.push(...limitProblems.map(p => `${method}: ${p}`))
      return reply(
        method,
        {
          ok: false,
          error: limitProblems[0]!.startsWith('msg_too_long') ? 'msg_too_long' : 'invalid_blocks'
        },
        contentType
      )
    }
    if (!text && !blocks) return reply(method, { ok: false, error: 'no_text' }, contentType)

    // chat.postMessage takes "an encoded ID, or a name" (the spec's channel parameter);
    // chat.update only the ID of the channel holding the message: a #name is channel_not_found.
    const channel =
      method === 'chat.update'
        ? Object.values(channelIds).find(id => id === fields.channel)
        : resolveChannel(String(fields.channel ?? ''))
    if (!channel) return reply(method, { ok: false, error: 'channel_not_found' }, contentType)
    if (notMember.has(channel))
      return reply(method, { ok: false, error: 'not_in_channel' }, contentType, channel)
    const list = channels.get(channel) ?? []
    channels.set(channel, list)

    if (method === 'chat.postMessage') {
      const threadTs = typeof fields.thread_ts === 'string' ? fields.thread_ts : undefined
      if (threadTs && !list.some(m => m.ts === threadTs && !m.thread_ts)) {
        problems.push(
          `chat.postMessage: thread_ts ${threadTs} is not a top-level message of ${channel}`
        )
      }
      const stored: StoredMessage = {
        ts: nextTs(),
        text,
        blocks: (blocks as unknown[]) ?? [],
        edits: [],
        ...(threadTs && { thread_ts: threadTs }),
        ...(String(fields.reply_broadcast) === 'true' && { reply_broadcast: true })
      }
      list.push(stored)
      return reply(
        method,
        {
          ok: true,
          channel,
          ts: stored.ts,
          message: {
            type: 'message',
            text,
            ts: stored.ts,
            ...(threadTs && { thread_ts: threadTs }),
            ...(Array.isArray(blocks) && { blocks })
          }
        },
        contentType,
        channel
      )
    }
    const ts = String(fields.ts ?? '')
    const existing = list.find(m => m.ts === ts)
    if (!existing)
      return reply(method, { ok: false, error: 'message_not_found' }, contentType, channel)
    existing.edits.push(existing.text)
    existing.text = text
    if (Array.isArray(blocks)) existing.blocks = blocks
    return reply(method, { ok: true, channel, ts, text, message: { text } }, contentType, channel)
  }

  const handleWebhook = (request: RecordedRequest, response: ServerResponse) => {
    const record = (outcome: string) =>
      calls.push({
        method: 'webhook',
        outcome,
        contentType: String(request.headers['content-type'] ?? '')
      })
    const early = failure(pendingWebhook, response, record)
    if (early === 'dropped') return undefined
    if (early) return early
    const queued = pendingWebhook[0]
    const textReply = (status: number, text: string) => {
      response.writeHead(status, { 'content-type': 'text/html' })
      response.end(text)
      return undefined
    }
    if (queued?.kind === 'error') {
      pendingWebhook.shift()
      record(queued.error)
      return textReply(
        queued.error === 'no_service'
          ? 404
          : queued.error === 'channel_is_archived'
            ? 410
            : queued.error === 'action_prohibited'
              ? 403
              : 400,
        queued.error
      )
    }
    const body = request.body as { text?: unknown; blocks?: unknown }
    if (typeof body !== 'object' || body === null) {
      record('invalid_payload')
      return textReply(400, 'invalid_payload')
    }
    const limitProblems = blockKitProblems(body.blocks, body.text)
    if (limitProblems.length > 0) {
      problems.push(...limitProblems.map(p => `webhook: ${p}`))
      record('invalid_blocks')
      return textReply(400, 'invalid_blocks')
    }
    if (typeof body.text !== 'string' || !body.text) {
      record('no_text')
      return textReply(400, 'no_text')
    }
    for (const key of Object.keys(body)) {
      if (
        ![
          'text',
          'blocks',
          'attachments',
          'thread_ts',
          'mrkdwn',
          'unfurl_links',
          'unfurl_media'
        ].includes(key)
      )
        problems.push(`webhook: unknown field '${key}'`)
    }
    webhookMessages.push({ text: body.text, blocks: (body.blocks as unknown[]) ?? [] })
    record('ok')
    return textReply(200, 'ok')
  }

  const WEBHOOK_PATH = '/services/T0000TEAM/B0000HOOK/abcdefghijklmnopqrstuvwx'
  const server = await startServer((request, response) => {
    if (request.path.startsWith('/api/')) return handleApi(request, response)
    if (request.path === WEBHOOK_PATH && request.method === 'POST')
      return handleWebhook(request, response)
    if (request.path.startsWith('/services/')) {
      response.writeHead(404, { 'content-type': 'text/html' })
      response.end('no_service')
      return undefined
    }
    return { status: 404, body: { ok: false, error: 'unknown_method' } }
  })

  return {
    url: server.url,
    apiUrl: `${server.url}/api/`,
    webhookUrl: `${server.url}${WEBHOOK_PATH}`,
    token,
    problems,
    calls,
    get earlyRetries() {
      return state.earlyRetries
    },
    channels,
    webhookMessages,
    messages: channel => (channels.get(channel) ?? []).filter(m => !m.thread_ts),
    replies: (channel, threadTs) =>
      (channels.get(channel) ?? []).filter(m => m.thread_ts === threadTs),
    failNext: (...failures) => pending.push(...failures),
    failWebhookNext: (...failures) => pendingWebhook.push(...failures),
    server,
    close: () => server.close()
  }
}
