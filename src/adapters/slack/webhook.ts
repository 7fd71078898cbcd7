/**
 * Slack incoming-webhook mode, for teams without a bot: one POST per event, no update and no
 * thread (a webhook cannot do either). The URL is a secret: it never appears in a message.
 */
import { HttpClient, HttpError, type RetryPolicy, type Sleep } from '../http.js'
import type { SlackMessage } from '../../core/notification.js'
import { secrets } from '../../core/secrets.js'
import { SlackDeliveryError, webhookFix } from './errors.js'

export interface WebhookOptions {
  retry?: Partial<RetryPolicy>
  sleep?: Sleep
  timeoutMs?: number
  fetch?: typeof fetch
  /** Where the proxy variables are read from. Default: process.env. */
  env?: NodeJS.ProcessEnv
}

export async function postWebhook(
  url: string,
  message: SlackMessage,
  options: WebhookOptions = {}
): Promise<void> {
  secrets.add(url)
  let parsed: URL
  try {
    parsed = new URL(url)
    if (!/^https?:$/.test(parsed.protocol)) throw new Error('not http(s)')
  } catch {
    throw new SlackDeliveryError(
      'the Slack webhook URL is not a URL',
      'invalid_url',
      'the secret must hold the whole https://hooks.slack.com/services/T.../B.../... URL'
    )
  }
  const http = new HttpClient({
    baseUrl: url,
    service: 'Slack webhook',
    retry: { attempts: 5, baseDelayMs: 1000, maxDelayMs: 20_000, ...options.retry },
    timeoutMs: options.timeoutMs ?? 30_000,
    ...(options.sleep && { sleep: options.sleep }),
    ...(options.fetch && { fetch: options.fetch }),
    ...(options.env && { env: options.env })
  })
  try {
    // Repeating a POST may post twice; a missing notification is worse than a duplicate.
    await http.request('POST', '', {
      // A message quotes server errors (from facts); a channel is no place for a secret.
      body: secrets.scrubValue({ text: message.text, blocks: message.blocks }),
      idempotent: true,
      headers: { accept: '*/*' }
    })
  } catch (error) {
    if (!(error instanceof HttpError)) throw error
    if (error.status === undefined) {
      const reason = error.message.split(' failed: ').pop() ?? 'request failed'
      throw new SlackDeliveryError(
        `the Slack webhook at ${parsed.host} could not be reached: ${reason}`,
        'network',
        'check that the runner can reach hooks.slack.com over HTTPS (proxy, firewall, self-hosted runner egress)'
      )
    }
    const code =
      typeof error.body === 'string' && /^[a-z_]+$/.test(error.body.trim())
        ? error.body.trim()
        : `http_${error.status}`
    throw new SlackDeliveryError(
      `the Slack webhook answered ${error.status} ${code}`,
      code,
      webhookFix(code, error.status)
    )
  }
}
