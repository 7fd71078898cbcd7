/**
 * One promotion, one Slack thread: the bundled notify and submit-deploy actions (dist/) run as
 * the runner runs them and chained as .github/workflows/{train,deploy,promote}.yml chain them
 * (each step's ts, channel and stages outputs are the next one's inputs; the workflows' wiring
 * itself is checked in test/submit-deploy/workflows.test.ts), against the fake Slack (Slack's
 * spec in ../shared/specs/slack-web-openapi-v2.json and Block Kit's limits) and the fake GitHub
 * API (@octokit/openapi).
 */
import { afterEach, beforeEach, expect, it } from '@jest/globals'
import { createFixture, type Fixture } from '../deploy/fixture.js'
import { startGitHubServer, type GitHubServer } from '../fakes/github-server.js'
import { startSlackServer, type FakeSlack, type StoredMessage } from '../fakes/slack-server.js'
import { runDistAction, type ActionRun } from '../helpers/run-dist.js'
import { describeWithShared } from '../helpers/shared.js'

const { describe } = describeWithShared('specs/slack-web-openapi-v2.json')

const REPO = 'acme/ml-project'
/** One caller workflow run: train, then deploy.yml to staging, then promote.yml to production. */
const RUN_ID = 4004
const RUN_URL = `https://github.com/${REPO}/actions/runs/${RUN_ID}`
/** The fake's ID for the channel promote.yaml names as `ml-ops`. */
const CHANNEL = 'C0MLOPS001'

/** What a notify step hands the next one (the workflows' slack-ts, slack-channel, slack-stages). */
interface Thread {
  ts?: string
  channel?: string
  stages?: string
}

let slack: FakeSlack
let github: GitHubServer
let fixture: Fixture

beforeEach(async () => {
  slack = await startSlackServer()
  github = await startGitHubServer({
    repos: [{ owner: 'acme', repo: 'ml-project', defaultBranch: 'master' }]
  })
  fixture = await createFixture({ git: false })
  fixture.config(config => {
    // A channel name, as most teams write it: every update must use the ID Slack answers with.
    config.notifications = { slack: { channel: 'ml-ops', tokenEnv: 'SLACK_BOT_TOKEN' } }
  })
})
afterEach(async () => {
  expect(slack.problems).toEqual([])
  expect(github.violations).toEqual([])
  await slack.close()
  await github.close()
})

const runnerEnv = (ref: string) => ({
  GITHUB_RUN_ID: String(RUN_ID),
  GITHUB_REF: `refs/heads/${ref}`,
  GITHUB_REF_NAME: ref,
  GITHUB_API_URL: github.url,
  PROMOTE_SLACK_API_URL: slack.apiUrl,
  PROMOTE_SLACK_RETRY_BASE_MS: '5',
  PROMOTE_POLL_SCALE: '0.01',
  PROMOTE_HTTP_RETRIES: '1',
  SLACK_BOT_TOKEN: slack.token
})

function expectOk(result: ActionRun): void {
  if (result.exitCode !== 0) throw new Error(`step failed:\n${result.stdout}\n${result.stderr}`)
}

async function notify(
  inputs: Record<string, string>,
  thread: Thread,
  ref = 'staging'
): Promise<{ result: ActionRun; thread: Thread }> {
  const result = await runDistAction('notify', {
    cwd: fixture.dir,
    inputs: {
      ...inputs,
      ts: thread.ts ?? '',
      channel: thread.channel ?? '',
      stages: thread.stages ?? ''
    },
    env: runnerEnv(ref)
  })
  expectOk(result)
  expect(result.outputs.ok).toBe('true')
  return {
    result,
    thread: {
      ts: result.outputs.ts || thread.ts,
      channel: result.outputs.channel || thread.channel,
      stages: result.outputs.stages || thread.stages
    }
  }
}

function submitDeploy(environment: string, ref: string, inputs: Record<string, string> = {}) {
  return runDistAction('submit-deploy', {
    cwd: fixture.dir,
    eventName: 'push',
    event: { ref: `refs/heads/${ref}`, repository: { full_name: REPO, visibility: 'public' } },
    inputs: { 'github-token': github.token, environment, ...inputs },
    env: runnerEnv(ref)
  })
}

/** train.yml's job: Notify start, (Train), Notify result. */
async function train(thread: Thread, version: string): Promise<Thread> {
  const started = await notify(
    {
      event: 'started',
      facts: JSON.stringify({ kind: 'train', workflow: 'train', environment: 'development' })
    },
    thread,
    'development'
  )
  const facts = {
    kind: 'train',
    workflow: 'train',
    environment: 'development',
    state: 'completed',
    model: { name: 'model', version, metrics: { accuracy: 0.91 } },
    steps: [{ name: 'train', state: 'completed', results: { accuracy: 0.91 } }]
  }
  const result = await notify(
    { event: 'auto', 'job-status': 'success', facts: JSON.stringify(facts) },
    started.thread,
    'development'
  )
  return result.thread
}

/**
 * deploy.yml / promote.yml: the plan job (submit-deploy dry-run, then approval-pending with its
 * facts), then the gated deploy job (Notify start, Deploy, Notify).
 */
async function deployWorkflow(
  environment: string,
  ref: string,
  thread: Thread
): Promise<{ thread: Thread; plan: ActionRun }> {
  const plan = await submitDeploy(environment, ref, { 'dry-run': 'true' })
  expectOk(plan)
  expect(plan.outputs['approval-required']).toBe('true')
  const pending = await notify(
    { event: 'approval-pending', facts: plan.outputs.facts! },
    thread,
    ref
  )
  // The reviewers approve on the run page; the gated job starts.
  const started = await notify(
    {
      event: 'started',
      facts: JSON.stringify({ kind: 'deploy', environment, commit: 'a'.repeat(40) })
    },
    pending.thread,
    ref
  )
  const deployed = await submitDeploy(environment, ref)
  expectOk(deployed)
  const done = await notify(
    { event: 'auto', 'job-status': 'success', facts: deployed.outputs.facts! },
    started.thread,
    ref
  )
  return { thread: done.thread, plan }
}

const textOf = (message: StoredMessage) =>
  [message.text, ...message.blocks.map(b => JSON.stringify(b))].join('\n')

describe('one Slack thread per promotion (bundled notify and submit-deploy, chained as the workflows chain them)', () => {
  it('train → staging → production: one top-level message showing every stage, a reply per stage, the plan and the review link before each approval', async () => {
    const version = await fixture.newChallenger({ accuracy: 0.91 })
    github.addEnvironment(REPO, 'staging', { requiredReviewers: ['alice'] })
    github.addEnvironment(REPO, 'production', { requiredReviewers: ['carol'] })
    github.addApproval(REPO, RUN_ID, { environments: ['staging'], user: 'alice' })
    github.addApproval(REPO, RUN_ID, { environments: ['production'], user: 'carol' })

    const trained = await train({}, version)
    expect(trained.channel).toBe(CHANNEL)
    const staging = await deployWorkflow('staging', 'staging', trained)
    const production = await deployWorkflow('production', 'master', staging.thread)

    const top = slack.messages(CHANNEL)
    expect(top).toHaveLength(1)
    const parent = top[0]!
    expect(production.thread).toMatchObject({ ts: parent.ts, channel: CHANNEL })
    // Updated in place: train result, then per environment approval-pending, started, result.
    expect(parent.edits).toHaveLength(7)
    expect(slack.calls.filter(c => c.method === 'chat.update').map(c => c.channel)).toEqual(
      Array(7).fill(CHANNEL)
    )

    // The parent shows the promotion as a whole.
    const stages = JSON.parse(production.thread.stages!) as Array<Record<string, string>>
    expect(stages.map(s => [s.stage, s.environment, s.status])).toEqual([
      ['train', 'development', 'succeeded'],
      ['deploy', 'staging', 'succeeded'],
      ['deploy', 'production', 'succeeded']
    ])
    const parentText = textOf(parent)
    expect(parentText).toContain('*Promotion* · succeeded')
    expect(parentText).toContain(`*train* in *development* · model v${version}`)
    expect(parentText).toContain(`*deploy* in *staging* · model v${version}`)
    expect(parentText).toContain(`*deploy* in *production* · model v${version}`)

    // One reply per finished or waiting stage, all in the parent's thread.
    const replies = slack.replies(CHANNEL, parent.ts)
    expect(replies.map(r => r.text.split(' · ')[0])).toEqual([
      '✅ Succeeded',
      '⏳ Awaiting approval',
      '✅ Succeeded',
      '⏳ Awaiting approval',
      '✅ Succeeded'
    ])
    expect(slack.channels.get(CHANNEL)).toHaveLength(6)

    // approval-pending carries the plan and the link to the run page where reviewers approve.
    const pending = replies[3]!
    const pendingText = textOf(pending)
    expect(pendingText).toContain(`<${RUN_URL}|review the deployment>`)
    expect(pending.blocks).toContainEqual(
      expect.objectContaining({
        type: 'actions',
        elements: expect.arrayContaining([
          expect.objectContaining({
            text: expect.objectContaining({ text: 'Review deployment' }),
            url: RUN_URL
          })
        ])
      })
    )
    expect(pendingText).toContain(`*Plan* · deploy *model v${version}*`)
    expect(pendingText).toContain('to *production*')
    expect(pendingText).toContain('Live now: nothing deployed yet')
    expect(pendingText).toContain('*Who may approve*\\ncarol')
    expect(pendingText).toMatch(/Same artifact\*\\n:white_check_mark: .*succeeded in staging/)
    expect(pendingText).toContain('model_uri')
    // What the plan said is what then ran.
    const plan = JSON.parse(production.plan.outputs.plan!) as { model: { contentHash: string } }
    expect(pendingText).toContain(plan.model.contentHash.slice(0, 12))
    // Twelve bundled action runs: room for a machine shared with other test suites.
  }, 300_000)

  it.each(['message_not_found', 'cant_update_message', 'edit_window_closed', 'fatal_error'])(
    'a chat.update that fails with %s posts a new message (its ts returned) and the thread goes on there',
    async error => {
      const first = await notify(
        { event: 'started', facts: JSON.stringify({ kind: 'train', environment: 'development' }) },
        {}
      )
      slack.failNext({ kind: 'error', error })
      const second = await notify(
        {
          event: 'succeeded',
          facts: JSON.stringify({ kind: 'train', environment: 'development', state: 'completed' })
        },
        first.thread
      )
      const warning = second.result.commands.find(c => c.command === 'warning')!.message
      expect(warning).toContain(`could not update message ${first.thread.ts}`)
      expect(warning).toContain(error)
      expect(warning).toContain('posting a new message instead')
      const [old, fresh] = slack.messages(CHANNEL)
      expect(old!.edits).toEqual([])
      expect(second.thread.ts).toBe(fresh!.ts)
      expect(second.result.outputs['thread-ts']).toBe(fresh!.ts)
      // The new message shows the promotion so far, and the stage replies in its thread.
      expect(slack.replies(CHANNEL, fresh!.ts)).toHaveLength(1)
      const third = await notify(
        { event: 'started', facts: JSON.stringify({ kind: 'deploy', environment: 'staging' }) },
        second.thread
      )
      expect(third.thread.ts).toBe(fresh!.ts)
      expect(slack.messages(CHANNEL)).toHaveLength(2)
      expect(textOf(slack.messages(CHANNEL)[1]!)).toContain('*train* in *development*')
    }
  )

  it('a ts passed without its channel ID (the configured #name, which chat.update refuses) posts anew and returns the ID', async () => {
    const first = await notify(
      { event: 'started', facts: JSON.stringify({ kind: 'train', environment: 'development' }) },
      {}
    )
    const second = await notify(
      { event: 'failed', facts: JSON.stringify({ kind: 'train', environment: 'development' }) },
      { ts: first.thread.ts! }
    )
    const warning = second.result.commands.find(c => c.command === 'warning')!.message
    expect(warning).toContain(
      "channel_not_found: chat.update takes the channel ID, not the name 'ml-ops'"
    )
    expect(slack.calls.map(c => [c.method, c.outcome])).toEqual([
      ['chat.postMessage', 'ok'],
      ['chat.update', 'channel_not_found'],
      ['chat.postMessage', 'ok'],
      ['chat.postMessage', 'ok']
    ])
    expect(second.thread.channel).toBe(CHANNEL)
    expect(second.thread.ts).toBe(slack.messages(CHANNEL)[1]!.ts)
    // With the ID it returned, the next step updates in place.
    await notify({ event: 'started', facts: '{"kind":"train"}' }, second.thread)
    expect(slack.messages(CHANNEL)[1]!.edits).toHaveLength(1)
  })
})
