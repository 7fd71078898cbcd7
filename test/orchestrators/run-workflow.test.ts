import { describe, expect, test } from '@jest/globals'
import { HttpError } from '../../src/adapters/http.js'
import type {
  FoundRun,
  Orchestrator,
  RunStatus,
  SubmitRequest
} from '../../src/adapters/orchestrators/types.js'
import { findModelUri, labelValue, runLabels, runWorkflow } from '../../src/app/run-workflow.js'
import { parseConfig } from '../../src/core/config/load.js'
import { renderMarkdown, renderText } from '../../src/core/report.js'

const config = parseConfig(
  'promote.yaml',
  [
    'project: heart',
    'model: {name: model}',
    'clusters: {dev: {kind: argo, url: "http://argo.invalid"}}',
    'environments:',
    '  development: {branch: development, cluster: dev, arguments: {train: {epochs: 2}}}',
    '  staging: {branch: staging, cluster: dev, projectSuffix: -stg}',
    'deployment: {workflow: train}',
    'workflows:',
    '  train: {name: heart-train, arguments: {epochs: 1, lr: 0.1}, timeout: 5m}'
  ].join('\n')
)

const log = () => {
  const lines: string[] = []
  return {
    lines,
    info: (m: string) => lines.push(m),
    debug: () => {},
    warning: (m: string) => lines.push(`warning: ${m}`),
    error: (m: string) => lines.push(`error: ${m}`),
    group: <T>(title: string, fn: () => Promise<T>) => (lines.push(`group: ${title}`), fn()),
    secret: () => {}
  }
}

/** An in-memory orchestrator: runs succeed after `polls` status reads. */
function memoryOrchestrator(found: FoundRun[] = [], submitErrors: unknown[] = []) {
  const submitted: SubmitRequest[] = []
  const status = (runId: string, done: boolean): RunStatus => ({
    runId,
    state: done ? 'succeeded' : 'running',
    rawState: done ? 'Succeeded' : 'Running',
    steps: [
      {
        name: 'fit',
        state: done ? 'succeeded' : 'running',
        results: done ? { model_uri: 's3://m/1', auc: 0.9 } : {}
      }
    ],
    results: done ? { model_uri: 's3://m/1', auc: 0.9 } : {}
  })
  const orchestrator: Orchestrator = {
    kind: 'argo',
    async submit(request) {
      const error = submitErrors.shift()
      if (error) throw error
      submitted.push(request)
      return { runId: `wf-${submitted.length}`, adopted: false }
    },
    async getStatus(runId) {
      return status(runId, true)
    },
    async wait(runId, options) {
      options.onStatus?.(status(runId, false))
      options.onStatus?.(status(runId, false))
      const done = status(runId, true)
      options.onStatus?.(done)
      return done
    },
    async cancel(runId) {
      return { ...status(runId, false), state: 'cancelled' }
    },
    runUrl: runId => `http://argo.invalid/workflows/ml/${runId}`,
    async findRuns() {
      return found
    },
    listSubmissions: async () => [],
    describeRun: async () => undefined
  }
  return { orchestrator, submitted }
}

const github = {
  sha: 'abc',
  ref: 'refs/heads/development',
  branch: 'development',
  actor: 'ana',
  runId: '77',
  runAttempt: '1'
}

describe('runWorkflow', () => {
  test('merges arguments (config < environment < caller), labels the submission, reports', async () => {
    const { orchestrator, submitted } = memoryOrchestrator()
    const out = log()
    const result = await runWorkflow({
      config,
      context: { ...github, runUrl: 'https://github.com/acme/heart/actions/runs/77' },
      log: out,
      overrides: { lr: 0.05 },
      createOrchestrator: () => orchestrator
    })
    expect(submitted[0]).toMatchObject({
      workflow: 'heart-train',
      project: 'heart',
      arguments: { epochs: 2, lr: 0.05 },
      labels: {
        'promote-actions/run': expect.stringMatching(/^gh77-train-development-[0-9a-f]{8}$/),
        'promote-actions/attempt': '1',
        'promote-actions/submission': expect.stringMatching(/^[0-9a-f]{16}$/)
      },
      displayName: expect.stringMatching(/^gh77-train-development-[0-9a-f]{8}-a1$/)
    })
    const { labels } = submitted[0]!
    expect(labels['promote-actions/run']!.slice(-8)).toBe(
      labels['promote-actions/submission']!.slice(0, 8)
    )
    expect(result.ok).toBe(true)
    expect(result.modelUri).toBe('s3://m/1')
    expect(result.facts).toMatchObject({
      kind: 'train',
      state: 'succeeded',
      model: { name: 'model', uri: 's3://m/1' },
      logUrl: expect.stringContaining('/runs/77')
    })
    // One line per state change, not per poll.
    expect(out.lines.filter(l => /^\[\d+ms\] Running/.test(l))).toHaveLength(1)
    const markdown = renderMarkdown(result.report)
    expect(markdown).toContain('| **Workflow** | train (heart-train) |')
    expect(markdown).toContain('| auc | 0.9 |')
    expect(renderText(result.report)).toContain('Model URI    s3://m/1')
  })

  test('the environment comes from the branch; its project suffix applies', async () => {
    const { orchestrator, submitted } = memoryOrchestrator()
    const result = await runWorkflow({
      config,
      context: { ...github, branch: 'staging' },
      log: log(),
      createOrchestrator: () => orchestrator
    })
    expect(result.environment.name).toBe('staging')
    expect(submitted[0]!.project).toBe('heart-stg')
  })

  test("an MLRun source loads the environment's branch; an environment may name its own", async () => {
    const mlrun = parseConfig(
      'promote.yaml',
      [
        'project: heart',
        'model: {name: model}',
        'clusters:',
        '  iguazio: {kind: mlrun, url: "http://mlrun.invalid", source: "git://github.com/acme/heart.git#{branch}"}',
        'environments:',
        '  development: {branch: development, cluster: iguazio}',
        '  staging: {branch: staging, cluster: iguazio, source: "git://github.com/acme/heart.git#release"}',
        'deployment: {workflow: train}',
        'workflows:',
        '  train: {timeout: 5m}'
      ].join('\n')
    )
    const { orchestrator, submitted } = memoryOrchestrator()
    for (const branch of ['development', 'staging']) {
      await runWorkflow({
        config: mlrun,
        context: { ...github, branch },
        log: log(),
        createOrchestrator: () => orchestrator
      })
    }
    expect(submitted.map(request => request.source)).toEqual([
      'git://github.com/acme/heart.git#development',
      'git://github.com/acme/heart.git#release'
    ])
    // Other cluster kinds have no source to send.
    await runWorkflow({
      config,
      context: github,
      log: log(),
      createOrchestrator: () => orchestrator
    })
    expect(submitted[2]!.source).toBeUndefined()
  })

  test('a re-run follows an earlier attempt still running, but submits again after a failed one', async () => {
    const running = memoryOrchestrator([{ runId: 'wf-old', state: 'running', attempt: 1 }])
    const followed = await runWorkflow({
      config,
      context: { ...github, runAttempt: '2' },
      log: log(),
      createOrchestrator: () => running.orchestrator
    })
    expect(followed.submitted).toEqual({ runId: 'wf-old', adopted: true })
    expect(running.submitted).toHaveLength(0)

    const failed = memoryOrchestrator([{ runId: 'wf-old', state: 'failed', attempt: 1 }])
    const fresh = await runWorkflow({
      config,
      context: { ...github, runAttempt: '2' },
      log: log(),
      createOrchestrator: () => failed.orchestrator
    })
    expect(fresh.submitted.adopted).toBe(false)
    expect(failed.submitted[0]!.labels['promote-actions/attempt']).toBe('2')
  })

  test('a non-ambiguous submit error is not retried', async () => {
    const { orchestrator, submitted } = memoryOrchestrator(
      [],
      [new HttpError('400 bad', 400, undefined)]
    )
    await expect(
      runWorkflow({ config, context: github, log: log(), createOrchestrator: () => orchestrator })
    ).rejects.toThrow('400 bad')
    expect(submitted).toHaveLength(0)
  })

  test('an ambiguous submit error that did not land is retried once it is not found', async () => {
    const { orchestrator, submitted } = memoryOrchestrator(
      [],
      [new HttpError('reset', undefined, undefined, true)]
    )
    const out = log()
    const result = await runWorkflow({
      config,
      context: github,
      log: out,
      createOrchestrator: () => orchestrator,
      orchestrator: { pollScale: 0.001 }
    })
    expect(result.ok).toBe(true)
    expect(submitted).toHaveLength(1)
    expect(out.lines.some(l => l.includes('may have reached the cluster'))).toBe(true)
  })

  test('wait: false reports a submitted run', async () => {
    const { orchestrator } = memoryOrchestrator()
    const result = await runWorkflow({
      config,
      context: github,
      log: log(),
      wait: false,
      createOrchestrator: () => orchestrator
    })
    expect(result.ok).toBe(true)
    expect(result.facts.state).toBe('submitted')
    expect(result.report.verdict).toBe('info')
  })
})

describe('labels and model URIs', () => {
  test('label values are Kubernetes-safe and keep the run id when long', () => {
    expect(labelValue('GH 12/Train_Dev!')).toBe('gh-12-train-dev')
    const labels = runLabels(
      { ...github, runId: '123456789' },
      'a-very-long-workflow-name-for-training-models',
      'production-europe-west'
    )
    expect(labels['promote-actions/run']!.length).toBeLessThanOrEqual(63)
    expect(labels['promote-actions/run']).toMatch(/^gh123456789-/)
    expect(
      runLabels({ sha: '', ref: '', actor: 'me' }, 'train', 'dev')['promote-actions/run']
    ).toMatch(/^local-[0-9a-f]{8}-train-dev-[0-9a-f]{8}$/)
  })

  test('model URI: a model_uri result first, else a store://models/ artifact', () => {
    const base = { runId: 'r', state: 'succeeded' as const, rawState: 'Succeeded', results: {} }
    expect(
      findModelUri({
        ...base,
        steps: [
          {
            name: 'a',
            state: 'succeeded',
            results: { data: 'store://datasets/x', model: 'store://models/p/m#0:latest' }
          }
        ]
      })
    ).toBe('store://models/p/m#0:latest')
    expect(findModelUri({ ...base, results: { modelUri: 'mlflow:/m/3' }, steps: [] })).toBe(
      'mlflow:/m/3'
    )
    expect(findModelUri({ ...base, steps: [] })).toBeUndefined()
  })
})
