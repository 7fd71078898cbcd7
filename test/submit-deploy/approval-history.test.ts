import { afterEach, beforeEach, expect, it } from '@jest/globals'
import { startGitHubServer, type GitHubServer } from '../fakes/github-server.js'
import { createFixture, type Fixture } from '../deploy/fixture.js'
import { runDistAction, type ActionRun } from '../helpers/run-dist.js'

/**
 * Approval from the run's review history (GET /repos/{o}/{r}/actions/runs/{id}/approvals on the
 * fake GitHub, checked against @octokit/openapi): each reviewer's latest review of the
 * environment counts, and the opt-in four-eyes rule (environments.<name>.fourEyes) keeps the
 * pull request's author and merger from approving. Runs the bundled submit-deploy (dist).
 */
const REPO = 'acme/ml-project'
const RUN_ID = 1001

let github: GitHubServer
let fixture: Fixture

beforeEach(async () => {
  github = await startGitHubServer({
    repos: [{ owner: 'acme', repo: 'ml-project', defaultBranch: 'master' }]
  })
  github.addEnvironment(REPO, 'staging', { requiredReviewers: ['alice', 'carol', 'dave'] })
  fixture = await createFixture({ git: false })
  await fixture.newChallenger({ accuracy: 0.91 })
})
afterEach(async () => {
  expect(github.violations).toEqual([])
  await github.close()
})

/** A merged pull request into staging, opened by carol and merged by dave. */
const mergedByDave = {
  action: 'closed',
  number: 5,
  pull_request: {
    number: 5,
    user: { login: 'carol' },
    merged_by: { login: 'dave' },
    merged: true,
    merge_commit_sha: 'b'.repeat(40),
    base: { ref: 'staging' },
    head: { ref: 'development' }
  },
  repository: { full_name: REPO, visibility: 'public', private: false }
}

const deploy = (options: { event?: unknown; eventName?: string } = {}) =>
  runDistAction('submit-deploy', {
    cwd: fixture.dir,
    eventName: options.eventName ?? 'pull_request',
    event: options.event ?? mergedByDave,
    inputs: { 'github-token': github.token, environment: 'staging' },
    env: { GITHUB_API_URL: github.url, PROMOTE_POLL_SCALE: '0.01', PROMOTE_HTTP_RETRIES: '1' }
  })
const errorOf = (result: ActionRun) =>
  result.commands
    .filter(c => c.command === 'error')
    .map(c => c.message)
    .join('\n')

it("counts each reviewer's latest review: a rejection later approved does not block", async () => {
  github.addApproval(REPO, RUN_ID, { environments: ['staging'], user: 'alice', state: 'rejected' })
  github.addApproval(REPO, RUN_ID, { environments: ['staging'], user: 'alice' })
  // A comment without a decision changes nothing.
  github.addApproval(REPO, RUN_ID, { environments: ['staging'], user: 'alice', state: 'pending' })
  const result = await deploy()
  expect(errorOf(result)).toBe('')
  expect(result.exitCode).toBe(0)
  expect(result.outputs.approvers).toBe('alice')
})

it('an approval later withdrawn by a rejection refuses', async () => {
  github.addApproval(REPO, RUN_ID, { environments: ['staging'], user: 'alice' })
  github.addApproval(REPO, RUN_ID, {
    environments: ['staging', 'qa'],
    user: 'alice',
    state: 'rejected'
  })
  const result = await deploy()
  expect(result.exitCode).toBe(1)
  expect(result.outputs.status).toBe('refused')
  expect(errorOf(result)).toContain("alice rejected the deploy to 'staging'")
  expect(github.deployments(REPO)).toHaveLength(0)
})

it("four eyes: the pull request's merger may not approve; another reviewer may", async () => {
  fixture.config(config => {
    ;(config.environments as Record<string, Record<string, unknown>>).staging!.fourEyes = true
  })
  github.addApproval(REPO, RUN_ID, { environments: ['staging'], user: 'dave' })
  const refused = await deploy()
  expect(refused.exitCode).toBe(1)
  expect(refused.outputs.status).toBe('refused')
  const message = errorOf(refused)
  expect(message).toContain(
    "environment 'staging' was approved only by dave; the four-eyes rule excludes carol (author of #5), dave (merger of #5)"
  )
  expect(message).toContain('Rule: environments.staging.fourEyes (promote.yaml)')
  expect(github.deployments(REPO)).toHaveLength(0)

  github.addApproval(REPO, RUN_ID, { environments: ['staging'], user: 'alice' })
  const approved = await deploy()
  expect(errorOf(approved)).toBe('')
  expect(approved.exitCode).toBe(0)
  expect(approved.outputs.approvers).toBe('alice')
  expect(approved.summary).toContain(
    'approved by alice (four eyes: not carol (author of #5), dave (merger of #5))'
  )
})

it('four eyes without a pull request excludes who triggered the run; off by default', async () => {
  github.addApproval(REPO, RUN_ID, { environments: ['staging'], user: 'octocat' })
  const open = await deploy({ eventName: 'workflow_dispatch', event: {} })
  expect(errorOf(open)).toBe('')
  expect(open.exitCode).toBe(0)

  fixture.config(config => {
    ;(config.environments as Record<string, Record<string, unknown>>).staging!.fourEyes = true
  })
  const refused = await deploy({ eventName: 'workflow_dispatch', event: {} })
  expect(refused.exitCode).toBe(1)
  expect(errorOf(refused)).toContain(
    'the four-eyes rule excludes octocat (triggered the run, no pull request)'
  )
})
