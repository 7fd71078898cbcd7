import { afterEach, beforeEach, expect, it } from '@jest/globals'
import { startGitHubServer, type GitHubServer } from '../fakes/github-server.js'
import { startSlackServer, type FakeSlack } from '../fakes/slack-server.js'
import { createFixture, type Fixture } from '../deploy/fixture.js'
import { runDistAction, type ActionRun } from '../helpers/run-dist.js'
import { describeWithShared } from '../helpers/shared.js'

/**
 * A refused deploy still tells people what and why: the bundled submit-deploy (dist) sets
 * `status: refused` and facts with the reason, the rule and the fix, and the bundled notify posts
 * them to the fake Slack (validated against slack-web-openapi-v2.json and Block Kit limits), as
 * deploy.yml wires the two. Also: the `require-approval` input never weakens promote.yaml's rule.
 * Build both bundles first: `node scripts/build.mjs submit-deploy && node scripts/build.mjs notify`.
 */
const REPO = 'acme/ml-project'
const RUN_ID = 1001
const CHANNEL = 'C0MLOPS001'
const { describe } = describeWithShared('specs/slack-web-openapi-v2.json')

let github: GitHubServer
let slack: FakeSlack
let fixture: Fixture
let version: string

beforeEach(async () => {
  github = await startGitHubServer({
    repos: [{ owner: 'acme', repo: 'ml-project', defaultBranch: 'master' }]
  })
  slack = await startSlackServer()
  fixture = await createFixture({ git: false })
  version = await fixture.newChallenger({ accuracy: 0.91 })
  fixture.config(config => {
    config.notifications = { slack: { channel: 'ml-ops', tokenEnv: 'SLACK_BOT_TOKEN' } }
  })
})
afterEach(async () => {
  expect(github.violations).toEqual([])
  expect(slack.problems).toEqual([])
  await github.close()
  await slack.close()
})

const deploy = (inputs: Record<string, string>) =>
  runDistAction('submit-deploy', {
    cwd: fixture.dir,
    eventName: 'workflow_dispatch',
    event: {},
    inputs: { 'github-token': github.token, ...inputs },
    env: { GITHUB_API_URL: github.url, PROMOTE_POLL_SCALE: '0.01', PROMOTE_HTTP_RETRIES: '1' }
  })

/** deploy.yml's Notify step: `event: auto`, the job's status, the deploy step's facts. */
const notify = (deployed: ActionRun) =>
  runDistAction('notify', {
    cwd: fixture.dir,
    inputs: {
      event: 'auto',
      'job-status': deployed.exitCode === 0 ? 'success' : 'failure',
      facts: deployed.outputs.facts
    },
    env: {
      PROMOTE_SLACK_API_URL: slack.apiUrl,
      PROMOTE_SLACK_RETRY_BASE_MS: '5',
      SLACK_BOT_TOKEN: slack.token
    }
  })

const errorOf = (result: ActionRun) =>
  result.commands
    .filter(c => c.command === 'error')
    .map(c => c.message)
    .join('\n')
const warningsOf = (result: ActionRun) =>
  result.commands.filter(c => c.command === 'warning').map(c => c.message)

describe('a refused deploy', () => {
  it('sets status refused and facts with the reason, the rule and the fix; notify posts them', async () => {
    github.addEnvironment(REPO, 'staging', { requiredReviewers: ['alice'] })
    const refused = await deploy({ environment: 'staging' })
    expect(refused.exitCode).toBe(1)
    expect(github.deployments(REPO)).toHaveLength(0)
    expect(refused.outputs).toMatchObject({
      status: 'refused',
      environment: 'staging',
      'model-uri': `models:/model/${version}`,
      'model-version': version
    })
    const facts = JSON.parse(refused.outputs.facts!)
    expect(facts).toMatchObject({
      kind: 'deploy',
      project: 'demo',
      environment: 'staging',
      state: 'refused',
      model: { name: 'model', version },
      refusal: {
        kind: 'approval',
        reason: `approval refused: run ${RUN_ID} has no approval for environment 'staging'`,
        rule: 'required reviewers (alice)'
      }
    })
    expect(facts.refusal.fix).toContain('run the deploy in a job with `environment: staging`')
    expect(refused.summary).toContain('### Rule')
    expect(refused.summary).toContain('### Fix')

    const notified = await notify(refused)
    expect(notified.exitCode).toBe(0)
    const [message] = slack.messages(CHANNEL)
    expect(message!.text).toContain('⛔ Refused · deploy · demo (staging)')
    expect(message!.text).not.toContain('Failed · pipeline')
    const blocks = JSON.stringify(message!.blocks)
    expect(blocks).toContain('Refused · deploy · demo (staging)')
    expect(blocks).toContain('*Why*')
    expect(blocks).toContain(`has no approval for environment 'staging'`)
    expect(blocks).toContain('*Rule*')
    expect(blocks).toContain('required reviewers (alice)')
    expect(blocks).toContain('*Fix*')
  })

  it('a same-artifact refusal carries its rule and the override in its fix', async () => {
    github.addEnvironment(REPO, 'production', { requiredReviewers: ['alice'] })
    github.addApproval(REPO, RUN_ID, { environments: ['production'], user: 'alice' })
    const refused = await deploy({ environment: 'production' })
    expect(refused.exitCode).toBe(1)
    expect(refused.outputs.status).toBe('refused')
    const facts = JSON.parse(refused.outputs.facts!)
    expect(facts.refusal).toMatchObject({
      kind: 'same-artifact',
      rule: 'deployment.sameArtifact (promote.yaml)'
    })
    expect(facts.refusal.reason).toContain("was never deployed successfully to 'staging'")
    expect(facts.refusal.fix).toContain('input override-same-artifact')
    const notified = await notify(refused)
    expect(notified.exitCode).toBe(0)
    expect(JSON.stringify(slack.messages(CHANNEL)[0]!.blocks)).toContain(
      'deployment.sameArtifact (promote.yaml)'
    )
  })
})

describe('the require-approval input', () => {
  it('false does not weaken a promote.yaml that requires approval: refused without one', async () => {
    github.addEnvironment(REPO, 'staging', { requiredReviewers: ['alice'] })
    const result = await deploy({ environment: 'staging', 'require-approval': 'false' })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('refused')
    expect(errorOf(result)).toContain(
      `approval refused: run ${RUN_ID} has no approval for environment 'staging'`
    )
    expect(warningsOf(result).join('\n')).toContain(
      'require-approval: false is ignored: promote.yaml requires approval for staging'
    )
    expect(github.deployments(REPO)).toHaveLength(0)
    expect(fixture.calls()).toHaveLength(0)
  })

  it('true makes an environment the config leaves open stricter', async () => {
    // development needs no approval in promote.yaml; the input requires one, and there is none.
    const result = await deploy({ environment: 'development', 'require-approval': 'true' })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('refused')
    expect(errorOf(result)).toContain(
      `environment 'development' does not exist in ${REPO}, so nobody was asked to approve this deploy`
    )
    expect(fixture.calls()).toHaveLength(0)

    const open = await deploy({ environment: 'development' })
    expect(errorOf(open)).toBe('')
    expect(open.exitCode).toBe(0)
  })
})
