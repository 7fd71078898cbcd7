/**
 * Exactly one remote run per submission, on every orchestrator: jobs of one GitHub run never
 * adopt each other's runs (src/app/submission.ts identity), a re-run adopts its own, and a
 * submission whose answer was lost or ambiguous (a 503/429 a proxy sent after the server accepted
 * it, a reset) is looked up before it is sent again (src/adapters/http.ts, run-workflow.ts).
 * The fakes follow the real servers: Argo (argo-server.ts, the Argo swagger and
 * workflow/util/util.go ApplySubmitOpts), KFP (kfp-server.ts, the v2beta1 swagger), MLRun
 * (mlrun-server.ts, server/api/crud/workflows.py).
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { dirname } from 'node:path'
import { createOrchestrator } from '../../src/adapters/orchestrators/index.js'
import type { RunScope, SubmitRequest } from '../../src/adapters/orchestrators/types.js'
import type { RunContext } from '../../src/app/ports.js'
import { runWorkflow } from '../../src/app/run-workflow.js'
import { parseConfig } from '../../src/core/config/load.js'
import { startArgoServer } from '../fakes/argo-server.js'
import { startKfpServer } from '../fakes/kfp-server.js'
import { startMlrunServer } from '../fakes/mlrun-server.js'
import { sharedFile } from '../helpers/shared.js'
import { startFake, TOKEN, TOKEN_ENV, type FakeCluster } from '../submit-train/kits.js'
import type { Fault } from './faults.js'

const kfpSpec = sharedFile('specs/kfp-v2beta1.swagger.json')
const argoSpec = sharedFile('specs/argo-workflows.swagger.json')
const specDir = dirname(kfpSpec ?? argoSpec ?? '/nonexistent/specs/x')
const kinds = (['mlrun', 'kfp', 'argo'] as const).filter(kind =>
  kind === 'mlrun' ? true : kind === 'kfp' ? !!kfpSpec : !!argoSpec
)

let fake: FakeCluster | undefined
const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  await fake?.close()
  fake = undefined
  while (closers.length) await closers.pop()!()
})

const quiet = {
  lines: [] as string[],
  info(message: string) {
    this.lines.push(message)
  },
  debug: () => {},
  warning(message: string) {
    this.lines.push(`warning: ${message}`)
  },
  error: () => {},
  group: <T>(_: string, fn: () => Promise<T>) => fn(),
  secret: () => {}
}

const github: RunContext = {
  repository: { owner: 'acme', repo: 'heart' },
  sha: 'c0ffee'.padEnd(40, '0'),
  ref: 'refs/heads/development',
  branch: 'development',
  actor: 'octocat',
  runId: '5001',
  runAttempt: '1',
  job: 'train',
  runUrl: 'https://github.com/acme/heart/actions/runs/5001'
}

function configFor(cluster: FakeCluster) {
  return parseConfig(
    'promote.yaml',
    [
      'project: heart',
      'model: {name: model}',
      `clusters: {dev: ${cluster.clusterYaml()}}`,
      'environments:',
      '  development: {branch: development, cluster: dev}',
      'deployment: {workflow: train}',
      'workflows:',
      '  train: {arguments: {epochs: 3}}'
    ].join('\n')
  )
}

function submit(
  cluster: FakeCluster,
  context: Partial<RunContext> = {},
  overrides: Record<string, unknown> = {}
) {
  return runWorkflow({
    config: configFor(cluster),
    context: { ...github, ...context },
    overrides,
    wait: false,
    log: quiet,
    orchestrator: { env: { [TOKEN_ENV]: TOKEN }, pollScale: 0.001 }
  })
}

describe.each(kinds)('one run per submission on %s', kind => {
  test('two jobs of one run, two matrix values, other arguments: each its own run; a re-run adopts its own', async () => {
    fake = await startFake(kind, specDir, { hang: true })
    const a = await submit(fake, { job: 'train-a' })
    const b = await submit(fake, { job: 'train-b' })
    const py39 = await submit(fake, { job: 'train-a', matrix: '{"python": "3.9"}' })
    const py310 = await submit(fake, { job: 'train-a', matrix: '{"python": "3.10"}' })
    const other = await submit(fake, { job: 'train-a' }, { epochs: 9 })
    const runs = [a, b, py39, py310, other].map(r => r.submitted)
    expect(runs.every(r => !r.adopted)).toBe(true)
    expect(new Set(runs.map(r => r.runId)).size).toBe(5)
    expect(fake.runCount()).toBe(5)

    // Attempt 2 of job B (its matrix written in another key order) follows B's run, not A's.
    const rerun = await submit(fake, { job: 'train-b', runAttempt: '2' })
    expect(rerun.submitted).toMatchObject({ adopted: true, runId: b.submitted.runId })
    const rerunMatrix = await submit(fake, {
      job: 'train-a',
      matrix: '{ "python" : "3.10" }',
      runAttempt: '2'
    })
    expect(rerunMatrix.submitted).toMatchObject({ adopted: true, runId: py310.submitted.runId })
    expect(fake.runCount()).toBe(5)
    expect(fake.violations).toEqual([])
  })
})

const ambiguous: Array<[string, Omit<Fault, 'method' | 'path'>]> = [
  ['a 503 sent after the server accepted it', { kind: 'accept-then-status', status: 503 }],
  [
    'a 429 with Retry-After sent after the server accepted it',
    { kind: 'accept-then-status', status: 429, headers: { 'retry-after': '2' } }
  ],
  ['a connection reset after the server accepted it', { kind: 'accept-then-reset' }],
  ['a 503 before the server saw it', { kind: 'status', status: 503 }],
  ['a 429 before the server saw it', { kind: 'status', status: 429 }]
]

describe.each(kinds)('an ambiguous submission on %s', kind => {
  test.each(ambiguous)('%s: exactly one remote run', async (_, fault) => {
    fake = await startFake(kind, specDir, { hang: true })
    fake.faults.add({ method: 'POST', path: fake.submitPath, ...fault })
    quiet.lines.length = 0
    const result = await submit(fake)
    expect(fake.faults.fired).toHaveLength(1)
    expect(fake.runCount()).toBe(1)
    expect(quiet.lines.join('\n')).toContain('may have reached the cluster')
    if (fault.kind !== 'status') {
      expect(result.submitted.adopted).toBe(true)
      expect(quiet.lines.join('\n')).toContain('The first submission did arrive')
    } else {
      expect(result.submitted.adopted).toBe(false)
    }
    expect(fake.violations).toEqual([])
  })

  test('with no run id, the post step finds the run by the identity saved before sending and cancels it', async () => {
    fake = await startFake(kind, specDir, { hang: true })
    fake.faults.add({
      method: 'POST',
      path: fake.submitPath,
      kind: 'accept-then-status',
      status: 502
    })
    let saved: Parameters<NonNullable<Parameters<typeof runWorkflow>[0]['onSubmitting']>>[0]
    await runWorkflow({
      config: configFor(fake),
      context: github,
      wait: false,
      log: quiet,
      orchestrator: { env: { [TOKEN_ENV]: TOKEN }, pollScale: 0.001 },
      onSubmitting: info => (saved = info)
    })
    const { cancelLeftRun } = await import('../../src/app/left-run.js')
    const client = await createOrchestrator(configFor(fake).clusters.dev!, {
      env: { [TOKEN_ENV]: TOKEN },
      pollScale: 0.001
    })
    const outcome = await cancelLeftRun(
      client,
      {
        submission: saved!.identity,
        scope: { project: saved!.project, workflow: saved!.workflow }
      },
      quiet,
      async () => {}
    )
    expect(outcome.cancelled).toHaveLength(1)
    expect(fake.cancelCalls()).toBeGreaterThan(0)
  })
})

/** Labels of a submission with another hash: the same key, another job or other arguments. */
const requestWith = (submission: string, overrides: Partial<SubmitRequest> = {}) => ({
  workflow: 'train',
  arguments: { epochs: 3 },
  project: 'heart',
  labels: {
    'promote-actions/run': 'gh1-train-dev-0123abcd',
    'promote-actions/attempt': '1',
    'promote-actions/submission': submission
  },
  displayName: 'gh1-train-dev-0123abcd-a1',
  ...overrides
})
const scope: RunScope = { project: 'heart', workflow: 'train' }
const options = { env: { TOKEN: 't' }, pollScale: 0.001 }

describe('findRuns checks the submission, not only the key', () => {
  const mine = { key: 'gh1-train-dev-0123abcd', submission: '0123abcd00000001' }
  test('Argo: the label selector names both, and labels are checked', async () => {
    if (!argoSpec) return
    const argo = await startArgoServer({ specFile: argoSpec, templates: { train: {} } })
    closers.push(() => argo.close())
    const client = await createOrchestrator(
      { kind: 'argo', url: argo.url, namespace: 'ml' },
      options
    )
    const { runId } = await client.submit(requestWith(mine.submission))
    await client.submit(requestWith('0123abcd00000002'))
    expect((await client.findRuns(mine, scope)).map(r => r.runId)).toEqual([runId])
    const list = argo.requests.find(r => r.method === 'GET' && r.path === '/api/v1/workflows/ml')!
    expect(list.query.get('listOptions.labelSelector')).toBe(
      'promote-actions/run=gh1-train-dev-0123abcd,promote-actions/submission=0123abcd00000001'
    )
    expect(argo.violations).toEqual([])
  })

  test('KFP: the display name finds candidates, the description must name this submission', async () => {
    if (!kfpSpec) return
    const kfp = await startKfpServer({ specFile: kfpSpec, pipelines: { train: {} } })
    closers.push(() => kfp.close())
    const client = await createOrchestrator({ kind: 'kfp', url: kfp.url }, options)
    const { runId } = await client.submit(requestWith(mine.submission))
    await client.submit(requestWith('0123abcd00000002'))
    // A longer key containing ours (its description starts the same): not ours either.
    await client.submit(
      requestWith(mine.submission, {
        labels: {
          'promote-actions/run': 'gh1-train-dev-0123abcd-x',
          'promote-actions/attempt': '1',
          'promote-actions/submission': mine.submission
        },
        displayName: 'gh1-train-dev-0123abcd-x-a1'
      })
    )
    expect((await client.findRuns(mine, scope)).map(r => r.runId)).toEqual([runId])
    expect(kfp.violations).toEqual([])
  })

  test('MLRun (no labels on the submit API): the exact name, the workflow and the arguments sent', async () => {
    const mlrun = await startMlrunServer({ projects: { heart: { train: {} } } })
    closers.push(() => mlrun.close())
    const client = await createOrchestrator(
      { kind: 'mlrun', url: mlrun.url, clientVersion: '1.7.0', createProject: true },
      options
    )
    const { runId } = await client.submit(requestWith(mine.submission))
    await client.submit(requestWith('0123abcd00000002', { arguments: { epochs: 4 } }))
    expect(
      (await client.findRuns({ ...mine, arguments: { epochs: 3 } }, scope)).map(r => r.runId)
    ).toEqual([runId])
    expect(await client.findRuns({ ...mine, arguments: { epochs: 5 } }, scope)).toEqual([])
    expect(mlrun.violations).toEqual([])
  })

  test('command: runs of this process with the same key and hash only', async () => {
    const client = await createOrchestrator({ kind: 'command' }, options)
    const run = await client.submit(requestWith(mine.submission, { command: 'true' }))
    await client.submit(requestWith('0123abcd00000002', { command: 'true' }))
    expect((await client.findRuns(mine, scope)).map(r => r.runId)).toEqual([run.runId])
  })
})

describe('every remote run names the GitHub run that started it', () => {
  const context: Partial<RunContext> = { actor: 'dependabot[bot]', job: 'train' }

  test('Argo: labels (commit, actor, GitHub run id) and annotations (repository, commit, actor, run URL)', async () => {
    if (!argoSpec) return
    const argo = await startArgoServer({ specFile: argoSpec, templates: { train: { hang: true } } })
    closers.push(() => argo.close())
    await runWorkflow({
      config: parseConfig(
        'promote.yaml',
        [
          'project: heart',
          'model: {name: model}',
          `clusters: {dev: {kind: argo, url: '${argo.url}', namespace: ml}}`,
          'environments: {development: {branch: development, cluster: dev}}',
          'deployment: {workflow: train}',
          'workflows: {train: {}}'
        ].join('\n')
      ),
      context: { ...github, ...context },
      wait: false,
      log: quiet,
      orchestrator: { env: {}, pollScale: 0.001 }
    })
    const wf = argo.workflows[0]!
    expect(wf.labels).toMatchObject({
      'promote-actions/commit': github.sha,
      'promote-actions/actor': 'dependabot-bot',
      'promote-actions/github-run': '5001'
    })
    expect(wf.annotations).toEqual({
      'promote-actions/repository': 'acme/heart',
      'promote-actions/commit': github.sha,
      'promote-actions/actor': 'dependabot[bot]',
      'promote-actions/run-url': 'https://github.com/acme/heart/actions/runs/5001',
      'promote-actions/job': 'train'
    })
    expect(argo.violations).toEqual([])
  })

  test('KFP: the description, words of key=value', async () => {
    if (!kfpSpec) return
    const kfp = await startKfpServer({ specFile: kfpSpec, pipelines: { train: {} } })
    closers.push(() => kfp.close())
    await runWorkflow({
      config: parseConfig(
        'promote.yaml',
        [
          'project: heart',
          'model: {name: model}',
          `clusters: {dev: {kind: kfp, url: '${kfp.url}'}}`,
          'environments: {development: {branch: development, cluster: dev}}',
          'deployment: {workflow: train}',
          'workflows: {train: {}}'
        ].join('\n')
      ),
      context: { ...github, ...context },
      wait: false,
      log: quiet,
      orchestrator: { env: {}, pollScale: 0.001 }
    })
    const { runDescriptionEntries } = await import('../../src/adapters/orchestrators/kfp.js')
    expect(runDescriptionEntries(kfp.runs[0]!.description)).toMatchObject({
      'promote-actions/repository': 'acme/heart',
      'promote-actions/commit': github.sha,
      'promote-actions/actor': 'dependabot[bot]',
      'promote-actions/run-url': 'https://github.com/acme/heart/actions/runs/5001'
    })
    expect(kfp.violations).toEqual([])
  })
})
