/**
 * A stateful fake of MLRun's workflow API (the remote engine that `project.run(engine="remote")`
 * uses), on loopback, following the contract in issue 3:
 *
 *   POST /api/v1/projects/{p}/workflows/{name}/submit   body {spec?, arguments, source?, artifact_path?,
 *        notifications?, run_name?} -> 202 {project, name, status, run_id, schedule}; unknown workflow
 *        -> 400 {"detail": {"reason": ...}}. Creates the runner run (its uid is run_id).
 *   GET  /api/v1/projects/{p}/workflows/{name}/runs/{uid}?engine=kfp -> {workflow_id}; 404 while the
 *        runner has not started the pipeline (`runnerPolls`), 412 when the runner failed (`runnerError`).
 *   GET  /api/v1/projects/{p}/pipelines/{id}?format=summary -> {graph, run: {id, name, status, error,
 *        created_at, finished_at, message}}; each poll moves it along (Running for `runningPolls`,
 *        then Succeeded / Failed with `error`, `hang` stays Running); statuses are MLRun's mixed case.
 *   POST /api/v1/projects/{p}/pipelines/{id}/terminate  -> the pipeline turns Canceled (404 when
 *        `terminateSupported: false`, as on older servers).
 *   POST /api/v1/projects/{p}/runs/{uid}/abort           -> the runner run is aborted.
 *   GET  /api/v1/projects/{p}/runs?label=workflow=<id>   -> {runs: [{metadata, status: {state, results,
 *        artifact_uris}}]} the step runs; ?name=~text matches run names containing text;
 *        project `*` with ?uid= finds a runner run in any project.
 * Every request needs x-mlrun-client-version and valid auth (Bearer token, or Basic user:access-key);
 * errors are FastAPI `{"detail": ...}`. Malformed requests get 422 FastAPI validation errors and are
 * recorded in `violations` (tests end with `expect(mlrun.violations).toEqual([])`).
 */
import { randomBytes } from 'node:crypto'
import { startServer, type RecordedRequest, type TestServer } from '../helpers/http-server.js'
import { Faults, withFaults } from '../orchestrators/faults.js'

export interface FakeMlrunWorkflow {
  steps?: Array<{
    name: string
    results?: Record<string, unknown>
    artifacts?: Record<string, string>
  }>
  outcome?: 'Succeeded' | 'Failed' | 'Error' | 'Skipped'
  error?: string
  /** Workflow-run lookups answered 404 before the runner reports the pipeline id. */
  runnerPolls?: number
  /** The runner fails: 412 with this reason. */
  runnerError?: string
  runningPolls?: number
  hang?: boolean
}

export interface FakeRunnerRun {
  uid: string
  name: string
  project: string
  workflow: string
  arguments: Record<string, unknown>
  body: Record<string, unknown>
  state: string
  lookups: number
  workflowId: string
  polls: number
  terminated: boolean
  started: string
  def: FakeMlrunWorkflow
}

export interface MlrunServer extends TestServer {
  runners: FakeRunnerRun[]
  violations: string[]
  faults: Faults
  terminated: string[]
  aborted: string[]
}

const detail = (reason: string) => ({ detail: { reason } })

function pipelineStatus(run: FakeRunnerRun): string {
  if (run.terminated) return 'Canceled'
  if (run.def.hang || run.polls <= (run.def.runningPolls ?? 2)) return 'Running'
  return run.def.outcome ?? 'Succeeded'
}

export async function startMlrunServer(
  options: {
    token?: string
    basic?: { username: string; accessKey: string }
    projects?: Record<string, Record<string, FakeMlrunWorkflow>>
    terminateSupported?: boolean
  } = {}
): Promise<MlrunServer> {
  const projects = options.projects ?? { demo: { main: {} } }
  const runners: FakeRunnerRun[] = []
  const violations: string[] = []
  const terminated: string[] = []
  const aborted: string[] = []
  const faults = new Faults()

  const invalid = (request: RecordedRequest, problems: string[]) => {
    violations.push(...problems.map(p => `${request.method} ${request.path}: ${p}`))
    return {
      status: 422,
      body: { detail: problems.map(msg => ({ loc: ['body'], msg, type: 'value_error' })) }
    }
  }

  const authorized = (request: RecordedRequest) => {
    const header = request.headers.authorization
    if (options.basic) {
      const expected = `Basic ${Buffer.from(`${options.basic.username}:${options.basic.accessKey}`).toString('base64')}`
      return header === expected
    }
    return !options.token || header === `Bearer ${options.token}`
  }

  const stepRuns = (run: FakeRunnerRun) =>
    (run.def.steps ?? [{ name: 'train' }]).map((step, index, all) => {
      const status = pipelineStatus(run).toLowerCase()
      const last = index === all.length - 1
      const state =
        status === 'succeeded'
          ? 'completed'
          : last
            ? status === 'canceled'
              ? 'aborted'
              : status === 'running'
                ? 'running'
                : 'error'
            : 'completed'
      return {
        kind: 'run',
        metadata: {
          uid: `${run.workflowId.slice(0, 8)}${index}${randomBytes(4).toString('hex')}`,
          name: step.name,
          project: run.project,
          labels: { workflow: run.workflowId, kind: 'job' }
        },
        status: {
          state,
          start_time: new Date(Date.parse(run.started) + index * 1000).toISOString(),
          results: state === 'completed' ? (step.results ?? {}) : {},
          artifact_uris: state === 'completed' ? (step.artifacts ?? {}) : {},
          ...(state === 'error' && { error: run.def.error ?? 'step failed' })
        }
      }
    })

  const route = async (request: RecordedRequest) => {
    if (!request.headers['x-mlrun-client-version'])
      return invalid(request, ['x-mlrun-client-version header is missing'])
    if (!authorized(request))
      return { status: 401, body: { detail: 'Unauthorized: invalid or missing credentials' } }
    const m = /^\/api\/v1\/projects\/([^/]+)\/(.*)$/.exec(request.path)
    if (!m) return { status: 404, body: { detail: 'Not Found' } }
    const project = decodeURIComponent(m[1]!)
    const rest = m[2]!.split('/').map(decodeURIComponent)
    // GET /projects/*/runs?uid=: runs of every project (MLRun's "*" project).
    if (project === '*' && request.method === 'GET' && rest.join('/') === 'runs') {
      const uid = request.query.get('uid')
      const matches = runners.filter(r => !uid || r.uid === uid)
      return {
        status: 200,
        body: {
          runs: matches.map(r => ({
            kind: 'run',
            metadata: {
              uid: r.uid,
              name: r.name,
              project: r.project,
              labels: { 'job-type': 'workflow-runner', workflow: r.workflow }
            },
            status: { state: r.state, start_time: r.started }
          }))
        }
      }
    }
    const workflows = projects[project]
    if (!workflows) return { status: 404, body: detail(`Project ${project} not found`) }

    // POST workflows/{name}/submit
    if (
      request.method === 'POST' &&
      rest[0] === 'workflows' &&
      rest[2] === 'submit' &&
      rest.length === 3
    ) {
      const body = (request.body ?? {}) as Record<string, unknown>
      const problems: string[] = []
      if (typeof body !== 'object' || Array.isArray(body)) problems.push('body must be an object')
      const allowed = [
        'spec',
        'arguments',
        'source',
        'artifact_path',
        'notifications',
        'run_name',
        'namespace'
      ]
      for (const key of Object.keys(body))
        if (!allowed.includes(key)) problems.push(`extra field '${key}' not permitted`)
      if (
        body.arguments !== undefined &&
        (typeof body.arguments !== 'object' ||
          body.arguments === null ||
          Array.isArray(body.arguments))
      )
        problems.push('arguments must be an object')
      if (body.spec !== undefined && typeof (body.spec as { name?: unknown })?.name !== 'string')
        problems.push('spec.name must be a string')
      for (const key of ['source', 'artifact_path', 'run_name'])
        if (body[key] !== undefined && typeof body[key] !== 'string')
          problems.push(`${key} must be a string`)
      if (typeof body.source === 'string' && !/^(git|db|https?|s3|v3io):\/\//.test(body.source))
        problems.push('source must be a URL such as git://repo#branch')
      if (problems.length) return invalid(request, problems)
      const name = rest[1]!
      const def = workflows[name]
      if (!def)
        return { status: 400, body: detail(`Workflow ${name} not found in project ${project}`) }
      const uid = randomBytes(16).toString('hex')
      const run: FakeRunnerRun = {
        uid,
        name: (body.run_name as string | undefined) ?? `workflow-runner-${name}`,
        project,
        workflow: name,
        arguments: (body.arguments as Record<string, unknown>) ?? {},
        body,
        state: 'running',
        lookups: 0,
        workflowId: `${randomBytes(4).toString('hex')}-${randomBytes(2).toString('hex')}-${randomBytes(2).toString('hex')}`,
        polls: 0,
        terminated: false,
        started: new Date().toISOString(),
        def
      }
      runners.push(run)
      return {
        status: 202,
        body: { project, name, status: 'running', run_id: uid, schedule: null }
      }
    }
    // GET workflows/{name}/runs/{uid}?engine=kfp
    if (
      request.method === 'GET' &&
      rest[0] === 'workflows' &&
      rest[2] === 'runs' &&
      rest.length === 4
    ) {
      if (request.query.get('engine') !== 'kfp')
        return invalid(request, ['engine=kfp is required to resolve the pipeline'])
      const run = runners.find(
        r => r.project === project && r.workflow === rest[1] && r.uid === rest[3]
      )
      if (!run) return { status: 404, body: detail(`Run ${rest[3]} not found`) }
      run.lookups++
      if (run.def.runnerError) {
        run.state = 'error'
        return { status: 412, body: detail(`Workflow runner failed: ${run.def.runnerError}`) }
      }
      if (run.lookups <= (run.def.runnerPolls ?? 1))
        return { status: 404, body: detail('workflow id not found yet') }
      run.state = 'completed'
      return { status: 200, body: { workflow_id: run.workflowId } }
    }
    // pipelines/{id}[/terminate]
    if (rest[0] === 'pipelines' && rest.length >= 2) {
      const run = runners.find(r => r.project === project && r.workflowId === rest[1])
      if (!run) return { status: 404, body: detail(`Pipeline ${rest[1]} not found`) }
      if (request.method === 'GET' && rest.length === 2) {
        if (request.query.get('format') !== 'summary')
          return invalid(request, ['format=summary expected'])
        run.polls++
        const status = pipelineStatus(run)
        const done = !['Running'].includes(status)
        const graph: Record<string, unknown> = {}
        for (const [index, step] of (run.def.steps ?? [{ name: 'train' }]).entries()) {
          const id = `${run.workflowId}-${index}`
          graph[id] = {
            id,
            name: step.name,
            phase: done ? status : index === 0 ? 'Running' : 'Pending'
          }
        }
        return {
          status: 200,
          body: {
            graph,
            run: {
              id: run.workflowId,
              name: `${project}-${run.workflow}`,
              status,
              error:
                status === 'Failed' || status === 'Error'
                  ? (run.def.error ?? 'pipeline failed')
                  : null,
              created_at: run.started,
              finished_at: done ? new Date(Date.parse(run.started) + 5000).toISOString() : null,
              message: status === 'Canceled' ? 'terminated by user' : ''
            }
          }
        }
      }
      if (request.method === 'POST' && rest[2] === 'terminate') {
        if (options.terminateSupported === false)
          return { status: 404, body: { detail: 'Not Found' } }
        if (pipelineStatus(run) === 'Running') run.terminated = true
        terminated.push(run.workflowId)
        return { status: 200, body: {} }
      }
    }
    // runs?label=... / runs?name=~... / runs/{uid}/abort
    if (rest[0] === 'runs') {
      if (request.method === 'GET' && rest.length === 1) {
        const label = request.query.get('label')
        const name = request.query.get('name')
        if (label) {
          const workflowId = /^workflow=(.+)$/.exec(label)?.[1]
          const run = runners.find(r => r.project === project && r.workflowId === workflowId)
          return { status: 200, body: { runs: run ? stepRuns(run) : [] } }
        }
        const matches = runners.filter(
          r =>
            r.project === project &&
            (!name || (name.startsWith('~') ? r.name.includes(name.slice(1)) : r.name === name))
        )
        return {
          status: 200,
          body: {
            runs: matches.map(r => ({
              kind: 'run',
              metadata: {
                uid: r.uid,
                name: r.name,
                project,
                labels: { 'job-type': 'workflow-runner', workflow: r.workflow }
              },
              status: { state: r.state, start_time: r.started }
            }))
          }
        }
      }
      if (request.method === 'POST' && rest[2] === 'abort') {
        const run = runners.find(r => r.project === project && r.uid === rest[1])
        if (!run) return { status: 404, body: detail(`Run ${rest[1]} not found`) }
        aborted.push(run.uid)
        if (run.state === 'completed' || run.state === 'error')
          return { status: 409, body: detail(`Run ${run.uid} is in terminal state ${run.state}`) }
        run.state = 'aborted'
        return { status: 200, body: {} }
      }
    }
    return {
      status: 404,
      body: { detail: `fake MLRun has no route ${request.method} ${request.path}` }
    }
  }

  const server = await startServer((request, response) =>
    withFaults(faults, request, response, () => route(request))
  )
  return Object.assign(server, { runners, violations, faults, terminated, aborted })
}
