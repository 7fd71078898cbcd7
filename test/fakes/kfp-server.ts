/**
 * A stateful fake Kubeflow Pipelines API (v2beta1) on loopback.
 *
 * Every request is validated against the real swagger (../shared/specs/kfp-v2beta1.swagger.json):
 * an invalid one gets 400 `{code: 3, message, details: []}` and the problems (also those of the
 * fake's own responses) go to `violations`. Tests end with `expect(kfp.violations).toEqual([])`.
 *
 *   const kfp = await startKfpServer({ specFile, token, pipelines: { train: { steps: [...] } } })
 *
 * Routes: GET /apis/v2beta1/pipelines/names/{name}, POST /apis/v2beta1/runs (pipeline must exist,
 * display_name and runtime_config required as the API server requires them), GET
 * /apis/v2beta1/runs/{id}, GET /apis/v2beta1/runs?filter= (display_name EQUALS / IS_SUBSTRING),
 * POST /apis/v2beta1/runs/{id}:terminate (CANCELING on the next poll, then CANCELED).
 * Each status GET moves a run one poll along: PENDING for `pendingPolls`, RUNNING for
 * `runningPolls`, then SUCCEEDED, or FAILED with `error`; `hang: true` stays RUNNING.
 */
import { randomUUID } from 'node:crypto'
import { startServer, type RecordedRequest, type TestServer } from '../helpers/http-server.js'
import { loadSpecValidator } from '../helpers/openapi.js'
import { Faults, withFaults } from '../orchestrators/faults.js'

export interface FakePipeline {
  steps?: string[]
  outcome?: 'SUCCEEDED' | 'FAILED' | 'SKIPPED'
  error?: string
  pendingPolls?: number
  runningPolls?: number
  hang?: boolean
}

export interface FakeKfpRun {
  run_id: string
  display_name: string
  description?: string
  experiment_id: string
  pipeline: string
  pipeline_id: string
  parameters: Record<string, unknown>
  created_at: string
  polls: number
  terminatedAtPoll?: number
  def: FakePipeline
}

export interface KfpServer extends TestServer {
  runs: FakeKfpRun[]
  pipelineIds: Record<string, string>
  violations: string[]
  faults: Faults
  terminated: string[]
}

function stateOf(run: FakeKfpRun): string {
  if (run.terminatedAtPoll !== undefined)
    return run.polls <= run.terminatedAtPoll + 1 ? 'CANCELING' : 'CANCELED'
  const pending = run.def.pendingPolls ?? 1
  const running = run.def.runningPolls ?? 2
  if (run.polls <= pending) return 'PENDING'
  if (run.def.hang || run.polls <= pending + running) return 'RUNNING'
  return run.def.outcome ?? 'SUCCEEDED'
}

function toRun(run: FakeKfpRun): Record<string, unknown> {
  const state = stateOf(run)
  const done = ['SUCCEEDED', 'FAILED', 'SKIPPED', 'CANCELED'].includes(state)
  const steps = run.def.steps ?? ['train']
  const created = Date.parse(run.created_at)
  return {
    run_id: run.run_id,
    display_name: run.display_name,
    ...(run.description && { description: run.description }),
    experiment_id: run.experiment_id,
    storage_state: 'AVAILABLE',
    pipeline_version_reference: {
      pipeline_id: run.pipeline_id,
      pipeline_version_id: `${run.pipeline_id}-v1`
    },
    runtime_config: { parameters: run.parameters },
    created_at: run.created_at,
    scheduled_at: run.created_at,
    finished_at: done
      ? new Date(created + steps.length * 1000).toISOString()
      : '1970-01-01T00:00:00Z',
    state,
    ...(state === 'FAILED' && {
      error: { code: 2, message: run.def.error ?? 'pipeline failed', details: [] }
    }),
    run_details: {
      task_details: [
        {
          run_id: run.run_id,
          task_id: `${run.run_id}-root`,
          display_name: 'root',
          state: state === 'PENDING' ? 'PENDING' : state
        },
        ...steps.map((name, index) => {
          const last = index === steps.length - 1
          const taskState =
            state === 'PENDING'
              ? 'PENDING'
              : !done
                ? last
                  ? 'RUNNING'
                  : 'SUCCEEDED'
                : last
                  ? state
                  : 'SUCCEEDED'
          return {
            run_id: run.run_id,
            task_id: `${run.run_id}-${index}`,
            display_name: name,
            state: taskState,
            start_time: new Date(created + index * 1000).toISOString(),
            ...(taskState === 'FAILED' && {
              error: { code: 2, message: run.def.error ?? 'task failed', details: [] }
            })
          }
        })
      ]
    },
    state_history: [{ update_time: run.created_at, state: 'PENDING' }]
  }
}

const rpc = (code: number, message: string) => ({ code, message, details: [] })

export async function startKfpServer(options: {
  specFile: string
  token?: string
  pipelines?: Record<string, FakePipeline>
}): Promise<KfpServer> {
  const spec = loadSpecValidator(options.specFile)
  const pipelines = options.pipelines ?? { train: {} }
  const pipelineIds = Object.fromEntries(Object.keys(pipelines).map(name => [name, randomUUID()]))
  const runs: FakeKfpRun[] = []
  const violations: string[] = []
  const terminated: string[] = []
  const faults = new Faults()

  const reply = (request: RecordedRequest, status: number, body: unknown) => {
    const problems = spec.validateResponse(
      request.method,
      request.path,
      status === 200 ? 200 : 500,
      body
    )
    violations.push(...problems.map(p => `response to ${request.method} ${request.path}: ${p}`))
    return { status, body }
  }

  const route = async (request: RecordedRequest) => {
    const body = request.body === '' ? undefined : request.body
    const problems = spec.validateRequest(request.method, request.path, body, request.query)
    if (problems.length) {
      violations.push(...problems.map(p => `${request.method} ${request.path}: ${p}`))
      return reply(request, 400, rpc(3, problems.join('; ')))
    }
    if (options.token && request.headers.authorization !== `Bearer ${options.token}`) {
      return reply(
        request,
        401,
        rpc(16, 'Unauthenticated: request is missing a valid bearer token')
      )
    }
    const path = request.path
    let match: RegExpExecArray | null
    if (
      request.method === 'GET' &&
      (match = /^\/apis\/v2beta1\/pipelines\/names\/([^/]+)$/.exec(path))
    ) {
      const name = decodeURIComponent(match[1]!)
      const id = pipelineIds[name]
      if (!id)
        return reply(
          request,
          404,
          rpc(
            5,
            `Failed to get a pipeline with name ${name}: ResourceNotFoundError: Pipeline ${name} not found`
          )
        )
      return reply(request, 200, {
        pipeline_id: id,
        name,
        display_name: name,
        created_at: new Date(0).toISOString()
      })
    }
    if (request.method === 'POST' && path === '/apis/v2beta1/runs') {
      const input = body as {
        display_name?: string
        description?: string
        experiment_id?: string
        pipeline_version_reference?: { pipeline_id?: string }
        runtime_config?: { parameters?: Record<string, unknown> }
      }
      if (!input.display_name)
        return reply(request, 400, rpc(3, 'Invalid input error: The run name is empty'))
      const pipeline = Object.entries(pipelineIds).find(
        ([, id]) => id === input.pipeline_version_reference?.pipeline_id
      )?.[0]
      if (!pipeline)
        return reply(
          request,
          404,
          rpc(5, `Pipeline ${input.pipeline_version_reference?.pipeline_id} not found`)
        )
      const run: FakeKfpRun = {
        run_id: randomUUID(),
        display_name: input.display_name,
        ...(input.description && { description: input.description }),
        experiment_id: input.experiment_id ?? 'default-experiment',
        pipeline,
        pipeline_id: input.pipeline_version_reference!.pipeline_id!,
        parameters: input.runtime_config?.parameters ?? {},
        created_at: new Date().toISOString(),
        polls: 0,
        def: pipelines[pipeline]!
      }
      runs.push(run)
      return reply(request, 200, toRun(run))
    }
    if (request.method === 'GET' && path === '/apis/v2beta1/runs') {
      let list = runs
      const filter = request.query.get('filter')
      if (filter) {
        const predicates =
          (
            JSON.parse(filter) as {
              predicates?: Array<{ key: string; operation: string; string_value?: string }>
            }
          ).predicates ?? []
        list = list.filter(run =>
          predicates.every(p => {
            const value = String((run as unknown as Record<string, unknown>)[p.key] ?? '')
            if (p.operation === 'EQUALS') return value === p.string_value
            if (p.operation === 'IS_SUBSTRING') return value.includes(p.string_value ?? '')
            return true
          })
        )
      }
      const experiment = request.query.get('experiment_id')
      if (experiment) list = list.filter(run => run.experiment_id === experiment)
      const sorted = [...list].sort((a, b) => b.created_at.localeCompare(a.created_at))
      return reply(request, 200, { runs: sorted.map(toRun), total_size: sorted.length })
    }
    if ((match = /^\/apis\/v2beta1\/runs\/([^/:]+)(:terminate)?$/.exec(path))) {
      const run = runs.find(r => r.run_id === decodeURIComponent(match![1]!))
      if (!run) return reply(request, 404, rpc(5, `Run ${match[1]} not found`))
      if (request.method === 'GET' && !match[2]) {
        run.polls++
        return reply(request, 200, toRun(run))
      }
      if (request.method === 'POST' && match[2]) {
        if (run.terminatedAtPoll === undefined && ['PENDING', 'RUNNING'].includes(stateOf(run)))
          run.terminatedAtPoll = run.polls
        terminated.push(run.run_id)
        return reply(request, 200, {})
      }
    }
    return { status: 501, body: rpc(12, `fake KFP does not implement ${request.method} ${path}`) }
  }

  const server = await startServer((request, response) =>
    withFaults(faults, request, response, () => route(request))
  )
  return Object.assign(server, { runs, pipelineIds, violations, faults, terminated })
}
