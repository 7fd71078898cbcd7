import { afterEach, beforeEach, expect, it } from '@jest/globals'
import { startArgoServer, type ArgoServer, type FakeTemplate } from '../fakes/argo-server.js'
import { startGitHubServer, type GitHubServer } from '../fakes/github-server.js'
import { startKfpServer, type FakePipeline, type KfpServer } from '../fakes/kfp-server.js'
import { createFixture, type Fixture } from '../deploy/fixture.js'
import { runDistAction } from '../helpers/run-dist.js'
import { describeWithShared } from '../helpers/shared.js'

/**
 * The smoke test a pipeline step reports, read on every orchestrator by the bundled submit-deploy
 * (dist/submit-deploy: `node scripts/build.mjs submit-deploy` first) against the fake Argo Server
 * (status.nodes[].outputs.parameters, as argo-workflows.swagger.json describes a node) and the
 * fake KFP v2beta1 API (task details carry no output values: kfp-v2beta1.swagger.json).
 */
const REPO = 'acme/ml-project'
const RUN_ID = 1001
const TOKEN = 'orch-token-5678'

const argoSpec = describeWithShared('specs/argo-workflows.swagger.json')
const kfpSpec = describeWithShared('specs/kfp-v2beta1.swagger.json')

let github: GitHubServer
let fixture: Fixture
let closers: Array<() => Promise<void>> = []

beforeEach(async () => {
  github = await startGitHubServer({
    repos: [{ owner: 'acme', repo: 'ml-project', defaultBranch: 'master' }]
  })
  github.addEnvironment(REPO, 'staging', { requiredReviewers: ['alice'] })
  fixture = await createFixture({ git: false })
  await fixture.newChallenger({ accuracy: 0.91 })
  closers = []
})
afterEach(async () => {
  expect(github.violations).toEqual([])
  await github.close()
  for (const close of closers) await close()
})

/** Staging deploys through `cluster` (the fake), with `deployment.smokeTest` when given. */
function useCluster(cluster: Record<string, unknown>, smokeTest?: Record<string, unknown>) {
  fixture.config(config => {
    config.clusters = { remote: { ...cluster, tokenEnv: 'ORCH_TOKEN' } }
    const environments = config.environments as Record<string, Record<string, unknown>>
    for (const env of Object.values(environments)) env.cluster = 'remote'
    config.workflows = { deploy: { name: 'deploy', timeout: '2m' } }
    if (smokeTest) (config.deployment as Record<string, unknown>).smokeTest = smokeTest
  })
}

/** Each call is its own GitHub run (approved), so it never adopts the previous call's pipeline run. */
const deployToStaging = (runId = RUN_ID) => {
  github.addApproval(REPO, runId, { environments: ['staging'], user: 'alice' })
  return runDistAction('submit-deploy', {
    cwd: fixture.dir,
    eventName: 'workflow_dispatch',
    event: {},
    inputs: { 'github-token': github.token, environment: 'staging' },
    env: {
      GITHUB_API_URL: github.url,
      ORCH_TOKEN: TOKEN,
      GITHUB_RUN_ID: String(runId),
      PROMOTE_POLL_SCALE: '0.01',
      PROMOTE_HTTP_RETRIES: '1'
    }
  })
}

type Result = Awaited<ReturnType<typeof deployToStaging>>
const messages = (result: Result, command: string) =>
  result.commands
    .filter(c => c.command === command)
    .map(c => c.message)
    .join('\n')
const lastState = () => github.latestState(REPO, github.deployments(REPO, 'staging')[0]!.id)

argoSpec.describe('smoke test on Argo Workflows', () => {
  let argo: ArgoServer
  async function startArgo(template: FakeTemplate) {
    argo = await startArgoServer({
      specFile: argoSpec.file!,
      token: TOKEN,
      namespace: 'ml',
      templates: { deploy: { runningPolls: 1, ...template } }
    })
    closers.push(async () => {
      expect(argo.violations).toEqual([])
      await argo.close()
    })
  }

  it("fails the deploy when the tester step's outputs report errors (the workflow has no outputs)", async () => {
    await startArgo({
      steps: [
        { name: 'deploy', outputs: { endpoint: 'https://serving.example.com/model' } },
        { name: 'tester', outputs: { total_tests: '20', errors: '3', match: 'false' } }
      ]
    })
    useCluster({ kind: 'argo', url: argo.url, namespace: 'ml' })
    const result = await deployToStaging()
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('failure')
    expect(messages(result, 'error')).toContain(
      'the smoke test reported 3 errors (the pipeline itself succeeded)'
    )
    expect(lastState()).toBe('failure')
    expect(JSON.parse(result.outputs.results!)).toMatchObject({ errors: '3', total_tests: '20' })
    expect(result.summary).toContain('| **errors** | 3 |')
    expect(result.summary).toContain('| **read from** | the run results |')
    expect(JSON.parse(result.outputs.facts!)).toMatchObject({
      state: 'failed',
      steps: [{ name: 'deploy' }, { name: 'tester', results: { errors: '3' } }]
    })
  })

  it('passes a clean tester step and keeps the workflow outputs over step outputs on a clash', async () => {
    await startArgo({
      steps: [{ name: 'tester', outputs: { total_tests: '20', errors: '0', match: 'true' } }],
      outputs: { endpoint: 'https://serving.example.com/model', errors: '0' }
    })
    useCluster({ kind: 'argo', url: argo.url, namespace: 'ml' })
    const result = await deployToStaging()
    expect(messages(result, 'error')).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('success')
    expect(result.summary).toContain('| **total_tests** | 20 |')
    expect(lastState()).toBe('success')
  })

  it('reads the step deployment.smokeTest.step names, not a later step that reports errors: 0', async () => {
    await startArgo({
      steps: [
        { name: 'model-server-tester', outputs: { total_tests: '20', errors: '2' } },
        { name: 'report', outputs: { errors: '0' } }
      ]
    })
    useCluster({ kind: 'argo', url: argo.url, namespace: 'ml' }, { step: 'model-server-tester' })
    const result = await deployToStaging()
    expect(result.exitCode).toBe(1)
    expect(messages(result, 'error')).toContain('the smoke test reported 2 errors')
    expect(result.summary).toContain('| **read from** | step model-server-tester |')
    expect(lastState()).toBe('failure')
  })

  it('fails when the named tester step did not run, or reported none of the numbers', async () => {
    await startArgo({ steps: [{ name: 'deploy' }, { name: 'tester', outputs: { note: 'ok' } }] })
    useCluster({ kind: 'argo', url: argo.url, namespace: 'ml' }, { step: 'model-server-tester' })
    const missing = await deployToStaging()
    expect(missing.exitCode).toBe(1)
    expect(messages(missing, 'error')).toContain(
      "the smoke-test step 'model-server-tester' (deployment.smokeTest.step) did not run; the run reported the steps deploy, tester"
    )

    useCluster({ kind: 'argo', url: argo.url, namespace: 'ml' }, { step: 'tester' })
    const silent = await deployToStaging(RUN_ID + 1)
    expect(silent.exitCode).toBe(1)
    expect(messages(silent, 'error')).toContain(
      "the smoke-test step 'tester' (deployment.smokeTest.step) reported none of total_tests, errors, match"
    )
    expect(messages(silent, 'error')).toContain('(its results: note)')
  })
})

kfpSpec.describe('smoke test on Kubeflow Pipelines v2beta1', () => {
  let kfp: KfpServer
  async function startKfp(pipeline: FakePipeline) {
    kfp = await startKfpServer({
      specFile: kfpSpec.file!,
      token: TOKEN,
      pipelines: { deploy: { runningPolls: 1, ...pipeline } }
    })
    closers.push(async () => {
      expect(kfp.violations).toEqual([])
      await kfp.close()
    })
  }

  it('says in the summary and a warning that the smoke test could not be read, instead of passing silently', async () => {
    await startKfp({ steps: ['deploy', 'tester'] })
    useCluster({ kind: 'kfp', url: kfp.url })
    const result = await deployToStaging()
    expect(messages(result, 'error')).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('success')
    const warning = messages(result, 'warning')
    expect(warning).toContain("Kubeflow Pipelines' v2beta1 API returns no output values")
    expect(warning).toContain('the smoke test was not read')
    expect(result.summary).toContain('Smoke test')
    expect(result.summary).toContain('Not read: Kubeflow Pipelines')
    expect(result.summary).toMatch(/⚠️/)
  })

  it('with deployment.smokeTest.step, names the step and its state, and fails when it did not run', async () => {
    await startKfp({ steps: ['deploy', 'tester'] })
    useCluster({ kind: 'kfp', url: kfp.url }, { step: 'tester' })
    const ran = await deployToStaging()
    expect(ran.exitCode).toBe(0)
    expect(messages(ran, 'warning')).toContain(
      'the smoke test was not read (step tester SUCCEEDED)'
    )

    useCluster({ kind: 'kfp', url: kfp.url }, { step: 'model-server-tester' })
    const missing = await deployToStaging(RUN_ID + 1)
    expect(missing.exitCode).toBe(1)
    expect(messages(missing, 'error')).toContain(
      "the smoke-test step 'model-server-tester' (deployment.smokeTest.step) did not run; the run reported the steps deploy, tester"
    )
  })
})
