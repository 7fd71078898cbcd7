/**
 * The bundled notify action (dist/notify/index.js) run as the runner runs it, against the fake
 * Slack (validated against Slack's spec and Block Kit limits) and a real SMTP server on loopback.
 */
import { afterEach, beforeEach, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { inputSchema } from '../../src/actions/notify/inputs.js'
import { startSlackServer, type FakeSlack } from '../fakes/slack-server.js'
import { startSmtpServer, type FakeSmtp } from '../fakes/smtp-server.js'
import { runDistAction, type ActionRun } from '../helpers/run-dist.js'
import { describeWithShared, REPO_ROOT } from '../helpers/shared.js'

const { describe } = describeWithShared('specs/slack-web-openapi-v2.json')
const CHANNEL = 'C0MLOPS001'

const BASE_CONFIG = `project: cicd-flow
model:
  name: model
environments:
  development: {branch: development, cluster: local}
  staging: {branch: staging, cluster: local}
`

function consumerRepo(notifications: string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'notify-repo-'))
  if (notifications !== undefined)
    writeFileSync(join(dir, 'promote.yaml'), `${BASE_CONFIG}notifications:\n${notifications}`)
  return dir
}

const BOT = `  slack:
    channel: ml-ops
    tokenEnv: SLACK_BOT_TOKEN
    mentionOnFailure: S0ONCALL01
  email:
    to: [oncall@example.com, ml@example.com]
    from: promote@example.com
    smtpUrlEnv: PROMOTE_SMTP_URL
`

const trainFacts = {
  kind: 'train',
  project: 'cicd-flow',
  environment: 'development',
  workflow: 'train',
  runId: 'run-5f1c',
  runUrl: 'https://mlrun.example.com/projects/cicd-flow/jobs/run-5f1c',
  state: 'completed',
  model: {
    name: 'model',
    version: '7',
    metrics: { accuracy: 0.91 },
    championMetrics: { accuracy: 0.89 }
  },
  steps: [
    { name: 'prep-data', state: 'completed', results: { rows: 303 } },
    { name: 'train', state: 'completed', results: { accuracy: 0.91 } }
  ]
}

const deployFacts = {
  kind: 'deploy',
  project: 'cicd-flow',
  environment: 'staging',
  workflow: 'deploy',
  runId: 'run-9a2b',
  state: 'error',
  error: 'serving endpoint did not become ready: CrashLoopBackOff',
  deployment: {
    id: 42,
    url: 'https://github.com/acme/ml-project/deployments',
    environmentUrl: 'https://staging.example.com'
  },
  steps: [{ name: 'deploy-server', state: 'error', error: 'CrashLoopBackOff', results: {} }]
}

let slack: FakeSlack
let smtp: FakeSmtp
beforeEach(async () => {
  slack = await startSlackServer()
  smtp = await startSmtpServer({ auth: { user: 'promote', pass: 'smtp-secret-1' } })
})
afterEach(async () => {
  await slack.close()
  await smtp.close()
})

function run(
  cwd: string,
  inputs: Record<string, string | undefined>,
  env: Record<string, string | undefined> = {}
): Promise<ActionRun> {
  return runDistAction('notify', {
    cwd,
    inputs,
    env: {
      PROMOTE_SLACK_API_URL: slack.apiUrl,
      PROMOTE_SLACK_RETRY_BASE_MS: '5',
      SLACK_BOT_TOKEN: slack.token,
      PROMOTE_SMTP_URL: smtp.url,
      ...env
    }
  })
}

const warnings = (result: ActionRun) =>
  result.commands.filter(c => c.command === 'warning').map(c => c.message)

describe('notify action (dist bundle)', () => {
  it('posts the start message, updates it in place on each later event, replies in its thread, mails the failure', async () => {
    const repo = consumerRepo(BOT)
    const started = await run(repo, {
      event: 'started',
      facts: JSON.stringify({ ...trainFacts, state: 'running', steps: [] })
    })
    expect(started.exitCode).toBe(0)
    expect(started.outputs.ok).toBe('true')
    expect(started.outputs.channel).toBe(CHANNEL)
    const ts = started.outputs.ts!
    expect(ts).toMatch(/^\d{10}\.\d{6}$/)
    expect(started.outputs['thread-ts']).toBe(ts)
    // Later steps of the same job find the message without wiring.
    expect(readFileSync(join(started.workDir, 'env'), 'utf8')).toContain(`PROMOTE_NOTIFY_TS<<`)
    expect(slack.messages(CHANNEL)[0]!.text).toContain(
      '🚀 Started · train · cicd-flow (development), model v7, id=run-5f1c, commit=aaaaaaa, by octocat; check progress in https://mlrun.example.com'
    )

    const trained = await run(repo, {
      event: 'succeeded',
      facts: JSON.stringify(trainFacts),
      ts,
      channel: CHANNEL
    })
    expect(trained.outputs).toMatchObject({ ok: 'true', ts, channel: CHANNEL, 'thread-ts': ts })

    const failed = await run(repo, {
      event: 'auto',
      'job-status': 'failure',
      facts: JSON.stringify(deployFacts),
      ts,
      channel: CHANNEL
    })
    expect(failed.exitCode).toBe(0)
    expect(failed.outputs).toMatchObject({ ok: 'true', ts })

    // One pipeline message, edited twice, now showing the failure.
    const [message, ...others] = slack.messages(CHANNEL)
    expect(others).toEqual([])
    expect(message!.ts).toBe(ts)
    expect(message!.edits).toHaveLength(2)
    expect(message!.text).toContain(
      '<!subteam^S0ONCALL01> ❌ Failed · deploy · cicd-flow (staging)'
    )
    expect(JSON.stringify(message!.blocks)).toContain('CrashLoopBackOff')
    // A reply per finished stage, in the message's thread; the failure is broadcast with the mention.
    const replies = slack.replies(CHANNEL, ts)
    expect(replies).toHaveLength(2)
    expect(JSON.stringify(replies[0]!.blocks)).toContain(
      ':white_check_mark: *train* succeeded in *development*'
    )
    expect(replies[0]!.reply_broadcast).toBeUndefined()
    expect(JSON.stringify(replies[1]!.blocks)).toContain(
      '<!subteam^S0ONCALL01> :x: *deploy* failed in *staging*'
    )
    expect(replies[1]!.reply_broadcast).toBe(true)
    expect(slack.problems).toEqual([])

    // Email only on failure (the default events), through SMTP with a login.
    expect(smtp.mails).toHaveLength(1)
    const mail = smtp.mails[0]!
    expect(mail.user).toBe('promote')
    expect(mail.envelope).toEqual({
      from: 'promote@example.com',
      to: ['oncall@example.com', 'ml@example.com']
    })
    expect(mail.headers.from).toBe('promote@example.com')
    expect(mail.headers.to).toBe('oncall@example.com, ml@example.com')
    expect(mail.headers.subject).toBe('[promote] ❌ Failed: deploy of cicd-flow in staging')
    expect(mail.parts).toEqual(['text/plain', 'text/html'])
    expect(mail.text).toContain('FAILED: deploy of cicd-flow in staging')
    expect(mail.text).toContain('Error:\n  serving endpoint did not become ready: CrashLoopBackOff')
    expect(mail.text).toContain('GitHub run: https://github.com/acme/ml-project/actions/runs/1001')
    expect(mail.text).toContain('Environment: https://staging.example.com')
    expect(mail.html).toContain(
      '<pre style="background:#f6f6f6;padding:8px;white-space:pre-wrap">serving endpoint did not become ready: CrashLoopBackOff</pre>'
    )
    expect(mail.html).toContain('<a href="https://staging.example.com">Environment</a>')
    expect(failed.summary).toMatch(
      /\| email \| sent \| sent to oncall@example.com, ml@example.com \|/
    )
    // The SMTP URL and its password are masked before anything could print them.
    expect(failed.stdout).toContain('::add-mask::smtp-secret-1')
    expect(
      failed.stdout
        .split('\n')
        .filter(l => l.includes('smtp-secret-1') && !l.startsWith('::add-mask::'))
    ).toEqual([])
  })

  it('waits out a 429 with Retry-After, then posts', async () => {
    slack.failNext({ kind: 'ratelimit', retryAfter: 1 })
    const result = await run(consumerRepo(BOT), {
      event: 'started',
      facts: JSON.stringify(trainFacts)
    })
    expect(result.outputs.ok).toBe('true')
    expect(slack.calls.map(c => c.outcome)).toEqual(['ratelimited', 'ok'])
    expect(slack.earlyRetries).toBe(0)
    expect(slack.messages(CHANNEL)).toHaveLength(1)
  })

  it('retries a dropped connection', async () => {
    slack.failNext({ kind: 'drop' }, { kind: 'drop' })
    const result = await run(consumerRepo(BOT), {
      event: 'started',
      facts: JSON.stringify(trainFacts)
    })
    expect(result.outputs.ok).toBe('true')
    expect(slack.calls.map(c => c.outcome)).toEqual(['dropped', 'dropped', 'ok'])
  })

  it('invalid_auth: a warning with the fix, ok=false, a summary line, the step still passes; the token is masked', async () => {
    const result = await run(consumerRepo(BOT), {
      event: 'succeeded',
      facts: JSON.stringify(trainFacts),
      'slack-token': 'xoxb-not-the-right-one'
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.ok).toBe('false')
    expect(result.outputs.ts).toBe('')
    expect(result.stdout).toContain('::add-mask::xoxb-not-the-right-one')
    expect(warnings(result)).toEqual([
      expect.stringContaining(
        "Slack notification failed: Slack chat.postMessage failed: invalid_auth. Fix: the token is not valid: the secret must hold the app's Bot User OAuth Token"
      )
    ])
    expect(result.summary).toMatch(
      /\| slack \| FAILED \| Slack chat.postMessage failed: invalid_auth/
    )
    expect(slack.calls).toHaveLength(1)
  })

  it('channel_not_found names the fix', async () => {
    const result = await run(consumerRepo(BOT), {
      event: 'started',
      facts: JSON.stringify(trainFacts),
      channel: 'C0NOWHERE1'
    })
    expect(result.outputs.ok).toBe('false')
    expect(warnings(result)[0]).toContain(
      'channel_not_found. Fix: the channel does not exist or the bot cannot see it'
    )
  })

  it('fail-on-error: true fails the step when a notification failed', async () => {
    const result = await run(
      consumerRepo(BOT),
      { event: 'started', facts: JSON.stringify(trainFacts), 'fail-on-error': 'true' },
      { SLACK_BOT_TOKEN: 'xoxb-revoked-one' }
    )
    expect(result.exitCode).toBe(1)
    expect(result.outputs.ok).toBe('false')
    expect(result.commands.find(c => c.command === 'error')?.message).toBe(
      'notification failed (slack) and fail-on-error is true'
    )
  })

  it('a result table too big for one message is cut with a link to the summary, which has it in full', async () => {
    const results = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [
        `feature_importance_${i}`,
        Math.round(Math.sin(i) * 1e6) / 1e6
      ])
    )
    const steps = Array.from({ length: 70 }, (_, i) => ({
      name: `step-${i}`,
      state: 'completed',
      results: i === 0 ? results : { i }
    }))
    const result = await run(consumerRepo(BOT), {
      event: 'succeeded',
      facts: JSON.stringify({ ...trainFacts, steps }),
      'summary-url': 'https://github.com/acme/ml-project/actions/runs/1001#summary'
    })
    expect(result.outputs.ok).toBe('true')
    expect(slack.problems).toEqual([])
    const [message] = slack.messages(CHANNEL)
    expect(message!.blocks.length).toBeLessThanOrEqual(50)
    const text = JSON.stringify(message!.blocks)
    expect(text).toMatch(
      /more lines of step-0's results cut: <https:\/\/github.com\/acme\/ml-project\/actions\/runs\/1001#summary\|see the run summary>/
    )
    expect(text).toMatch(/more steps \(\d+ succeeded\) cut/)
    expect(result.summary).toContain('In full (cut from the Slack message)')
    expect(result.summary).toContain('| feature_importance_299 |')
    expect(result.summary).toContain('step-69 (completed)')
  })

  it('webhook mode posts one message per event (no update, no thread)', async () => {
    const repo = consumerRepo(
      '  slack:\n    webhookEnv: SLACK_WEBHOOK_URL\n    events: [started, failed]\n'
    )
    const env = { SLACK_WEBHOOK_URL: slack.webhookUrl, SLACK_BOT_TOKEN: undefined }
    const first = await run(repo, { event: 'started', facts: JSON.stringify(trainFacts) }, env)
    const skipped = await run(repo, { event: 'succeeded', facts: JSON.stringify(trainFacts) }, env)
    const last = await run(repo, { event: 'failed', facts: JSON.stringify(deployFacts) }, env)
    for (const result of [first, skipped, last]) expect(result.outputs.ok).toBe('true')
    expect(first.stdout).toContain(`::add-mask::${slack.webhookUrl}`)
    expect(first.outputs.ts).toBe('')
    expect(skipped.stdout).toContain(
      "Slack: 'succeeded' is not in notifications.slack.events (started, failed): nothing sent"
    )
    expect(slack.webhookMessages.map(m => m.text.split(',')[0])).toEqual([
      '🚀 Started · train · cicd-flow (development)',
      '❌ Failed · deploy · cicd-flow (staging)'
    ])
    expect(slack.problems).toEqual([])
  })

  it('without Slack configured, prints what it would send and succeeds', async () => {
    const result = await run(
      consumerRepo(undefined),
      { event: 'failed', facts: JSON.stringify(deployFacts) },
      { SLACK_BOT_TOKEN: undefined }
    )
    expect(result.exitCode).toBe(0)
    expect(result.outputs.ok).toBe('true')
    expect(result.stdout).toContain(
      '::group::Slack is not configured (notifications.slack, slack-token or slack-webhook): this is what would be sent'
    )
    expect(result.stdout).toContain('text: ❌ Failed · deploy · cicd-flow (staging)')
    expect(result.stdout).toContain('"type": "header"')
    expect(warnings(result)).toEqual([])
    expect(result.summary).toContain(
      '| slack | skipped | not configured: the message was printed to the log instead |'
    )
    expect(slack.calls).toEqual([])
  })

  it('a configured but empty token variable is a failure that says how to pass the secret', async () => {
    const result = await run(
      consumerRepo(BOT),
      { event: 'started' },
      { SLACK_BOT_TOKEN: undefined }
    )
    expect(result.outputs.ok).toBe('false')
    expect(warnings(result)[0]).toContain(
      'SLACK_BOT_TOKEN is empty; pass the secret to the step (env: SLACK_BOT_TOKEN: ${{ secrets.SLACK_BOT_TOKEN }})'
    )
  })

  it('broken facts warn and the notification still goes out', async () => {
    const result = await run(
      consumerRepo(BOT),
      { event: 'failed', facts: '{"steps": "not a list"' },
      { PROMOTE_SMTP_URL: undefined }
    )
    expect(warnings(result)[0]).toContain("input 'facts' is not valid JSON/YAML")
    expect(slack.messages(CHANNEL)).toHaveLength(1)
    // The SMTP URL is missing: a second warning, ok=false.
    expect(warnings(result)[1]).toContain('Email notification failed: PROMOTE_SMTP_URL is empty')
    expect(result.outputs.ok).toBe('false')
  })

  it('a ts that names no message posts a new one instead, with a warning', async () => {
    const result = await run(consumerRepo(BOT), {
      event: 'succeeded',
      facts: JSON.stringify(trainFacts),
      ts: '1111111111.000001',
      channel: CHANNEL
    })
    expect(result.outputs.ok).toBe('true')
    expect(warnings(result)[0]).toContain(
      'could not update message 1111111111.000001 in C0MLOPS001 (Slack chat.update failed: message_not_found'
    )
    expect(warnings(result)[0]).toContain('posting a new message instead')
    expect(slack.messages(CHANNEL)).toHaveLength(1)
    expect(result.outputs.ts).toBe(slack.messages(CHANNEL)[0]!.ts)
    // The stage's reply goes to the new message's thread.
    expect(slack.replies(CHANNEL, result.outputs.ts!)).toHaveLength(1)
  })

  it('a bad event input fails the step with the allowed values', async () => {
    const result = await run(consumerRepo(BOT), { event: 'finished' })
    expect(result.exitCode).toBe(1)
    expect(result.commands.find(c => c.command === 'error')?.message).toContain("input 'event'")
  })
})

it('action.yml declares exactly the input schema, with the same defaults', () => {
  const action = parseYaml(readFileSync(join(REPO_ROOT, 'notify', 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>
    outputs: Record<string, unknown>
    runs: { using: string; main: string }
  }
  expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(inputSchema.shape).sort())
  for (const [name, schema] of Object.entries(inputSchema.shape)) {
    const parsed = (
      schema as { safeParse(v: unknown): { success: boolean; data?: unknown } }
    ).safeParse(undefined)
    const expected = action.inputs[name]!.default
    if (expected === undefined) expect(parsed.data).toBeUndefined()
    else expect(String(parsed.data)).toBe(expected)
  }
  expect(Object.keys(action.outputs).sort()).toEqual(['channel', 'ok', 'stages', 'thread-ts', 'ts'])
  expect(action.runs).toEqual({ using: 'node24', main: '../dist/notify/index.js' })
})
