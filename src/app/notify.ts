/**
 * The notify use case, shared by the action and `promote notify`: decide which channels get this
 * event (the config's `events`), then deliver. Slack bot mode posts the pipeline's message once
 * and updates that same message (its ts) on every later event, with a threaded reply per finished
 * stage; webhook mode posts one message per event; email goes out on its configured events.
 * A failed delivery never throws: it becomes a warning, `ok: false` and a line in the summary,
 * and the caller decides (fail-on-error) whether that fails the step.
 */
import type { PipelineEvent, PromoteConfig } from '../core/config/schema.js'
import { resolveEnvironment } from '../core/config/resolve.js'
import { errorMessage } from '../core/errors.js'
import { pipelineFactsSchema, type PipelineFacts } from '../core/facts.js'
import {
  buildEmail,
  buildSlackMessage,
  buildStageReply,
  eventLabel,
  resultRows,
  type BuiltSlackMessage,
  type NotificationInput,
  type SlackMessage
} from '../core/notification.js'
import { recordStage, stageFromFacts, type PromotionStage } from '../core/promotion-thread.js'
import type { Report, ReportSection } from '../core/report.js'
import type { Mailer } from '../adapters/email/smtp.js'
import type { SlackChat } from '../adapters/slack/web-api.js'
import type { Log, Reporter, RunContext } from './ports.js'
import { yamlLibrary } from '../core/yaml-library.js'

export interface NotifyRequest {
  event: PipelineEvent
  facts: PipelineFacts
  /** The loaded promote.yaml, or undefined when notify runs from inputs alone. */
  config?: PromoteConfig
  /** Overrides notifications.slack.channel. */
  channel?: string
  /** The pipeline message to update (the ts output of the notify step that posted it). */
  ts?: string
  /** The thread to reply in (default: ts). */
  threadTs?: string
  /** The promotion's stages so far (the stages output of the previous notify step). */
  stages?: PromotionStage[]
  /** Override the environment variables the config names. */
  slackToken?: string
  slackWebhook?: string
  /** Where the full results are; default: the run page. */
  summaryUrl?: string
  context: RunContext
  env: Record<string, string | undefined>
  /** Print what would be sent, send nothing. */
  dryRun?: boolean
}

export interface NotifyPorts {
  log: Log
  reporter?: Reporter
  slack: (token: string) => SlackChat
  webhook: (url: string, message: SlackMessage) => Promise<void>
  mailer: (smtpUrl: string) => Mailer
}

export interface Delivery {
  via: 'slack' | 'email'
  ok: boolean
  /** Nothing was sent, by design (not configured, not for this event, dry run). */
  skipped?: boolean
  detail: string
}

export interface NotifyResult {
  ok: boolean
  ts?: string
  channel?: string
  threadTs?: string
  /** The promotion's stages after this event, for the next notify step. */
  stages: PromotionStage[]
  deliveries: Delivery[]
  message: BuiltSlackMessage
}

function repositoryUrl(context: RunContext): string | undefined {
  return context.repository
    ? `${context.serverUrl ?? 'https://github.com'}/${context.repository.owner}/${context.repository.repo}`
    : undefined
}

/** Facts from the run itself fill what the facts input leaves out. */
export function withRunContext(facts: PipelineFacts, context: RunContext): PipelineFacts {
  return {
    ...facts,
    // The CLI outside a git checkout has no commit (its RunContext says 'local').
    commit: facts.commit ?? (/^[0-9a-f]{7,40}$/i.test(context.sha) ? context.sha : undefined),
    actor: facts.actor ?? (context.triggeringActor || context.actor || undefined),
    logUrl: facts.logUrl ?? context.runUrl
  }
}

/**
 * The facts input is usually another step's output. A notification about a failure must still go
 * out when those facts are broken, so bad facts are a warning, not a failed step.
 */
export function parseFactsInput(
  text: string | undefined,
  warn: (message: string) => void
): PipelineFacts {
  const empty = pipelineFactsSchema.parse({})
  if (!text?.trim()) return empty
  let data: unknown
  try {
    data = yamlLibrary().parse(text, { maxAliasCount: 50 })
  } catch (error) {
    warn(
      `input 'facts' is not valid JSON/YAML (${(error as Error).message.split('\n')[0]}): notifying without facts`
    )
    return empty
  }
  const parsed = pipelineFactsSchema.safeParse(data ?? {})
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues
    .map(i => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ')
  // Keep what is valid: drop only the top-level fields that are wrong.
  const broken = new Set(parsed.error.issues.map(i => i.path[0]).filter(k => k !== undefined))
  if (data && typeof data === 'object' && !Array.isArray(data) && broken.size > 0) {
    const kept = Object.fromEntries(Object.entries(data).filter(([key]) => !broken.has(key)))
    const salvaged = pipelineFactsSchema.safeParse(kept)
    if (salvaged.success) {
      warn(
        `input 'facts' does not match the pipeline facts shape (${problems}): notifying without ${[...broken].map(String).join(', ')}`
      )
      return salvaged.data
    }
  }
  warn(
    `input 'facts' does not match the pipeline facts shape (${problems}): notifying without facts`
  )
  return empty
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function printMessage(log: Log, title: string, message: SlackMessage): Promise<void> {
  return log.group(title, async () => {
    log.info(`text: ${message.text}`)
    log.info(`blocks: ${JSON.stringify(message.blocks, null, 2)}`)
  })
}

/**
 * The project as submit-train submits it (suffix, MLRun userProject user), for facts that name
 * only the environment (the start message is posted before the run exists). The environment may
 * be given by name or, as the reusable workflow does by default, by its branch. Undefined when
 * the config cannot tell (unknown environment, the user name not in this step's env).
 */
export function submittedProject(
  config: PromoteConfig,
  facts: PipelineFacts,
  env: Record<string, string | undefined>
): string | undefined {
  const where = facts.environment
  if (!where) return undefined
  const byName = Object.hasOwn(config.environments, where)
  try {
    return resolveEnvironment(config, byName ? { name: where, env } : { branch: where, env })
      .projectName
  } catch {
    return undefined
  }
}

export async function notify(request: NotifyRequest, ports: NotifyPorts): Promise<NotifyResult> {
  const { log } = ports
  const { event } = request
  const slackConfig = request.config?.notifications.slack
  const emailConfig = request.config?.notifications.email
  const facts = withRunContext(request.facts, request.context)
  const stages = recordStage(request.stages ?? [], stageFromFacts(event, facts))
  const input: NotificationInput = {
    event,
    facts,
    stages,
    ...(request.config?.project && {
      project: submittedProject(request.config, facts, request.env) ?? request.config.project
    }),
    ...(slackConfig?.mentionOnFailure && { mention: slackConfig.mentionOnFailure }),
    ...((request.summaryUrl ?? request.context.runUrl) && {
      summaryUrl: request.summaryUrl ?? request.context.runUrl
    }),
    ...(repositoryUrl(request.context) && { repositoryUrl: repositoryUrl(request.context) })
  }
  const message = buildSlackMessage(input)
  const deliveries: Delivery[] = []
  const result: NotifyResult = {
    ok: true,
    stages,
    deliveries,
    message,
    ...(request.ts && { ts: request.ts }),
    ...((request.channel ?? slackConfig?.channel) && {
      channel: request.channel ?? slackConfig?.channel
    }),
    ...((request.threadTs ?? request.ts) && { threadTs: request.threadTs ?? request.ts })
  }

  const fail = (via: Delivery['via'], detail: string) => {
    deliveries.push({ via, ok: false, detail })
    log.warning(`${via === 'slack' ? 'Slack' : 'Email'} notification failed: ${detail}`, {
      title: `promote notify: ${via} not delivered`
    })
  }

  // ------------------------------------------------------------ Slack
  const token =
    request.slackToken ?? (slackConfig?.tokenEnv ? request.env[slackConfig.tokenEnv] : undefined)
  const webhookUrl =
    request.slackWebhook ??
    (slackConfig?.webhookEnv ? request.env[slackConfig.webhookEnv] : undefined)
  // Every credential of this step before anything is sent: a Slack message must not carry the
  // SMTP password either (the scrubber also takes a URL's password and user:password apart).
  const smtpUrl = emailConfig ? request.env[emailConfig.smtpUrlEnv] : undefined
  for (const secret of [token, webhookUrl, smtpUrl]) if (secret) log.secret(secret)
  const channel = request.channel ?? slackConfig?.channel
  const slackConfigured = Boolean(slackConfig || request.slackToken || request.slackWebhook)

  if (!slackConfigured) {
    await printMessage(
      log,
      'Slack is not configured (notifications.slack, slack-token or slack-webhook): this is what would be sent',
      message
    )
    deliveries.push({
      via: 'slack',
      ok: true,
      skipped: true,
      detail: 'not configured: the message was printed to the log instead'
    })
  } else if (slackConfig && !slackConfig.events.includes(event)) {
    log.info(
      `Slack: '${event}' is not in notifications.slack.events (${slackConfig.events.join(', ')}): nothing sent`
    )
    deliveries.push({
      via: 'slack',
      ok: true,
      skipped: true,
      detail: `'${event}' is not in notifications.slack.events`
    })
  } else if (request.dryRun) {
    await printMessage(
      log,
      `Slack (dry run, not sent)${token ? ` to ${channel ?? '(no channel)'}` : ' via webhook'}`,
      message
    )
    deliveries.push({ via: 'slack', ok: true, skipped: true, detail: 'dry run: printed, not sent' })
  } else if (token) {
    if (!channel) {
      fail(
        'slack',
        'bot token mode needs a channel: set notifications.slack.channel or the channel input'
      )
    } else {
      try {
        const posted = await postWithBot(ports.slack(token), channel, request, input, message, log)
        Object.assign(result, { ts: posted.ts, channel: posted.channel, threadTs: posted.threadTs })
        deliveries.push({ via: 'slack', ok: true, detail: posted.detail })
      } catch (error) {
        fail('slack', errorMessage(error))
      }
    }
  } else if (webhookUrl) {
    if (request.ts)
      log.info('Slack: webhook mode cannot update a message: posting a new one for this event')
    try {
      await ports.webhook(webhookUrl, message)
      deliveries.push({
        via: 'slack',
        ok: true,
        detail: 'posted through the incoming webhook (webhooks cannot update or thread)'
      })
    } catch (error) {
      fail('slack', errorMessage(error))
    }
  } else {
    const names = [slackConfig?.tokenEnv, slackConfig?.webhookEnv].filter(Boolean)
    fail(
      'slack',
      `no Slack credential in this step's environment: ${names.join(' and ') || 'the token'} ${names.length > 1 ? 'are' : 'is'} empty; pass the secret to the step (env: ${names[0] ?? 'SLACK_BOT_TOKEN'}: \${{ secrets.${names[0] ?? 'SLACK_BOT_TOKEN'} }}) or use the slack-token / slack-webhook input`
    )
  }

  // ------------------------------------------------------------ email
  if (emailConfig && emailConfig.events.includes(event)) {
    const mail = buildEmail(input)
    if (smtpUrl) {
      const password = /^smtps?:\/\/[^:/@]*:([^@]+)@/.exec(smtpUrl)?.[1]
      if (password) log.secret(safeDecode(password))
    }
    if (request.dryRun) {
      await log.group(`Email (dry run, not sent) to ${emailConfig.to.join(', ')}`, async () => {
        log.info(`Subject: ${mail.subject}`)
        log.info(mail.text)
      })
      deliveries.push({
        via: 'email',
        ok: true,
        skipped: true,
        detail: 'dry run: printed, not sent'
      })
    } else if (!smtpUrl) {
      fail(
        'email',
        `${emailConfig.smtpUrlEnv} is empty: pass the SMTP URL secret to the step (env: ${emailConfig.smtpUrlEnv}: \${{ secrets.${emailConfig.smtpUrlEnv} }})`
      )
    } else {
      try {
        const sent = await ports
          .mailer(smtpUrl)
          .send({ from: emailConfig.from, to: emailConfig.to, ...mail })
        const rejected = sent.rejected.length ? `; rejected: ${sent.rejected.join(', ')}` : ''
        if (sent.accepted.length === 0) fail('email', `no recipient was accepted${rejected}`)
        else
          deliveries.push({
            via: 'email',
            ok: true,
            detail: `sent to ${sent.accepted.join(', ')}${rejected}`
          })
      } catch (error) {
        fail('email', errorMessage(error))
      }
    }
  } else if (emailConfig) {
    deliveries.push({
      via: 'email',
      ok: true,
      skipped: true,
      detail: `'${event}' is not in notifications.email.events`
    })
  }

  result.ok = deliveries.every(d => d.ok)
  await ports.reporter?.summary(notifyReport(event, facts, result))
  return result
}

interface BotPosted {
  ts: string
  channel: string
  threadTs: string
  detail: string
}

/**
 * Bot mode: update the promotion's message in place (or post it), then reply in its thread when a
 * stage ends or waits for approval. A message that cannot be updated, whatever the reason
 * (message_not_found, cant_update_message, edit_window_closed, channel_not_found when the channel
 * is a #name, which chat.update does not take, ...), is posted anew: the notice is never lost,
 * the log says why, and the new ts is returned for the next step.
 */
async function postWithBot(
  slack: SlackChat,
  channel: string,
  request: NotifyRequest,
  input: NotificationInput,
  message: BuiltSlackMessage,
  log: Log
): Promise<BotPosted> {
  const done: string[] = []
  let parentTs = request.ts
  let threadTs = request.threadTs
  let parentChannel = channel
  if (parentTs) {
    try {
      const updated = await slack.update({
        channel,
        ts: parentTs,
        text: message.text,
        blocks: message.blocks
      })
      parentChannel = updated.channel
      done.push(`updated message ${parentTs}`)
    } catch (error) {
      const code = (error as { code?: string }).code
      const why =
        code === 'channel_not_found' && !isChannelId(channel)
          ? `channel_not_found: chat.update takes the channel ID, not the name '${channel}'; pass the channel output of the notify step that posted it`
          : errorMessage(error)
      log.warning(
        `Slack: could not update message ${parentTs} in ${channel} (${why}): posting a new message instead${threadTs && threadTs !== parentTs ? '' : '; later steps get its ts'}`,
        { title: 'promote notify' }
      )
      done.push(`could not update ${parentTs} (${code ?? 'error'})`)
      // The old thread went with the message (or cannot be reached): the new one starts a thread.
      if (threadTs === parentTs) threadTs = undefined
      parentTs = undefined
    }
  }
  if (!parentTs) {
    const posted = await slack.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      ...(threadTs && { thread_ts: threadTs })
    })
    parentTs = posted.ts
    parentChannel = posted.channel
    done.push(`posted message ${posted.ts}`)
  }
  // A stage reply continues a thread; a first message waiting for approval gets one too, as the
  // plan is in the reply.
  if (input.event !== 'started' && (request.ts || input.event === 'approval-pending')) {
    const reply = buildStageReply(input)
    const replyTo = threadTs ?? parentTs
    const posted = await slack.postMessage({
      channel: parentChannel,
      text: reply.text,
      blocks: reply.blocks,
      thread_ts: replyTo,
      reply_broadcast: input.event === 'failed'
    })
    done.push(`replied in thread ${replyTo} (${posted.ts})`)
  }
  return {
    ts: parentTs,
    channel: parentChannel,
    threadTs: threadTs ?? parentTs,
    detail: `${done.join(', ')} in ${parentChannel}`
  }
}

/** Slack's conversation IDs: C (public), G (private), D (direct), then upper-case letters and digits. */
function isChannelId(channel: string): boolean {
  return /^[CGD][A-Z0-9]{6,}$/.test(channel)
}

/** The summary: one line per channel; what was cut from Slack, in full. */
export function notifyReport(
  event: PipelineEvent,
  facts: PipelineFacts,
  result: NotifyResult
): Report {
  const sections: ReportSection[] = [
    {
      title: 'Deliveries',
      tables: [
        {
          columns: ['channel', 'result', 'detail'],
          rows: result.deliveries.map(d => [
            d.via,
            d.ok ? (d.skipped ? 'skipped' : 'sent') : 'FAILED',
            d.detail
          ])
        }
      ]
    }
  ]
  if (result.message.cuts.length > 0) {
    const cut: ReportSection = {
      title: 'In full (cut from the Slack message)',
      text: [`Cut to fit Slack's limits: ${result.message.cuts.join(', ')}.`],
      tables: []
    }
    if (facts.error) cut.text!.push('Error:', facts.error)
    for (const step of facts.steps) {
      const rows = resultRows(step.results)
      cut.tables!.push({
        title: `${step.name} (${step.state})${step.error ? `: ${step.error}` : ''}`,
        columns: ['result', 'value'],
        rows: rows.length ? rows : [['—', '—']]
      })
    }
    const results = resultRows(facts.results)
    if (results.length > 0)
      cut.tables!.push({ title: 'Results', columns: ['result', 'value'], rows: results })
    sections.push(cut)
  }
  const summaryFacts: Array<[string, string]> = [['Event', event]]
  if (result.channel) summaryFacts.push(['Slack channel', result.channel])
  if (result.ts) summaryFacts.push(['Slack message ts', result.ts])
  return {
    title: `Notification: ${eventLabel(event)}`,
    verdict: result.ok ? 'info' : 'warn',
    facts: summaryFacts,
    sections
  }
}
