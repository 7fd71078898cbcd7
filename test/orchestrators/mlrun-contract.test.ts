/**
 * The MLRun adapter against MLRun's own contract. Each test names the MLRun file (mlrun/mlrun,
 * 1.6–1.8) whose behaviour it holds the adapter and the test server to.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { ConfigurationError } from '../../src/core/errors.js'
import { createOrchestrator } from '../../src/adapters/orchestrators/index.js'
import { fastApiDetail } from '../../src/adapters/orchestrators/mlrun.js'
import type { SubmitRequest } from '../../src/adapters/orchestrators/types.js'
import { submittedProject } from '../../src/app/notify.js'
import { runLabels, runWorkflow } from '../../src/app/run-workflow.js'
import { pipelineFactsSchema } from '../../src/core/facts.js'
import { parseConfig } from '../../src/core/config/load.js'
import { normalizeProjectUsername, resolveEnvironment } from '../../src/core/config/resolve.js'
import { buildSlackMessage, buildStageReply } from '../../src/core/notification.js'
import { renderMarkdown } from '../../src/core/report.js'
import { startMlrunServer, type MlrunServer } from '../fakes/mlrun-server.js'

const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  while (closers.length) await closers.pop()!()
})

const options = { env: { TOKEN: 't' }, pollScale: 0.001 }
const cluster = (url: string, extra: Record<string, unknown> = {}) => ({
  kind: 'mlrun' as const,
  url,
  clientVersion: '1.7.0',
  createProject: true,
  ...extra
})
const request = (overrides: Partial<SubmitRequest> = {}): SubmitRequest => ({
  workflow: 'train',
  arguments: { epochs: 3, allow_validation_failure: false, test_size: 0 },
  project: 'heart',
  labels: { 'promote-actions/run': 'gh9-train-development', 'promote-actions/attempt': '1' },
  displayName: 'gh9-train-development-a1',
  ...overrides
})

async function server(...args: Parameters<typeof startMlrunServer>): Promise<MlrunServer> {
  const mlrun = await startMlrunServer(...args)
  closers.push(() => mlrun.close())
  return mlrun
}

/** A raw request to the test server, to hold it to MLRun's answers. */
async function send(mlrun: MlrunServer, method: string, path: string, body?: unknown) {
  const response = await fetch(`${mlrun.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-mlrun-client-version': '1.7.0' },
    ...(body !== undefined && { body: JSON.stringify(body) })
  })
  return { status: response.status, body: (await response.json()) as unknown }
}

describe('server/api/api/endpoints/workflows.py submit_workflow', () => {
  test('a request without spec is a 500 (spec.name is read unguarded); with spec it runs', async () => {
    const mlrun = await server({ projects: { heart: { train: {} } } })
    const path = '/api/v1/projects/heart/workflows/train/submit'
    const without = await send(mlrun, 'POST', path, { arguments: {}, run_name: 'r1' })
    expect(without.status).toBe(500)
    expect(without.body).toEqual({
      detail: `AttributeError("'NoneType' object has no attribute 'name'")`
    })
    const withSpec = await send(mlrun, 'POST', path, { spec: { name: 'train' }, run_name: 'r2' })
    expect(withSpec.status).toBe(202)
    expect(withSpec.body).toMatchObject({ project: 'heart', name: 'train', status: 'running' })
    expect(mlrun.runners.map(r => r.name)).toEqual(['r2'])
  })

  test('a workflow neither in the project nor in the request: 400 "Workflow X not found in project"', async () => {
    const mlrun = await server({ projects: { heart: { train: {} } } })
    const reply = await send(mlrun, 'POST', '/api/v1/projects/heart/workflows/deploy/submit', {})
    expect(reply).toEqual({
      status: 400,
      body: { detail: { reason: 'Workflow deploy not found in project' } }
    })
    // With spec (as the adapter sends it) the request is the workflow: MLRun runs it, and the
    // runner finds it in the project that project_setup.py in the source defines.
    const client = await createOrchestrator(cluster(mlrun.url), options)
    await client.submit(request({ workflow: 'deploy', workflowPath: 'src/workflows/deploy.py' }))
    expect(mlrun.runners[0]!.spec).toMatchObject({
      name: 'deploy',
      path: 'src/workflows/deploy.py'
    })
  })

  test('wrong types are pydantic 422s (mlrun/common/schemas/workflow.py WorkflowRequest)', async () => {
    const mlrun = await server({ projects: { heart: { train: {} } } })
    const reply = await send(mlrun, 'POST', '/api/v1/projects/heart/workflows/train/submit', {
      spec: { name: 'train', args: [1] },
      arguments: 'epochs=3'
    })
    expect(reply.status).toBe(422)
    expect(reply.body).toEqual({
      detail: [
        { loc: ['body', 'arguments'], msg: 'value is not a valid dict', type: 'type_error.dict' },
        {
          loc: ['body', 'spec', 'args'],
          msg: 'value is not a valid dict',
          type: 'type_error.dict'
        }
      ]
    })
    expect(fastApiDetail(reply.body)).toBe(
      'body.arguments: value is not a valid dict; body.spec.args: value is not a valid dict'
    )
  })

  test('the adapter sends what httpdb.py submit_workflow sends; the runner is named after run_name and labelled with it (crud/workflows.py run)', async () => {
    const mlrun = await server({ token: 't', projects: { heart: { train: {} } } })
    const client = await createOrchestrator(
      cluster(mlrun.url, {
        tokenEnv: 'TOKEN',
        source: 'git://github.com/acme/heart.git#development',
        artifactPath: 'v3io:///projects/{{run.project}}/artifacts'
      }),
      options
    )
    const { runId } = await client.submit(
      request({ workflowPath: 'src/workflows/train_workflow.py' })
    )
    const submit = mlrun.requests.find(r => r.path.endsWith('/submit'))!
    expect(submit.headers['x-mlrun-client-version']).toBe('1.7.0')
    expect(submit.body).toEqual({
      spec: { name: 'train', path: 'src/workflows/train_workflow.py' },
      arguments: { epochs: 3, allow_validation_failure: false, test_size: 0 },
      artifact_path: 'v3io:///projects/{{run.project}}/artifacts',
      source: 'git://github.com/acme/heart.git#development',
      run_name: 'gh9-train-development-a1'
    })
    const runner = mlrun.runners[0]!
    expect(runner.uid).toBe(runId)
    expect(runner.name).toBe('gh9-train-development-a1')
    expect(runner.labels).toMatchObject({
      workflow: 'gh9-train-development-a1',
      'job-type': 'workflow-runner',
      project: 'heart'
    })
    // Sent as `arguments`, false and 0 reach the runner; inside spec.args _update_dict drops them.
    expect(runner.arguments).toEqual({ epochs: 3, allow_validation_failure: false, test_size: 0 })
    expect(mlrun.violations).toEqual([])
  })

  test('without run_name the runner is workflow-runner-<spec.name> (mlrun/config.py default_workflow_runner_name)', async () => {
    const mlrun = await server({ projects: { heart: { train: {} } } })
    const reply = await send(mlrun, 'POST', '/api/v1/projects/heart/workflows/train/submit', {
      spec: { name: 'train' }
    })
    expect(reply.status).toBe(202)
    expect(mlrun.runners[0]!.name).toBe('workflow-runner-train')
    expect(mlrun.runners[0]!.labels.workflow).toBe('workflow-runner-train')
  })

  test('a run name MLRun refuses (mlrun/launcher/base.py, regex.run_name) is a 400; ours always fit', async () => {
    const mlrun = await server({ projects: { heart: { train: {} } } })
    const reply = await send(mlrun, 'POST', '/api/v1/projects/heart/workflows/train/submit', {
      spec: { name: 'train' },
      run_name: 'x'.repeat(64)
    })
    expect(reply.status).toBe(400)
    expect(fastApiDetail(reply.body)).toMatch(
      /^Workflow failed: Field 'run.metadata.name' is malformed/
    )
    const labels = runLabels(
      { sha: 'a', ref: 'r', actor: 'me', runId: '12345678901', runAttempt: '100' },
      'a-very-long-workflow-key-for-training',
      'an-environment-with-a-very-long-name'
    )
    expect(`${labels['promote-actions/run']}-a100`.length).toBeLessThanOrEqual(63)
  })

  test('no source in the request nor the project: 400 from crud/workflows.py _validate_source', async () => {
    const mlrun = await server({ projectSource: null, projects: { heart: { train: {} } } })
    const client = await createOrchestrator(cluster(mlrun.url), options)
    const error = await client.submit(request()).catch(e => e as Error)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toContain(
      'Workflow failed: Project source is required. Either specify the source in the project or provide it in the request.'
    )
  })
})

describe('server/api/crud/workflows.py get_workflow_id', () => {
  test('404 while the runner has no workflow_id, then the pipeline; the project 404 names the project', async () => {
    const mlrun = await server({ projects: { heart: { train: { runnerPolls: 2 } } } })
    const client = await createOrchestrator(cluster(mlrun.url), options)
    const { runId } = await client.submit(request())
    expect((await client.getStatus(runId)).state).toBe('pending')
    expect((await client.getStatus(runId)).state).toBe('pending')
    const status = await client.getStatus(runId)
    expect(status.state).toBe('running')
    expect(status.workflowId).toBe(mlrun.runners[0]!.workflowId)
    const missing = await send(mlrun, 'GET', '/api/v1/projects/nope/workflows/train/runs/x')
    expect(missing).toEqual({
      status: 404,
      body: { detail: "MLRunNotFoundError('Project not found: name=nope, project_id=None')" }
    })
    expect(fastApiDetail(missing.body)).toBe('Project not found: name=nope, project_id=None')
  })

  test("412 once the runner failed: the run fails at once with MLRun's text", async () => {
    const mlrun = await server({
      projects: { heart: { train: { runnerError: 'could not clone git://github.com/acme/heart' } } }
    })
    const client = await createOrchestrator(cluster(mlrun.url), options)
    const { runId } = await client.submit(request())
    const status = await client.wait(runId, { timeoutMs: 30_000 })
    expect(status.state).toBe('failed')
    expect(status.error).toBe(
      'Failed to run workflow train, state: error, state_text: could not clone git://github.com/acme/heart'
    )
    expect(mlrun.requests.filter(r => r.path.includes('/workflows/train/runs/'))).toHaveLength(2)
  })
})

describe('server/api/api/endpoints/runs.py list_runs', () => {
  test("a post step that knows only the run id finds its workflow from the runner's workflow_name, not its label", async () => {
    const mlrun = await server({ projects: { heart: { train: { hang: true, runnerPolls: 0 } } } })
    const { runId } = await (
      await createOrchestrator(cluster(mlrun.url), options)
    ).submit(request())
    const fresh = await createOrchestrator(cluster(mlrun.url), options)
    expect((await fresh.getStatus(runId)).state).toBe('running')
    const lookup = mlrun.requests.find(r => r.path === '/api/v1/projects/*/runs')!
    expect(Object.fromEntries(lookup.query)).toEqual({ uid: runId, iter: 'false' })
    await fresh.cancel(runId)
    expect(mlrun.aborted).toEqual([runId])
    expect(mlrun.violations).toEqual([])
  })

  test('findRuns asks for workflow runners by name (~key) and keeps only <key>-a<attempt>', async () => {
    const mlrun = await server({ projects: { heart: { train: {} } } })
    const client = await createOrchestrator(cluster(mlrun.url), options)
    const scope = { project: 'heart', workflow: 'train' }
    await client.submit(request({ displayName: 'gh9-train-development-a1' }))
    await client.submit(request({ displayName: 'gh9-train-development-a2' }))
    await client.submit(request({ displayName: 'gh9-train-dev-a1' }))
    await client.submit(request({ displayName: 'gh9-train-development-extra-a1' }))
    const found = await client.findRuns(
      { key: 'gh9-train-development', submission: '0123456789abcdef' },
      scope
    )
    expect(found.map(r => r.attempt).sort()).toEqual([1, 2])
    expect(found.map(r => r.runId).sort()).toEqual(
      mlrun.runners
        .slice(0, 2)
        .map(r => r.uid)
        .sort()
    )
    const list = mlrun.requests.filter(r => r.path === '/api/v1/projects/heart/runs')[0]!
    expect(list.query.getAll('label')).toEqual(['job-type=workflow-runner'])
    expect(list.query.get('name')).toBe('~gh9-train-development')
    expect(list.query.get('iter')).toBe('false')
    expect(mlrun.violations).toEqual([])
  })

  test('step runs (label workflow=<pipeline id>) give each step its start and end: durations', async () => {
    const mlrun = await server({
      projects: {
        heart: {
          train: {
            steps: [
              { name: 'data', results: { rows: 303 } },
              { name: 'train', artifacts: { model: 'store://models/heart/model#0:latest' } }
            ]
          }
        }
      }
    })
    const client = await createOrchestrator(cluster(mlrun.url), options)
    const { runId } = await client.submit(request())
    const status = await client.wait(runId, { timeoutMs: 30_000 })
    expect(status.state).toBe('succeeded')
    const started = Date.parse(mlrun.runners[0]!.started)
    // The test server runs each step for 30 s from the runner's start.
    expect(status.steps).toEqual([
      expect.objectContaining({
        name: 'data',
        state: 'succeeded',
        startedAt: new Date(started).toISOString(),
        finishedAt: new Date(started + 30_000).toISOString()
      }),
      expect.objectContaining({
        name: 'train',
        startedAt: new Date(started + 30_000).toISOString(),
        finishedAt: new Date(started + 60_000).toISOString()
      })
    ])
    const stepQuery = mlrun.requests.find(r => r.query.get('label')?.startsWith('workflow='))!
    expect(stepQuery.query.get('label')).toBe(`workflow=${mlrun.runners[0]!.workflowId}`)
    expect(stepQuery.query.get('iter')).toBe('false')
    expect(mlrun.violations).toEqual([])
  })
})

describe('server/api/api/endpoints/projects.py and mlrun/db/httpdb.py create_project', () => {
  test('a missing project is created as get_or_create_project does, waited for while creating, then run', async () => {
    const mlrun = await server({
      projects: {},
      createInBackground: 2,
      behaviours: { train: { steps: [{ name: 'train', results: { accuracy: 0.9 } }] } }
    })
    const client = await createOrchestrator(
      cluster(mlrun.url, {
        source: 'git://github.com/acme/heart.git#development',
        artifactPath: 'v3io:///projects/{{run.project}}/artifacts'
      }),
      options
    )
    const { runId } = await client.submit(
      request({
        project: 'heart-dev',
        workflowPath: 'src/workflows/train_workflow.py',
        projectWorkflows: [
          { name: 'train', path: 'src/workflows/train_workflow.py' },
          { name: 'deploy', path: 'src/workflows/deploy_workflow.py' }
        ]
      })
    )
    const create = mlrun.requests.find(r => r.method === 'POST' && r.path === '/api/v1/projects')!
    expect(create.query.get('wait-for-completion')).toBe('false')
    expect(create.body).toMatchObject({
      kind: 'project',
      metadata: { name: 'heart-dev' },
      spec: {
        source: 'git://github.com/acme/heart.git#development',
        artifact_path: 'v3io:///projects/{{run.project}}/artifacts',
        workflows: [
          { name: 'train', path: 'src/workflows/train_workflow.py' },
          { name: 'deploy', path: 'src/workflows/deploy_workflow.py' }
        ]
      }
    })
    // 202, then GET until the project leaves `creating` (ProjectState.terminal_states()).
    const gets = mlrun.requests.filter(
      r => r.method === 'GET' && r.path === '/api/v1/projects/heart-dev'
    )
    expect(gets).toHaveLength(3)
    expect(mlrun.projects.get('heart-dev')!.status.state).toBe('online')
    expect((await client.wait(runId, { timeoutMs: 30_000 })).results).toEqual({ accuracy: 0.9 })
    // Once known, the project is not looked up again.
    await client.submit(request({ project: 'heart-dev', displayName: 'gh9-train-development-a2' }))
    expect(
      mlrun.requests.filter(r => r.method === 'GET' && r.path === '/api/v1/projects/heart-dev')
    ).toHaveLength(3)
    expect(mlrun.violations).toEqual([])
  })

  test('with createProject: false a missing project is a ConfigurationError with the fix', async () => {
    const mlrun = await server({ projects: {} })
    const client = await createOrchestrator(cluster(mlrun.url, { createProject: false }), options)
    const error = await client.submit(request({ project: 'heart-dev' })).catch(e => e as Error)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toContain(
      "MLRun project 'heart-dev' does not exist on " + mlrun.url
    )
    expect((error as Error).message).toContain('python project_run.py --workflow-name train')
    expect((error as Error).message).toContain('remove createProject: false')
    expect(mlrun.requests.some(r => r.method === 'POST')).toBe(false)
  })

  test('the test server refuses what MLRun refuses: a bad project name (400), a duplicate (409), a bad type (422)', async () => {
    const mlrun = await server({ projects: { heart: {} } })
    expect(
      await send(mlrun, 'POST', '/api/v1/projects', { metadata: { name: 'Heart_Dev' } })
    ).toMatchObject({ status: 400 })
    expect(await send(mlrun, 'POST', '/api/v1/projects', { metadata: { name: 'heart' } })).toEqual({
      status: 409,
      body: { detail: "MLRunConflictError('Project already exists')" }
    })
    const bad = await send(mlrun, 'POST', '/api/v1/projects', {
      metadata: { name: 'x' },
      spec: { workflows: { train: 'src/train.py' } }
    })
    expect(bad.status).toBe(422)
    expect(fastApiDetail(bad.body)).toBe('body.spec.workflows: value is not a valid list')
  })
})

describe('mlrun/projects/project.py user_project and mlrun/utils/helpers.py normalize_project_username', () => {
  test.each([
    ['Ana.Maria@Acme.com', 'anamaria'],
    ['john_doe', 'john-doe'],
    ['svc-cicd_', 'svc-cicd'],
    ['José', 'jose'],
    ['admin', 'admin']
  ])('%s → %s', (username, normalized) => {
    expect(normalizeProjectUsername(username)).toBe(normalized)
  })

  const seed = parseConfig(
    'promote.yaml',
    [
      'project: cicd-flow',
      'model: {name: model}',
      'clusters:',
      '  iguazio: {kind: mlrun, url: "http://mlrun.invalid", usernameEnv: V3IO_USERNAME, accessKeyEnv: V3IO_ACCESS_KEY}',
      'environments:',
      '  development: {branch: development, cluster: iguazio}',
      '  staging: {branch: staging, cluster: iguazio, userProject: true}',
      '  master: {branch: master, cluster: iguazio, projectSuffix: -prod, userProject: true}',
      'deployment: {workflow: train}',
      'workflows:',
      '  train: {path: src/workflows/train_workflow.py}'
    ].join('\n')
  )

  test("the seed's --single-cluster-mode names: <project>-<user> for staging and master", () => {
    const env = { V3IO_USERNAME: 'CI_Bot@acme.com' }
    expect(resolveEnvironment(seed, { name: 'development', env }).projectName).toBe('cicd-flow')
    expect(resolveEnvironment(seed, { name: 'staging', env }).projectName).toBe('cicd-flow-ci-bot')
    expect(resolveEnvironment(seed, { name: 'master', env }).projectName).toBe(
      'cicd-flow-prod-ci-bot'
    )
    expect(() => resolveEnvironment(seed, { name: 'staging', env: {} })).toThrow(
      /userProject: true.*V3IO_USERNAME is empty or unset/
    )
  })

  test('the start message, posted before the run exists, names the project as it will be submitted', () => {
    const env = { V3IO_USERNAME: 'CI_Bot@acme.com' }
    const facts = (environment: string) => pipelineFactsSchema.parse({ kind: 'train', environment })
    // The reusable workflow names the environment, or by default the branch (github.ref_name).
    expect(submittedProject(seed, facts('staging'), env)).toBe('cicd-flow-ci-bot')
    expect(submittedProject(seed, facts('master'), env)).toBe('cicd-flow-prod-ci-bot')
    expect(submittedProject(seed, facts('development'), env)).toBe('cicd-flow')
    // Without the user name in the notify step's env it cannot tell: the config's project stays.
    expect(submittedProject(seed, facts('staging'), {})).toBeUndefined()
    const message = buildSlackMessage({
      event: 'started',
      facts: facts('staging'),
      project: submittedProject(seed, facts('staging'), env)!
    })
    expect(message.text).toContain('Started · train · cicd-flow-ci-bot (staging)')
  })

  test('userProject on a cluster without usernameEnv is a config error at the field', () => {
    expect(() =>
      parseConfig(
        'promote.yaml',
        [
          'project: heart',
          'model: {name: model}',
          'clusters: {dev: {kind: mlrun, url: "http://mlrun.invalid", tokenEnv: MLRUN_TOKEN}}',
          'environments:',
          '  staging: {branch: staging, cluster: dev, userProject: true}'
        ].join('\n')
      )
    ).toThrow(/environments\.staging\.userProject.*needs usernameEnv/s)
  })

  test('a run submits to the suffixed project, and its facts, report and Slack message name it with the workflow id and UI link', async () => {
    const mlrun = await server({
      basic: { username: 'CI_Bot@acme.com', accessKey: 'ak' },
      projects: {},
      behaviours: {
        train: {
          steps: [
            { name: 'data', results: { rows: 303 } },
            { name: 'train', results: { accuracy: 0.91 } }
          ]
        }
      }
    })
    const config = parseConfig(
      'promote.yaml',
      [
        'project: cicd-flow',
        'model: {name: model}',
        'clusters:',
        `  iguazio: {kind: mlrun, url: "${mlrun.url}", uiUrl: "https://ui.example.com/mlprojects", usernameEnv: V3IO_USERNAME, accessKeyEnv: V3IO_ACCESS_KEY, source: "git://github.com/acme/cicd-flow.git#{branch}"}`,
        'environments:',
        '  development: {branch: development, cluster: iguazio}',
        '  staging: {branch: staging, cluster: iguazio, userProject: true}',
        'deployment: {workflow: train}',
        'workflows:',
        '  train: {path: src/workflows/train_workflow.py}'
      ].join('\n')
    )
    const env = { V3IO_USERNAME: 'CI_Bot@acme.com', V3IO_ACCESS_KEY: 'ak' }
    const context = {
      sha: 'abc1234',
      ref: 'refs/heads/staging',
      branch: 'staging',
      actor: 'ana',
      runId: '5',
      runAttempt: '1'
    }
    const quiet = {
      info: () => {},
      debug: () => {},
      warning: () => {},
      error: () => {},
      group: <T>(_: string, fn: () => Promise<T>) => fn(),
      secret: () => {}
    }
    const result = await runWorkflow({
      config,
      context,
      log: quiet,
      orchestrator: { env, pollScale: 0.001 }
    })
    expect(result.ok).toBe(true)
    expect(mlrun.projects.get('cicd-flow-ci-bot')!.spec).toMatchObject({
      source: 'git://github.com/acme/cicd-flow.git#staging',
      workflows: [{ name: 'train', path: 'src/workflows/train_workflow.py' }]
    })
    const runner = mlrun.runners[0]!
    expect(runner.project).toBe('cicd-flow-ci-bot')
    const url = `https://ui.example.com/mlprojects/projects/cicd-flow-ci-bot/jobs/monitor-workflows/workflow/${runner.workflowId}`
    expect(result.facts).toMatchObject({
      project: 'cicd-flow-ci-bot',
      workflowId: runner.workflowId,
      runUrl: url
    })
    expect(
      result.facts.steps.map(s => [s.name, s.startedAt !== undefined, s.finishedAt !== undefined])
    ).toEqual([
      ['data', true, true],
      ['train', true, true]
    ])
    const markdown = renderMarkdown(result.report)
    expect(markdown).toContain(`| **Workflow id** | ${runner.workflowId} |`)
    expect(markdown).toContain('| data | succeeded (completed) | 30s |')

    const started = buildSlackMessage({
      event: 'started',
      facts: { ...result.facts, state: 'running', steps: [] }
    })
    expect(started.text).toContain('cicd-flow-ci-bot (staging)')
    expect(started.text).toContain(`workflow id=${runner.workflowId}`)
    expect(started.text).toContain(`check progress in ${url}`)
    expect(JSON.stringify(started.blocks)).toContain(
      `*Workflow id*\\n<${url}|${runner.workflowId}>`
    )
    const reply = buildStageReply({ event: 'succeeded', facts: result.facts })
    expect(JSON.stringify(reply.blocks)).toContain('data  succeeded (30s)')
    expect(mlrun.violations).toEqual([])
  })
})

describe('adoption (src/app/run-workflow.ts submitOnce with the MLRun naming)', () => {
  test('a re-run of the same GitHub run adopts the runner instead of submitting twice', async () => {
    const mlrun = await server({ projects: { heart: { train: {} } } })
    const config = parseConfig(
      'promote.yaml',
      [
        'project: heart',
        'model: {name: model}',
        `clusters: {dev: {kind: mlrun, url: "${mlrun.url}", tokenEnv: TOKEN}}`,
        'environments:',
        '  development: {branch: development, cluster: dev}',
        'deployment: {workflow: train}',
        'workflows: {train: {}}'
      ].join('\n')
    )
    const context = {
      sha: 'a',
      ref: 'r',
      branch: 'development',
      actor: 'me',
      runId: '9',
      runAttempt: '1'
    }
    const quiet = {
      info: () => {},
      debug: () => {},
      warning: () => {},
      error: () => {},
      group: <T>(_: string, fn: () => Promise<T>) => fn(),
      secret: () => {}
    }
    const first = await runWorkflow({ config, context, log: quiet, orchestrator: options })
    const again = await runWorkflow({ config, context, log: quiet, orchestrator: options })
    expect(first.submitted.adopted).toBe(false)
    expect(again.submitted).toMatchObject({ adopted: true, runId: first.submitted.runId })
    expect(mlrun.runners).toHaveLength(1)
    // The key ends with the submission hash: another job's runner never matches it.
    expect(mlrun.runners[0]!.name).toMatch(/^gh9-train-development-[0-9a-f]{8}-a1$/)
    // A second attempt of the run is a new submission, found by its own attempt suffix.
    const second = await runWorkflow({
      config,
      context: { ...context, runAttempt: '2' },
      log: quiet,
      orchestrator: options
    })
    expect(second.submitted.adopted).toBe(true)
    expect(mlrun.violations).toEqual([])
  })
})
