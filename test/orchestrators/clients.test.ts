import { afterEach, expect, test } from '@jest/globals'
import { HttpError } from '../../src/adapters/http.js'
import { createOrchestrator } from '../../src/adapters/orchestrators/index.js'
import { CancelFailedError, type SubmitRequest } from '../../src/adapters/orchestrators/types.js'
import { startArgoServer } from '../fakes/argo-server.js'
import { startKfpServer } from '../fakes/kfp-server.js'
import { startMlrunServer } from '../fakes/mlrun-server.js'
import { describeWithShared } from '../helpers/shared.js'

const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  while (closers.length) await closers.pop()!()
})

const options = { env: { TOKEN: 't' }, pollScale: 0.001 }
const request = (overrides: Partial<SubmitRequest> = {}): SubmitRequest => ({
  workflow: 'train',
  arguments: { epochs: 3, layers: [8, 4], name: 'heart' },
  project: 'heart',
  labels: {
    'promote-actions/run': 'gh9-train-development',
    'promote-actions/attempt': '1',
    'promote-actions/submission': '0123456789abcdef'
  },
  displayName: 'gh9-train-development-a1',
  ...overrides
})

const kfpShared = describeWithShared('specs/kfp-v2beta1.swagger.json')
kfpShared.describe('KFP client', () => {
  const specFile = kfpShared.file!
  test('a run cancelled by someone else ends the wait as cancelled (unlike the SDK)', async () => {
    const kfp = await startKfpServer({ specFile, token: 't', pipelines: { train: { hang: true } } })
    closers.push(() => kfp.close())
    const client = await createOrchestrator(
      { kind: 'kfp', url: kfp.url, tokenEnv: 'TOKEN' },
      options
    )
    const { runId } = await client.submit(request())
    kfp.runs[0]!.terminatedAtPoll = 0
    const status = await client.wait(runId, { timeoutMs: 30_000 })
    expect(status.state).toBe('cancelled')
    expect(status.rawState).toBe('CANCELED')
    expect(kfp.violations).toEqual([])
  })

  test('a configured pipelineId skips the lookup by name; parameters keep their JSON types', async () => {
    const kfp = await startKfpServer({ specFile, pipelines: { train: {} } })
    closers.push(() => kfp.close())
    const client = await createOrchestrator(
      { kind: 'kfp', url: kfp.url, experimentId: 'exp-7' },
      options
    )
    await client.submit(request({ pipelineId: kfp.pipelineIds.train!, pipelineVersionId: 'v9' }))
    expect(kfp.requests.some(r => r.path.includes('/pipelines/names/'))).toBe(false)
    expect(kfp.requests[0]!.body).toMatchObject({
      display_name: 'gh9-train-development-a1',
      experiment_id: 'exp-7',
      pipeline_version_reference: { pipeline_id: kfp.pipelineIds.train, pipeline_version_id: 'v9' },
      runtime_config: { parameters: { epochs: 3, layers: [8, 4], name: 'heart' } }
    })
    expect(kfp.violations).toEqual([])
  })

  test('a 4xx on a status poll is not retried', async () => {
    const kfp = await startKfpServer({ specFile, pipelines: { train: {} } })
    closers.push(() => kfp.close())
    const client = await createOrchestrator({ kind: 'kfp', url: kfp.url }, options)
    const { runId } = await client.submit(request())
    kfp.faults.add({
      method: 'GET',
      path: /\/runs\//,
      kind: 'status',
      status: 403,
      body: { code: 7, message: 'namespace forbidden' }
    })
    await expect(client.wait(runId, { timeoutMs: 30_000 })).rejects.toThrow(
      /403: namespace forbidden/
    )
    expect(
      kfp.requests.filter(r => r.method === 'GET' && r.path.startsWith('/apis/v2beta1/runs/'))
    ).toHaveLength(1)
  })

  test('429 answering the submission is not resent by the client: ambiguous, with Retry-After', async () => {
    const kfp = await startKfpServer({ specFile, pipelines: { train: {} } })
    closers.push(() => kfp.close())
    kfp.faults.add({
      method: 'POST',
      path: /^\/apis\/v2beta1\/runs$/,
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '3' }
    })
    const client = await createOrchestrator({ kind: 'kfp', url: kfp.url }, options)
    const error = await client.submit(request()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HttpError)
    expect(error).toMatchObject({ status: 429, ambiguous: true, retryAfterMs: 3000 })
    expect(kfp.requests.filter(r => r.method === 'POST')).toHaveLength(1)
  })
})

const argoShared = describeWithShared('specs/argo-workflows.swagger.json')
argoShared.describe('Argo client', () => {
  test('submits parameters and labels in the Argo Server form and keeps status polls small', async () => {
    // No event stream (404, as behind a proxy that drops it), so the wait polls.
    const argo = await startArgoServer({
      specFile: argoShared.file!,
      templates: { train: {} },
      events: 404
    })
    closers.push(() => argo.close())
    const client = await createOrchestrator(
      { kind: 'argo', url: argo.url, namespace: 'ml' },
      options
    )
    const { runId } = await client.submit(request())
    expect(argo.requests[0]!.body).toEqual({
      namespace: 'ml',
      resourceKind: 'WorkflowTemplate',
      resourceName: 'train',
      submitOptions: {
        generateName: 'train-',
        parameters: ['epochs=3', 'layers=[8,4]', 'name=heart'],
        labels:
          'promote-actions/run=gh9-train-development,promote-actions/attempt=1,promote-actions/submission=0123456789abcdef'
      }
    })
    await client.wait(runId, { timeoutMs: 30_000 })
    const poll = argo.requests.find(r => r.method === 'GET' && r.path.endsWith(runId))!
    expect(poll.query.get('fields')).toContain('status.phase')
    expect(
      await client.findRuns(
        { key: 'gh9-train-development', submission: '0123456789abcdef' },
        { project: 'heart', workflow: 'train' }
      )
    ).toEqual([expect.objectContaining({ runId, state: 'succeeded', attempt: 1 })])
    expect(argo.violations).toEqual([])
  })
})

test("MLRun submit sends the environment's source over the cluster's", async () => {
  const mlrun = await startMlrunServer({ projects: { heart: { train: {} } } })
  closers.push(() => mlrun.close())
  const cluster = {
    kind: 'mlrun' as const,
    url: mlrun.url,
    clientVersion: '1.7.0',
    createProject: true,
    source: 'git://github.com/acme/heart.git'
  }
  const client = await createOrchestrator(cluster, options)
  await client.submit(request({ source: 'git://github.com/acme/heart.git#staging' }))
  await client.submit(request({ displayName: 'gh9-train-development-a2' }))
  const submits = mlrun.requests.filter(r => r.method === 'POST' && r.path.endsWith('/submit'))
  expect(submits.map(r => (r.body as { source?: string }).source)).toEqual([
    'git://github.com/acme/heart.git#staging',
    'git://github.com/acme/heart.git'
  ])
  expect(mlrun.violations).toEqual([])
})

test('MLRun on an older server without pipeline terminate: cancel aborts the runner and says the pipeline goes on', async () => {
  const mlrun = await startMlrunServer({
    terminateSupported: false,
    projects: { heart: { train: { hang: true, runnerPolls: 0 } } }
  })
  closers.push(() => mlrun.close())
  const client = await createOrchestrator(
    { kind: 'mlrun', url: mlrun.url, clientVersion: '1.7.0', createProject: true },
    options
  )
  const { runId } = await client.submit(request())
  // The pipeline is running once the runner reported it.
  expect((await client.getStatus(runId)).state).toBe('running')
  mlrun.runners[0]!.state = 'running'
  const refused = await client.cancel(runId).catch(e => e)
  expect(refused).toBeInstanceOf(CancelFailedError)
  expect((refused as Error).message).toMatch(
    /no pipeline terminate endpoint .*runner .* was aborted, but pipeline .* goes on/
  )
  expect(mlrun.terminated).toEqual([])
  expect(mlrun.aborted).toEqual([runId])
  // What httpdb.py submit_workflow sends: spec with the workflow's name, the run name.
  expect(mlrun.runners[0]!.body).toEqual({
    spec: { name: 'train' },
    arguments: request().arguments,
    run_name: 'gh9-train-development-a1'
  })
  expect(mlrun.violations).toEqual([])
})

test('MLRun: a client that only knows the run id (a post step) finds its project and cancels it', async () => {
  const mlrun = await startMlrunServer({
    projects: { heart: { train: { hang: true, runnerPolls: 0 } } }
  })
  closers.push(() => mlrun.close())
  const cluster = {
    kind: 'mlrun' as const,
    url: mlrun.url,
    clientVersion: '1.7.0',
    createProject: true
  }
  const { runId } = await (await createOrchestrator(cluster, options)).submit(request())
  const fresh = await createOrchestrator(cluster, options)
  expect((await fresh.getStatus(runId)).state).toBe('running')
  await fresh.cancel(runId)
  expect(mlrun.terminated).toEqual([mlrun.runners[0]!.workflowId])
  expect(mlrun.aborted).toEqual([runId])
})
