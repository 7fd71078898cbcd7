import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { createSmtpMailer } from '../../adapters/email/smtp.js'
import { createSlackClient, slackOptionsFromEnv } from '../../adapters/slack/web-api.js'
import { postWebhook } from '../../adapters/slack/webhook.js'
import { notify, parseFactsInput } from '../../app/notify.js'
import { loadConfig } from '../../core/config/load.js'
import type { PromoteConfig } from '../../core/config/schema.js'
import { resolveEvent } from '../../core/notification.js'
import { parseStages } from '../../core/promotion-thread.js'
import { readInputs } from '../common/inputs.js'
import { runAction, workspaceDir } from '../common/run.js'
import { jobSummary, runnerLog } from '../common/log.js'
import { inputSchema, SECRET_INPUTS } from './inputs.js'
import { githubRunContext } from '../common/context.js'
import { runner } from '../common/surfaces.js'

/** Later notify steps of the same job find the message here when no ts input is given. */
export const TS_ENV = 'PROMOTE_NOTIFY_TS'
export const CHANNEL_ENV = 'PROMOTE_NOTIFY_CHANNEL'
export const STAGES_ENV = 'PROMOTE_NOTIFY_STAGES'

export const run = (): Promise<void> => runAction(notifyStep)

async function notifyStep(): Promise<void> {
  const inputs = readInputs(inputSchema, SECRET_INPUTS)
  const env = process.env
  const warn = (message: string) => runner.warning(message, { title: 'promote notify' })
  const facts = parseFactsInput(inputs.facts, warn)
  const event = resolveEvent(inputs.event, inputs['job-status'], facts.state)

  // A notifier works from inputs alone: a missing promote.yaml is fine, a broken one is not.
  let config: PromoteConfig | undefined
  const configPath = resolve(workspaceDir(), inputs.config)
  if (existsSync(configPath)) config = await loadConfig(configPath)
  else runnerLog.info(`${inputs.config} not found: using the inputs only`)

  const ts = inputs.ts ?? env[TS_ENV]
  const channel = inputs.channel ?? (inputs.ts ? undefined : env[CHANNEL_ENV])
  const stages = parseStages(inputs.stages ?? (inputs.ts ? undefined : env[STAGES_ENV]), warn)
  const result = await notify(
    {
      event,
      facts,
      ...(config && { config }),
      ...(channel && { channel }),
      ...(ts && { ts }),
      ...(inputs['thread-ts'] && { threadTs: inputs['thread-ts'] }),
      stages,
      ...(inputs['slack-token'] && { slackToken: inputs['slack-token'] }),
      ...(inputs['slack-webhook'] && { slackWebhook: inputs['slack-webhook'] }),
      ...(inputs['summary-url'] && { summaryUrl: inputs['summary-url'] }),
      context: githubRunContext(env),
      env,
      dryRun: inputs['dry-run']
    },
    {
      log: runnerLog,
      reporter: jobSummary,
      slack: token =>
        createSlackClient(token, {
          ...slackOptionsFromEnv(env),
          debug: message => runner.debug(message)
        }),
      webhook: (url, message) =>
        postWebhook(url, message, {
          ...(slackOptionsFromEnv(env).retry && { retry: slackOptionsFromEnv(env).retry })
        }),
      mailer: url => createSmtpMailer(url)
    }
  )

  runner.setOutput('ok', String(result.ok))
  runner.setOutput('ts', result.ts ?? '')
  runner.setOutput('channel', result.channel ?? '')
  runner.setOutput('thread-ts', result.threadTs ?? '')
  runner.setOutput('stages', JSON.stringify(result.stages))
  if (result.ts && result.channel) {
    runner.exportVariable(TS_ENV, result.ts)
    runner.exportVariable(CHANNEL_ENV, result.channel)
  }
  runner.exportVariable(STAGES_ENV, JSON.stringify(result.stages))
  for (const delivery of result.deliveries) {
    runnerLog.info(
      `${delivery.via}: ${delivery.ok ? (delivery.skipped ? 'skipped' : 'ok') : 'FAILED'}: ${delivery.detail}`
    )
  }
  if (!result.ok && inputs['fail-on-error']) {
    const failed = result.deliveries.filter(d => !d.ok).map(d => d.via)
    runner.setFailed(`notification failed (${failed.join(', ')}) and fail-on-error is true`)
  }
}
