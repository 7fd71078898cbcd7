/**
 * The whole promotion flow, run as GitHub runs it: every action is its bundled dist/<name>/index.js
 * started with INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_STATE and a realistic event
 * payload, in a consumer checkout made from examples/quickstart, against the local GitHub API and
 * Slack servers. The model servers the deploys start are real and are asked for predictions.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { runDistAction, type ActionRun } from '../helpers/run-dist.js'
import { startGitHubServer, type GitHubServer } from '../fakes/github-server.js'
import { startSlackServer, type FakeSlack } from '../fakes/slack-server.js'
import { cleanUp, isAlive } from '../examples/quickstart-helpers.js'
import { cliSnapshot } from '../export/cli-snapshot.js'
import {
  askServer,
  createConsumerRepo,
  pullRequestEvent,
  runnerEnv,
  workflowDispatchEvent,
  type ConsumerRepo,
  type ServerOfEnvironment
} from './consumer.js'

const REPO = 'acme/ml-project'
const CHANNEL = 'C0MLOPS001'
const CHALLENGER = 'artifacts/heart-classifier:challenger.yaml'

let github: GitHubServer
let slack: FakeSlack
let repo: ConsumerRepo
const pids = new Set<number>()
/** A private copy of the CLI bundle (bin/promote.js loads dist/cli), safe from rebuilds. */
const CLI = cliSnapshot()

/** The consumer's promote.yaml, plus Slack, and production redeployed in place as MLRun does. */
function consumerConfig(text: string): string {
  return (
    text.replace(
      'deploy: { environment: production, num_tests: 100 }',
      'deploy: { environment: production, num_tests: 100, strategy: in-place }'
    ) + '\nnotifications:\n  slack:\n    channel: ml-ops\n    tokenEnv: SLACK_BOT_TOKEN\n'
  )
}

interface Trigger {
  branch: string
  runId: number
  eventName?: string
  event?: unknown
  /** GITHUB_REF / GITHUB_REF_NAME / GITHUB_SHA when they differ from the branch (PR events). */
  ref?: { ref: string; refName: string; sha: string }
}

async function action(
  name: string,
  inputs: Record<string, string>,
  trigger: Trigger,
  state?: Record<string, string>
): Promise<ActionRun> {
  const sha = trigger.ref?.sha ?? repo.sha(trigger.branch)
  const env = {
    ...runnerEnv(trigger.branch, sha),
    ...(trigger.ref && { GITHUB_REF: trigger.ref.ref, GITHUB_REF_NAME: trigger.ref.refName }),
    GITHUB_RUN_ID: String(trigger.runId),
    GITHUB_API_URL: github.url,
    SLACK_BOT_TOKEN: slack.token,
    PROMOTE_SLACK_API_URL: slack.apiUrl
  }
  return runDistAction(name, {
    cwd: repo.dir,
    inputs: { 'github-token': github.token, ...inputs },
    env,
    eventName: trigger.eventName ?? 'workflow_dispatch',
    event: trigger.event ?? workflowDispatchEvent(trigger.branch),
    // Saved state from a main step: this is its post step (dist/<name>/post.js).
    ...(state && { state, entry: 'post.js' }),
    timeoutMs: 90_000
  })
}

function expectOk(run: ActionRun): void {
  if (run.exitCode !== 0)
    throw new Error(`exit ${run.exitCode}\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-2000)}`)
}

async function cli(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, ...args], {
    cwd: repo.dir,
    timeout: 60_000
  })
  return stdout
}

async function exportAndCommit(modelUri: string, message: string): Promise<string> {
  repo.git('checkout', '-q', 'development')
  const out = await cli('export', '--model-uri', modelUri, '--yes')
  expect(out).toMatch(new RegExp(`(Wrote|Updated) ${CHALLENGER}`))
  return repo.commitAll(message)
}

/** A merged PR from `head` into `base`: the merge commit, and the `closed` event the deploy runs on. */
function mergePullRequest(number: number, head: string, base: string, runId: number): Trigger {
  const headSha = repo.sha(head)
  const baseSha = repo.sha(base)
  const mergeSha = repo.merge(head, base)
  return {
    branch: base,
    runId,
    eventName: 'pull_request',
    event: pullRequestEvent({ number, head, base, headSha, baseSha, merged: true, mergeSha }),
    ref: { ref: `refs/pull/${number}/merge`, refName: `${number}/merge`, sha: mergeSha }
  }
}

function openPullRequest(
  number: number,
  head: string,
  base: string,
  runId: number,
  action = 'opened'
): Trigger {
  const headSha = repo.sha(head)
  return {
    branch: base,
    runId,
    eventName: 'pull_request',
    event: pullRequestEvent({ number, head, base, headSha, baseSha: repo.sha(base), action }),
    ref: { ref: `refs/pull/${number}/merge`, refName: `${number}/merge`, sha: headSha }
  }
}

function payloadOf(deployment: { payload: unknown }): Record<string, unknown> {
  return deployment.payload as Record<string, unknown>
}

function approve(runId: number, environment: string): void {
  github.addApproval(REPO, runId, {
    environments: [environment],
    user: 'lee',
    comment: 'looks good'
  })
}

function rememberServer(environment: string): ServerOfEnvironment {
  const server = repo.readJson<ServerOfEnvironment>(`.promote/servers/${environment}.json`)!
  pids.add(server.pid)
  return server
}

beforeAll(async () => {
  github = await startGitHubServer({
    repos: [{ owner: 'acme', repo: 'ml-project', visibility: 'public' }]
  })
  github.addEnvironment(REPO, 'staging', { requiredReviewers: ['lee'] })
  github.addEnvironment(REPO, 'production', { requiredReviewers: ['lee'] })
  slack = await startSlackServer()
  repo = createConsumerRepo(consumerConfig)
})

afterAll(async () => {
  await cleanUp(repo.dir)
  for (const pid of pids) expect(isAlive(pid)).toBe(false)
  await github.close()
  await slack.close()
})

describe('the promotion flow, bundle by bundle', () => {
  let firstVersion: { uri: string; accuracy: number; hash?: string }
  let productionV1Deployment: number

  it('trains on development (workflow_dispatch), reports the metrics, and notifies Slack', async () => {
    const train = await action('submit-train', {}, { branch: 'development', runId: 1001 })
    expectOk(train)
    expect(train.outputs.status).toBe('succeeded')
    expect(train.outputs['model-uri']).toBe('models:/heart-classifier/1')
    const results = JSON.parse(train.outputs.results!) as Record<string, number>
    expect(results.accuracy).toBeGreaterThan(0.8)
    expect(train.summary).toContain('train on development: succeeded')
    expect(train.summary).toContain(`| accuracy | ${results.accuracy} |`)
    expect(train.stdout).toContain(`metric accuracy: ${results.accuracy}`)
    firstVersion = { uri: train.outputs['model-uri']!, accuracy: results.accuracy! }

    // The post step after a finished run has nothing to cancel.
    const post = await action(
      'submit-train',
      {},
      { branch: 'development', runId: 1001 },
      train.state
    )
    expect(post.exitCode).toBe(0)
    expect(post.stdout).not.toMatch(/cancel/i)

    const notify = await action(
      'notify',
      { event: 'succeeded', facts: train.outputs.facts! },
      { branch: 'development', runId: 1001 }
    )
    expectOk(notify)
    expect(notify.outputs.ok).toBe('true')
    const [message] = slack.messages(CHANNEL)
    expect(message!.text).toContain('heart-classifier')
    expect(JSON.stringify(message!.blocks)).toContain('models:/heart-classifier/1')
  })

  it('exports the challenger with the CLI, and lint-test passes its PR with one sticky comment', async () => {
    await exportAndCommit(firstVersion.uri, 'Export heart-classifier 1 as the challenger')
    const manifest = readFileSync(join(repo.dir, CHALLENGER), 'utf8')
    expect(manifest).toContain(`accuracy: ${firstVersion.accuracy}`)
    expect(repo.git('ls-files', 'artifacts')).toBe(CHALLENGER)

    const check = await action(
      'lint-test',
      { lint: 'node scripts/lint.mjs', test: 'node --test' },
      openPullRequest(7, 'development', 'staging', 1101)
    )
    expectOk(check)
    expect(check.outputs.result).toBe('pass')
    expect(check.summary).toContain('Model checks passed')
    expect(check.summary).toMatch(/\| accuracy \| [\d.]+ \| — \| — \| ≥ 0\.75 \| PASS \|/)
    const again = await action(
      'lint-test',
      {},
      openPullRequest(7, 'development', 'staging', 1102, 'synchronize')
    )
    expectOk(again)
    const comments = github.comments(REPO, 7)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).toContain('Model checks passed')
    expect(comments[0]!.body).not.toContain('Lint') // the second run had no lint command: the comment was updated
  })

  it('deploys to development, then to staging and production on merged PRs after approval', async () => {
    const development = await action('submit-deploy', {}, { branch: 'development', runId: 1201 })
    expectOk(development)
    expect(development.outputs.status).toBe('success')
    const devDeployment = github.deployments(REPO, 'development')[0]!
    expect(devDeployment.statuses[0]!.state).toBe('success')
    expect(devDeployment.payload).toMatchObject({
      modelUri: firstVersion.uri,
      manifestPath: CHALLENGER
    })
    expect(rememberServer('development').url).toBe(development.outputs['environment-url'])
    expect(await askServer(repo, 'development')).toEqual({ version: '1', prediction: 1 })
    // The post step (GITHUB_STATE from the main step) of a finished deploy changes nothing.
    const post = await action(
      'submit-deploy',
      {},
      { branch: 'development', runId: 1201 },
      development.state
    )
    expect(post.exitCode).toBe(0)
    expect(github.latestState(REPO, devDeployment.id)).toBe('success')
    expect((await askServer(repo, 'development')).version).toBe('1')

    const toStaging = mergePullRequest(8, 'development', 'staging', 1301)
    approve(1301, 'staging')
    const staging = await action('submit-deploy', {}, toStaging)
    expectOk(staging)
    expect(staging.outputs).toMatchObject({
      status: 'success',
      environment: 'staging',
      'model-version': '1'
    })
    expect(staging.outputs.approvers).toContain('lee')
    const stagingDeployment = github.deployments(REPO, 'staging')[0]!
    expect(stagingDeployment.sha).toBe(toStaging.ref!.sha)
    expect(payloadOf(stagingDeployment).contentHash).toBe(payloadOf(devDeployment).contentHash)
    expect(staging.summary).toContain('Smoke test')
    expect(staging.summary).toMatch(/\*\*errors\*\* \| 0 \|/)
    rememberServer('staging')
    expect((await askServer(repo, 'staging')).version).toBe('1')

    const toProduction = mergePullRequest(9, 'staging', 'main', 1401)
    approve(1401, 'production')
    const production = await action('submit-deploy', {}, toProduction)
    expectOk(production)
    expect(production.outputs.status).toBe('success')
    productionV1Deployment = Number(production.outputs['deployment-id'])
    rememberServer('production')
    expect((await askServer(repo, 'production')).version).toBe('1')
    // updateChampion: the registry's champion tag follows production.
    expect(
      readFileSync(
        join(repo.dir, '.promote/registry/heart-classifier/tags/champion'),
        'utf8'
      ).trim()
    ).toBe('1')
    expect(github.violations).toEqual([])
  })

  it('refuses a deploy to production that nobody approved', async () => {
    const run = await action(
      'submit-deploy',
      { environment: 'production' },
      { branch: 'main', runId: 1501 }
    )
    expect(run.exitCode).toBe(1)
    expect(run.stdout + run.stderr).toMatch(/production/)
    expect(run.stdout + run.stderr).toMatch(/approv/i)
    expect(github.deployments(REPO, 'production')).toHaveLength(1)
  })

  it('reports a failed training in the summary and notifies Slack', async () => {
    repo.git('checkout', '-q', 'development')
    const train = await action(
      'submit-train',
      { arguments: '{"epochs": 0}' },
      { branch: 'development', runId: 1601 }
    )
    expect(train.exitCode).toBe(1)
    expect(train.outputs.status).toBe('failed')
    expect(train.summary).toContain('hyperparameter epochs must be a whole number >= 1')
    expect(train.commands.some(c => c.command === 'error')).toBe(true)
    const notify = await action(
      'notify',
      { event: 'failed', facts: train.outputs.facts! },
      { branch: 'development', runId: 1601 }
    )
    expectOk(notify)
    const messages = slack.messages(CHANNEL)
    expect(messages.at(-1)!.text).toMatch(/fail/i)
    expect(slack.problems).toEqual([])
  })

  it('stops a worse challenger at its PR: the gates fail with the reason, on the line of the manifest', async () => {
    const train = await action(
      'submit-train',
      { arguments: '{"epochs": 2, "learning_rate": 0.005}' },
      { branch: 'development', runId: 1701 }
    )
    expectOk(train)
    const worse = JSON.parse(train.outputs.results!) as Record<string, number>
    expect(worse.accuracy).toBeLessThan(0.75)
    await exportAndCommit(train.outputs['model-uri']!, 'Export the worse challenger')
    const check = await action('lint-test', {}, openPullRequest(10, 'development', 'staging', 1702))
    expect(check.exitCode).toBe(1)
    expect(check.outputs.result).toBe('fail')
    expect(check.summary).toContain(`accuracy ${worse.accuracy} is below the minimum 0.75`)
    expect(check.summary).toContain(`worse than the champion's ${firstVersion.accuracy}`)
    const annotation = check.commands.find(
      c => c.command === 'error' && c.properties.file === CHALLENGER
    )
    expect(annotation?.properties.line).toMatch(/^\d+$/)
    expect(github.comments(REPO, 10)[0]!.body).toContain('accuracy')
    repo.git('revert', '--no-edit', 'HEAD')
  })

  it('fails a production deploy whose smoke test fails, then a rollback restores the previous model', async () => {
    const train = await action(
      'submit-train',
      { arguments: '{"seed": 3}' },
      { branch: 'development', runId: 1801 }
    )
    expectOk(train)
    const version = JSON.parse(train.outputs.results!).model_version as number
    await exportAndCommit(train.outputs['model-uri']!, `Export heart-classifier ${version}`)
    expectOk(await action('submit-deploy', {}, { branch: 'development', runId: 1802 }))
    const toStaging = mergePullRequest(11, 'development', 'staging', 1803)
    approve(1803, 'staging')
    expectOk(await action('submit-deploy', {}, toStaging))
    expect((await askServer(repo, 'staging')).version).toBe(String(version))
    rememberServer('staging')

    // The artifact goes bad in the registry after staging: it loads, but no longer takes the
    // 13 features the clients send.
    const modelFile = join(
      repo.dir,
      `.promote/registry/heart-classifier/versions/${version}/model.json`
    )
    const model = JSON.parse(readFileSync(modelFile, 'utf8')) as Record<string, unknown[]>
    for (const key of ['features', 'mean', 'std', 'weights']) model[key] = model[key]!.slice(0, 10)
    writeFileSync(modelFile, JSON.stringify(model))

    const toProduction = mergePullRequest(12, 'staging', 'main', 1804)
    approve(1804, 'production')
    const failed = await action('submit-deploy', {}, toProduction)
    expect(failed.exitCode).toBe(1)
    expect(failed.outputs.status).toBe('failure')
    const failedDeployment = github.deployments(REPO, 'production')[0]!
    expect(failedDeployment.statuses[0]!.state).toBe('failure')
    expect(failed.summary).toMatch(/\*\*errors\*\* \| 100 \|/)
    expect(failed.stdout).toContain('production has no model server now (roll back to restore one)')
    await expect(askServer(repo, 'production')).rejects.toThrow(/no server recorded/)

    const rollbackRun: Trigger = { branch: 'main', runId: 1805 }
    approve(1805, 'production')
    const rollback = await action(
      'submit-deploy',
      {
        environment: 'production',
        rollback: 'true',
        'rollback-to': String(productionV1Deployment)
      },
      rollbackRun
    )
    expectOk(rollback)
    expect(rollback.outputs).toMatchObject({ status: 'success', 'model-version': '1' })
    const restored = github.deployments(REPO, 'production')[0]!
    expect(payloadOf(restored).rollbackOf).toBe(productionV1Deployment)
    expect(restored.statuses[0]!.state).toBe('success')
    rememberServer('production')
    expect(await askServer(repo, 'production')).toEqual({ version: '1', prediction: 1 })
    expect(github.violations).toEqual([])
  })
})
