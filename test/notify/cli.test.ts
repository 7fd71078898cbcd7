/** `promote notify`, in-process through the CLI's main(), against the fake Slack and SMTP. */
import { afterEach, beforeEach, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { main } from '../../src/cli/main.js'
import { startSlackServer, type FakeSlack } from '../fakes/slack-server.js'
import { startSmtpServer, type FakeSmtp } from '../fakes/smtp-server.js'
import { describeWithShared } from '../helpers/shared.js'

const { describe } = describeWithShared('specs/slack-web-openapi-v2.json')

const CONFIG = `project: cicd-flow
model:
  name: model
environments:
  development: {branch: development, cluster: local}
notifications:
  slack:
    channel: ml-ops
    tokenEnv: SLACK_BOT_TOKEN
  email:
    to: [oncall@example.com]
    smtpUrlEnv: SMTP_URL
`

let slack: FakeSlack
let smtp: FakeSmtp
let cwd: string
beforeEach(async () => {
  slack = await startSlackServer()
  smtp = await startSmtpServer()
  cwd = mkdtempSync(join(tmpdir(), 'notify-cli-'))
  writeFileSync(join(cwd, 'promote.yaml'), CONFIG)
  writeFileSync(
    join(cwd, 'facts.json'),
    JSON.stringify({
      kind: 'train',
      workflow: 'train',
      environment: 'development',
      error: 'OOMKilled',
      steps: [{ name: 'train', state: 'error' }]
    })
  )
})
afterEach(async () => {
  await slack.close()
  await smtp.close()
})

async function promote(args: string[], env: Record<string, string | undefined> = {}) {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', chunk => (out += chunk))
  stderr.on('data', chunk => (err += chunk))
  const code = await main(['notify', ...args], {
    cwd,
    env: {
      PROMOTE_SLACK_API_URL: slack.apiUrl,
      PROMOTE_SLACK_RETRY_BASE_MS: '5',
      SLACK_BOT_TOKEN: slack.token,
      SMTP_URL: smtp.url,
      PATH: process.env.PATH,
      ...env
    },
    stdin: new PassThrough(),
    stdout,
    stderr
  })
  return { code, stdout: out, stderr: err }
}

describe('promote notify', () => {
  it('posts, then updates with --ts/--channel and replies in the thread; --json keeps stdout to one JSON line', async () => {
    const first = await promote(['--event', 'started', '--json'])
    expect(first.code).toBe(0)
    const posted = JSON.parse(first.stdout) as {
      ok: boolean
      ts: string
      channel: string
      threadTs: string
    }
    expect(posted).toEqual({
      ok: true,
      ts: expect.stringMatching(/^\d{10}\.\d{6}$/),
      channel: 'C0MLOPS001',
      threadTs: posted.ts
    })
    const second = await promote([
      '--event',
      'failed',
      '--facts-file',
      'facts.json',
      '--ts',
      posted.ts,
      '--channel',
      posted.channel
    ])
    expect(second.code).toBe(0)
    expect(second.stdout).toContain(`Slack message ts=${posted.ts} channel=C0MLOPS001`)
    expect(second.stdout).toMatch(/slack +sent +updated message/)
    expect(slack.messages('C0MLOPS001')).toHaveLength(1)
    expect(slack.messages('C0MLOPS001')[0]!.text).toContain(
      '❌ Failed · train · cicd-flow (development)'
    )
    expect(slack.replies('C0MLOPS001', posted.ts)).toHaveLength(1)
    expect(smtp.mails.map(m => m.headers.subject)).toEqual([
      '[promote] ❌ Failed: train of cicd-flow in development'
    ])
    expect(slack.problems).toEqual([])
  })

  it('approval-pending updates the message and asks for a review in the thread', async () => {
    const first = await promote(['--event', 'started', '--json'])
    const { ts } = JSON.parse(first.stdout) as { ts: string }
    const facts = JSON.stringify({
      kind: 'deploy',
      workflow: 'deploy',
      environment: 'production',
      logUrl: 'https://github.com/acme/ml/actions/runs/77'
    })
    const pending = await promote([
      '--event',
      'approval-pending',
      '--facts',
      facts,
      '--ts',
      ts,
      '--channel',
      'C0MLOPS001'
    ])
    expect(pending.code).toBe(0)
    expect(slack.messages('C0MLOPS001')[0]!.text).toContain(
      '⏳ Awaiting approval · deploy · cicd-flow (production)'
    )
    const [reply] = slack.replies('C0MLOPS001', ts)
    expect(JSON.stringify(reply!.blocks)).toContain(
      'Waiting for a reviewer: <https://github.com/acme/ml/actions/runs/77|review the deployment>.'
    )
    expect(smtp.mails).toEqual([])
  })

  it('--dry-run prints the message and the mail and sends nothing', async () => {
    const result = await promote(['--event', 'failed', '--facts-file', 'facts.json', '--dry-run'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('▸ Slack (dry run, not sent) to ml-ops')
    expect(result.stdout).toContain('▸ Email (dry run, not sent) to oncall@example.com')
    expect(result.stdout).toContain('OOMKilled')
    expect(slack.calls).toEqual([])
    expect(smtp.mails).toEqual([])
  })

  it('a failed delivery warns on stderr; --fail-on-error makes it exit 1', async () => {
    const soft = await promote(['--event', 'started'], { SLACK_BOT_TOKEN: 'xoxb-wrong' })
    expect(soft.code).toBe(0)
    expect(soft.stderr).toContain(
      'warning: Slack notification failed: Slack chat.postMessage failed: invalid_auth'
    )
    const hard = await promote(['--event', 'started', '--fail-on-error'], {
      SLACK_BOT_TOKEN: 'xoxb-wrong'
    })
    expect(hard.code).toBe(1)
  })

  it('says which events exist when --event is missing or wrong', async () => {
    expect((await promote([])).stderr).toContain(
      '--event is required: one of started, approval-pending, succeeded, failed, cancelled, auto'
    )
    const wrong = await promote(['--event', 'done'])
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain(
      "--event must be one of started, approval-pending, succeeded, failed, cancelled, auto, got 'done'"
    )
  })
})
