import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createSmtpMailer, EmailDeliveryError } from '../../src/adapters/email/smtp.js'
import { SlackDeliveryError } from '../../src/adapters/slack/errors.js'
import { createSlackClient } from '../../src/adapters/slack/web-api.js'
import { postWebhook } from '../../src/adapters/slack/webhook.js'
import type { Block } from '../../src/core/notification.js'
import { startSlackServer, type FakeSlack } from '../fakes/slack-server.js'
import { startSmtpServer } from '../fakes/smtp-server.js'
import { sharedFile, SHARED_DIR } from '../helpers/shared.js'

const spec = sharedFile('specs/slack-web-openapi-v2.json')
const d = spec ? describe : describe.skip
const blocks: Block[] = [{ type: 'section', text: { type: 'mrkdwn', text: 'hello' } }]
const fast = { retry: { baseDelayMs: 5 } }

async function caught(promise: Promise<unknown>): Promise<SlackDeliveryError> {
  try {
    await promise
  } catch (error) {
    return error as SlackDeliveryError
  }
  throw new Error('expected a rejection')
}

d(`Slack Web API client against the fake (spec in ${SHARED_DIR})`, () => {
  let slack: FakeSlack
  beforeEach(async () => {
    slack = await startSlackServer()
  })
  afterEach(async () => {
    await slack.close()
  })

  it('posts with a bearer token as a form, then updates the same message', async () => {
    const client = createSlackClient(slack.token, { apiUrl: slack.apiUrl, ...fast })
    const posted = await client.postMessage({ channel: 'ml-ops', text: 'first', blocks })
    expect(posted.channel).toBe('C0MLOPS001')
    const updated = await client.update({
      channel: posted.channel,
      ts: posted.ts,
      text: 'second',
      blocks
    })
    expect(updated.ts).toBe(posted.ts)
    expect(slack.messages('C0MLOPS001')).toEqual([
      expect.objectContaining({ ts: posted.ts, text: 'second', edits: ['first'] })
    ])
    expect(slack.calls.map(c => [c.method, c.outcome])).toEqual([
      ['chat.postMessage', 'ok'],
      ['chat.update', 'ok']
    ])
    expect(slack.calls[0]!.contentType).toContain('application/x-www-form-urlencoded')
    expect(slack.problems).toEqual([])
  })

  it('waits for Retry-After on 429, then succeeds (never retrying early)', async () => {
    slack.failNext({ kind: 'ratelimit', retryAfter: 1 })
    const client = createSlackClient(slack.token, { apiUrl: slack.apiUrl, ...fast })
    await client.postMessage({ channel: 'ml-ops', text: 'hi', blocks })
    expect(slack.calls.map(c => c.outcome)).toEqual(['ratelimited', 'ok'])
    expect(slack.earlyRetries).toBe(0)
    expect(slack.messages('C0MLOPS001')).toHaveLength(1)
  })

  it('gives up when Retry-After is longer than it may wait', async () => {
    slack.failNext({ kind: 'ratelimit', retryAfter: 600 })
    const client = createSlackClient(slack.token, {
      apiUrl: slack.apiUrl,
      ...fast,
      maxRetryAfterMs: 1000
    })
    const error = await caught(client.postMessage({ channel: 'ml-ops', text: 'hi', blocks }))
    expect(error.code).toBe('ratelimited')
    expect(error.message).toContain('Retry-After 600s')
  })

  it('retries a dropped connection and a 503', async () => {
    slack.failNext({ kind: 'drop' }, { kind: 'http', status: 503 })
    const client = createSlackClient(slack.token, { apiUrl: slack.apiUrl, ...fast })
    await client.postMessage({ channel: 'ml-ops', text: 'hi', blocks })
    expect(slack.calls.map(c => c.outcome)).toEqual(['dropped', 'http_503', 'ok'])
    expect(slack.messages('C0MLOPS001')).toHaveLength(1)
  })

  it('reports a connection that keeps dropping as a network error with a fix', async () => {
    slack.failNext({ kind: 'drop' }, { kind: 'drop' }, { kind: 'drop' })
    const client = createSlackClient(slack.token, {
      apiUrl: slack.apiUrl,
      retry: { attempts: 3, baseDelayMs: 5 }
    })
    const error = await caught(client.postMessage({ channel: 'ml-ops', text: 'hi', blocks }))
    expect(error.code).toBe('network')
    expect(error.message).toMatch(/after 3 attempts: (ECONNRESET|socket hang up)/)
    expect(error.message).toContain('Fix: check that the runner can reach slack.com')
  })

  it('does not retry {ok: false}; reports the code and the fix', async () => {
    const bad = createSlackClient('xoxb-wrong', { apiUrl: slack.apiUrl, ...fast })
    const auth = await caught(bad.postMessage({ channel: 'ml-ops', text: 'hi', blocks }))
    expect(auth.code).toBe('invalid_auth')
    expect(auth.message).toContain(
      "Fix: the token is not valid: the secret must hold the app's Bot User OAuth Token"
    )
    const client = createSlackClient(slack.token, { apiUrl: slack.apiUrl, ...fast })
    expect(
      (await caught(client.postMessage({ channel: 'nowhere', text: 'hi', blocks }))).code
    ).toBe('channel_not_found')
    const notIn = await caught(client.postMessage({ channel: 'G0PRIV0001', text: 'hi', blocks }))
    expect(notIn.code).toBe('not_in_channel')
    expect(notIn.message).toContain('/invite @your-app')
    slack.failNext({ kind: 'error', error: 'missing_scope' })
    expect(
      (await caught(client.postMessage({ channel: 'ml-ops', text: 'hi', blocks }))).message
    ).toContain('add the chat:write scope')
    // One request each: nothing was retried.
    expect(slack.calls.map(c => c.outcome)).toEqual([
      'invalid_auth',
      'channel_not_found',
      'not_in_channel',
      'missing_scope'
    ])
  })

  it('the fake accepts JSON bodies too, and checks their fields against the spec', async () => {
    const post = (body: unknown) =>
      fetch(`${slack.apiUrl}chat.postMessage`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          authorization: `Bearer ${slack.token}`
        },
        body: JSON.stringify(body)
      }).then(r => r.json() as Promise<{ ok: boolean; ts?: string }>)
    expect((await post({ channel: 'ml-ops', text: 'json', blocks })).ok).toBe(true)
    expect(slack.messages('C0MLOPS001')[0]).toMatchObject({ text: 'json', blocks })
    await post({ channel: 'ml-ops', text: 'x', colour: 'red', reply_broadcast: 'maybe' })
    expect(slack.problems).toEqual([
      "chat.postMessage: 'colour' is not a field of chat.postMessage",
      "chat.postMessage: 'reply_broadcast' must be a boolean"
    ])
  })

  it('the fake refuses a message over Block Kit limits, as Slack does', async () => {
    const client = createSlackClient(slack.token, { apiUrl: slack.apiUrl, ...fast })
    const huge: Block[] = Array.from({ length: 51 }, () => ({ type: 'divider' }))
    const error = await caught(client.postMessage({ channel: 'ml-ops', text: 'hi', blocks: huge }))
    expect(error.code).toBe('invalid_blocks')
    expect(slack.problems).toEqual(['chat.postMessage: invalid_blocks: 51 blocks (max 50)'])
  })
})

describe('incoming webhook', () => {
  let slack: FakeSlack
  beforeEach(async () => {
    slack = await startSlackServer()
  })
  afterEach(async () => {
    await slack.close()
  })

  it('posts the message, retrying a 429 and a dropped connection', async () => {
    slack.failWebhookNext({ kind: 'ratelimit', retryAfter: 1 }, { kind: 'drop' })
    await postWebhook(slack.webhookUrl, { text: 'hi', blocks }, fast)
    expect(slack.webhookMessages).toEqual([{ text: 'hi', blocks }])
    expect(slack.earlyRetries).toBe(0)
  })

  it('maps webhook errors to fixes and never prints the URL', async () => {
    slack.failWebhookNext({ kind: 'error', error: 'channel_is_archived' })
    const archived = await caught(postWebhook(slack.webhookUrl, { text: 'hi', blocks }, fast))
    expect(archived.code).toBe('channel_is_archived')
    expect(archived.message).toContain('unarchive it')
    const gone = await caught(
      postWebhook(`${slack.url}/services/T0/B0/revoked`, { text: 'hi', blocks }, fast)
    )
    expect(gone.code).toBe('no_service')
    expect(gone.message).not.toContain('revoked')
    const unreachable = await caught(
      postWebhook(
        'http://127.0.0.1:9/services/T/B/secretpart',
        { text: 'hi', blocks },
        { retry: { attempts: 2, baseDelayMs: 5 } }
      )
    )
    expect(unreachable.code).toBe('network')
    expect(unreachable.message).not.toContain('secretpart')
  })
})

describe('SMTP mailer', () => {
  it('logs in and sends a text and HTML mail', async () => {
    const smtp = await startSmtpServer({ auth: { user: 'bot', pass: 'p@ss word' } })
    try {
      const sent = await createSmtpMailer(smtp.url).send({
        from: 'ci@example.com',
        to: ['a@example.com'],
        subject: 'Ünïcode ❌',
        text: 'plain',
        html: '<p>html</p>'
      })
      expect(sent.accepted).toEqual(['a@example.com'])
      const [mail] = smtp.mails
      expect(mail!.user).toBe('bot')
      expect(mail!.headers.subject).toBe('Ünïcode ❌')
      expect(mail!.parts).toEqual(['text/plain', 'text/html'])
      expect(mail!.text).toBe('plain')
      expect(mail!.html).toBe('<p>html</p>')
    } finally {
      await smtp.close()
    }
  })

  it('reports a refused login with the fix and without the password', async () => {
    const smtp = await startSmtpServer({ auth: { user: 'bot', pass: 'right' } })
    try {
      const url = `smtp://bot:wrongpass@127.0.0.1:${smtp.port}`
      let error: EmailDeliveryError | undefined
      await createSmtpMailer(url)
        .send({ from: 'ci@example.com', to: ['a@example.com'], subject: 's', text: 't', html: 'h' })
        .catch(e => (error = e as EmailDeliveryError))
      expect(error?.code).toBe('EAUTH')
      expect(error?.message).toContain('refused the credentials')
      expect(error?.message).not.toContain('wrongpass')
      expect(smtp.authFailures).toBe(1)
    } finally {
      await smtp.close()
    }
  })

  it('refuses a URL that is not smtp(s)', () => {
    expect(() => createSmtpMailer('https://mail.example.com')).toThrow(
      'the SMTP URL must start with smtp:// or smtps://'
    )
  })
})
