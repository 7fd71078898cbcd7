/**
 * A stateful fake of MLRun's API as the remote workflow engine uses it (what
 * `project.run(engine="remote")` and `mlrun.get_or_create_project` send), on loopback. Each route
 * follows MLRun's own server code (mlrun/mlrun, 1.6–1.8; read at 1.7.x):
 *
 *   GET  /api/v1/projects/{p}                  server/api/api/endpoints/projects.py get_project:
 *        ProjectOut {kind, metadata, spec, status: {state}}; a missing project is
 *        MLRunNotFoundError('Project not found: name=p, project_id=None') → 404
 *        (server/api/db/sqldb/db.py _get_project_record, repr'd by server/api/main.py
 *        http_status_error_handler: {"detail": "MLRunNotFoundError('...')"}).
 *   POST /api/v1/projects[?wait-for-completion=false]   projects.py create_project: body is
 *        mlrun.common.schemas.Project (pydantic 422 on wrong types); 201 with the project, or 202
 *        while the leader creates it in the background (Iguazio), the project then reads
 *        `status.state: creating` until it is `online` (httpdb.py _wait_for_project_to_reach_terminal_state).
 *        A name that is not a DNS-1123 label → 400; an existing one → 409.
 *   POST /api/v1/projects/{p}/workflows/{name}/submit   server/api/api/endpoints/workflows.py
 *        submit_workflow + server/api/crud/workflows.py WorkflowRunners.run: the body is
 *        mlrun.common.schemas.WorkflowRequest (unknown fields ignored, wrong types 422); the spec is
 *        merged over the project's workflow (_fill_workflow_missing_fields_from_project: only truthy
 *        spec values win, `arguments` then update `args`); a workflow neither in the project nor in
 *        the request → 400 {"detail": {"reason": "Workflow X not found in project"}}; no `spec` at all
 *        → 500 (`workflow_request.spec.name` is read outside any guard: AttributeError). The runner
 *        run is named normalize_name(run_name or `workflow-runner-<spec.name>`), labelled
 *        `workflow=<that name>`, `job-type=workflow-runner`, `project=<p>`; a run name MLRun's
 *        launcher refuses (over 63 characters, not a label value) or no source in the request nor
 *        the project (_validate_source) → 400 {"detail": {"reason": "Workflow failed", ...}}.
 *        → 202 WorkflowResponse {project, name, status: "running", run_id, schedule}.
 *   GET  /api/v1/projects/{p}/workflows/{name}/runs/{uid}   crud/workflows.py get_workflow_id: the
 *        runner's `results.workflow_id`; 404 MLRunNotFoundError while it has none
 *        (`runnerPolls` lookups), 412 MLRunPreconditionFailedError once the runner failed
 *        (`runnerError`). `name` only feeds the permission check, as in MLRun.
 *   GET  /api/v1/projects/{p}/pipelines/{id}?format=summary   mlrun_pipelines common/ops.py
 *        format_summary_from_kfp_run: {graph: {node id: {id, name, phase, type, started_at,
 *        finished_at, ...}}, run: {id, name, status, error, created_at, finished_at, ...}}; each poll
 *        moves it along (Running for `runningPolls`, then Succeeded / Failed; `hang` stays Running).
 *   POST /api/v1/projects/{p}/pipelines/{id}/terminate   (newer servers; 404 when
 *        `terminateSupported: false`, as on 1.7).
 *   POST /api/v1/projects/{p}/runs/{uid}/abort   endpoints/runs.py abort_run.
 *   GET  /api/v1/projects/{p}/runs   endpoints/runs.py list_runs + sqldb/db.py list_runs: `name`
 *        (exact, or `~text`: case-insensitive contains), `uid` (repeatable), `label` (repeatable,
 *        `key=value` or `key`, all must match), `iter` (default true: every iteration); project `*`
 *        means every project; newest first. Unknown parameters are ignored, as FastAPI does.
 *   Notifications (the submit request's `notifications`): each is checked as
 *        mlrun/common/schemas/notification.py Notification (pydantic: kind one of console, git,
 *        ipython, slack, webhook; name required; severity one of info, debug, verbose, warning,
 *        error; when a list of strings; params / secret_params dicts; else 422), then concealed as
 *        server/api/api/utils.py _conceal_notification_params_with_secret does: secret_params
 *        without a `secret` key are stored as an internal project secret and replaced by
 *        {"secret": <key>} (recorded in `concealed`: a test that sends none proves no token was in
 *        clear), a `secret` key is kept as the name of a project secret. `finish(uid)` ends a
 *        runner run (completed, or error / aborted) and pushes its notifications as the API's run
 *        monitor does (server/api/main.py _push_terminal_run_notifications →
 *        notification_pusher.py: only for a state in `when`; secret params loaded from the
 *        project secret, server/api/api/utils.py unmask_notification_params_secret, a missing one
 *        is an error; params win over secret params, _load_notification); a webhook is sent as
 *        mlrun/utils/notifications/notification/webhook.py (newer releases, after
 *        mlrun/mlrun#7022: override_body's string values get `{{ runs }}` replaced, other values
 *        are sent as they are) with `json=`; its status (sent / error + reason) shows in
 *        status.notifications of runs listed with `with-notifications=true`, whose spec lists the
 *        notifications without secret_params (sqldb/db.py _enrich_notification).
 *        `setProjectSecret(project, key, value)` seeds project secrets.
 * Auth: Bearer token or Basic user:access-key (401). Requests MLRun would answer but that show a
 * client bug (a missing x-mlrun-client-version, an ignored field or parameter, a wrong type) are
 * recorded in `violations`; tests end with `expect(mlrun.violations).toEqual([])`.
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
  /** Workflow-id lookups answered 404 before the runner reports the pipeline id (default 1). */
  runnerPolls?: number
  /** The runner fails (e.g. cannot load the source): its state turns error with this text. */
  runnerError?: string
  runningPolls?: number
  hang?: boolean
}

/** A project as MLRun stores it (the fields of mlrun.common.schemas.Project the fake reads). */
export interface FakeProject {
  kind: 'project'
  metadata: { name: string; created: string; labels: Record<string, string> }
  spec: {
    source?: string
    artifact_path?: string
    workflows: Array<Record<string, unknown>>
    [key: string]: unknown
  }
  status: { state: string }
  /** GETs still answered `creating` (a project created in the background). */
  creatingPolls: number
}

export interface FakeRunnerRun {
  uid: string
  /** normalize_name(run_name): the runner function's and its run's name. */
  name: string
  project: string
  /** spec.name: the workflow the runner runs. */
  workflow: string
  /** `args` as the runner receives them (workflow_arguments). */
  arguments: Record<string, unknown>
  /** The merged workflow spec the runner got. */
  spec: Record<string, unknown>
  labels: Record<string, string>
  body: Record<string, unknown>
  state: string
  error?: string
  lookups: number
  workflowId: string
  polls: number
  terminated: boolean
  started: string
  def: FakeMlrunWorkflow
  /** spec.notifications as stored (secret_params concealed). */
  notifications: Array<Record<string, unknown>>
  /** status.notifications: name → {status, sent_time?, reason?}. */
  notificationStatus: Record<string, { status: string; sent_time?: string; reason?: string }>
}

export interface MlrunServer extends TestServer {
  projects: Map<string, FakeProject>
  runners: FakeRunnerRun[]
  /** secret_params that arrived in clear and were stored as internal secrets (none, when all is well). */
  concealed: Array<Record<string, unknown>>
  /** Webhook requests the notification pusher sent: url, method, headers, body. */
  webhooks: Array<{
    url: string
    method: string
    headers: Record<string, string>
    body: unknown
    status?: number
  }>
  setProjectSecret(project: string, key: string, value: string): void
  /**
   * Ends a runner run as the pipeline would (its workflow's `outcome`, or `state`) and pushes its
   * notifications; resolves once they were sent (or failed).
   */
  finish(uid: string, state?: 'completed' | 'error' | 'aborted'): Promise<void>
  violations: string[]
  faults: Faults
  terminated: string[]
  aborted: string[]
}

/** server/api/main.py http_status_error_handler: MLRun errors become {"detail": repr(error)}. */
const mlrunError = (status: number, kind: string, message: string) => ({
  status,
  body: { detail: `${kind}(${pyRepr(message)})` }
})
/** server/api/api/utils.py log_and_raise: {"detail": {reason, ...}}, 400 by default. */
const raised = (fields: Record<string, string>, status = 400) => ({
  status,
  body: { detail: fields }
})

/** Python's repr of a str: single quotes unless the text holds one and no double quote. */
function pyRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'"
  const escaped = text.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`)
  return `${quote}${escaped}${quote}`
}

/** mlrun/utils/helpers.py normalize_name: whitespace and '_' become '-', lowercase. */
export function normalizeName(name: string): string {
  return name.replace(/\s+/g, '-').replaceAll('_', '-').toLowerCase()
}

/** mlrun/utils/regex.py run_name = label_value (k8s_character_limit + qualified_name). */
const isLabelValue = (value: string) =>
  value.length <= 63 && /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value)
/** mlrun/utils/regex.py project_name = dns_1123_label. */
const isProjectName = (value: string) =>
  value.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value)

/** str(datetime) as mlrun/utils/helpers.py format_run writes the pipeline's times. */
const pyDatetime = (ms: number) =>
  new Date(ms).toISOString().replace('T', ' ').replace('Z', '+00:00')
/** datetime.isoformat() as run status times are stored. */
const isoformat = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00')

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const STEP_SECONDS = 30

function pipelineStatus(run: FakeRunnerRun): string {
  if (run.terminated) return 'Canceled'
  if (run.def.hang || run.polls <= (run.def.runningPolls ?? 2)) return 'Running'
  return run.def.outcome ?? 'Succeeded'
}

/** A pydantic v1 validation error (FastAPI answers 422 with these). */
interface PydanticError {
  loc: Array<string | number>
  msg: string
  type: string
}

const WORKFLOW_SPEC_FIELDS: Record<string, 'str' | 'dict' | 'list' | 'int' | 'bool' | 'any'> = {
  name: 'str',
  engine: 'str',
  code: 'str',
  path: 'str',
  args: 'dict',
  handler: 'str',
  ttl: 'int',
  args_schema: 'list',
  schedule: 'any',
  run_local: 'bool',
  image: 'str',
  workflow_runner_node_selector: 'dict'
}
const WORKFLOW_REQUEST_FIELDS: Record<string, 'str' | 'dict' | 'list' | 'spec'> = {
  spec: 'spec',
  arguments: 'dict',
  artifact_path: 'str',
  source: 'str',
  run_name: 'str',
  namespace: 'str',
  notifications: 'list'
}

const NOTIFICATION_KINDS = ['console', 'git', 'ipython', 'slack', 'webhook']
const NOTIFICATION_SEVERITIES = ['info', 'debug', 'verbose', 'warning', 'error']
const NOTIFICATION_FIELDS: Record<string, 'str' | 'dict' | 'list' | 'any'> = {
  kind: 'str',
  name: 'str',
  message: 'str',
  severity: 'str',
  when: 'list',
  condition: 'str',
  params: 'dict',
  status: 'str',
  sent_time: 'any',
  secret_params: 'dict',
  reason: 'str'
}

/** mlrun/common/schemas/notification.py Notification, as pydantic v1 checks it. */
function notificationProblems(value: unknown, index: number): PydanticError[] {
  const loc = ['body', 'notifications', index]
  if (!isRecord(value)) return [{ loc, msg: 'value is not a valid dict', type: 'type_error.dict' }]
  const problems: PydanticError[] = []
  for (const field of ['kind', 'name'])
    if (value[field] === undefined || value[field] === null)
      problems.push({ loc: [...loc, field], msg: 'field required', type: 'value_error.missing' })
  for (const [key, type] of Object.entries(NOTIFICATION_FIELDS)) {
    const problem = typeProblem(value[key], type, [...loc, key])
    if (problem) problems.push(problem)
  }
  const enumProblem = (field: string, allowed: string[]) => {
    const v = value[field]
    if (v !== undefined && v !== null && !allowed.includes(String(v)))
      problems.push({
        loc: [...loc, field],
        msg: `value is not a valid enumeration member; permitted: ${allowed.map(a => `'${a}'`).join(', ')}`,
        type: 'type_error.enum'
      })
  }
  enumProblem('kind', NOTIFICATION_KINDS)
  enumProblem('severity', NOTIFICATION_SEVERITIES)
  enumProblem('status', ['pending', 'sent', 'error'])
  if (Array.isArray(value.when))
    value.when.forEach((w, i) => {
      if (typeof w !== 'string')
        problems.push({
          loc: [...loc, 'when', i],
          msg: 'str type expected',
          type: 'type_error.str'
        })
    })
  return problems
}

function typeProblem(
  value: unknown,
  type: string,
  loc: Array<string | number>
): PydanticError | undefined {
  if (value === null || value === undefined || type === 'any') return undefined
  const ok =
    type === 'str'
      ? typeof value === 'string' || typeof value === 'number'
      : type === 'dict'
        ? isRecord(value)
        : type === 'list'
          ? Array.isArray(value)
          : type === 'int'
            ? Number.isInteger(value)
            : type === 'bool'
              ? typeof value === 'boolean'
              : true
  if (ok) return undefined
  const word = { str: 'str type expected', dict: 'value is not a valid dict' } as Record<
    string,
    string
  >
  return {
    loc,
    msg: word[type] ?? `value is not a valid ${type === 'int' ? 'integer' : type}`,
    type: `type_error.${type === 'str' ? 'str' : type === 'int' ? 'integer' : type}`
  }
}

export async function startMlrunServer(
  options: {
    token?: string
    basic?: { username: string; accessKey: string }
    /** Projects that exist, with the workflows their spec holds (path ./src/workflows/<name>.py). */
    projects?: Record<string, Record<string, FakeMlrunWorkflow>>
    /** spec.source of the projects above (default git://github.com/acme/heart.git#main; null: none). */
    projectSource?: string | null
    /** How workflows behave in projects created through the API, by workflow name. */
    behaviours?: Record<string, FakeMlrunWorkflow>
    /** Project creation answers 202 and reads `creating` for this many GETs (Iguazio's leader). */
    createInBackground?: number
    terminateSupported?: boolean
  } = {}
): Promise<MlrunServer> {
  const projects = new Map<string, FakeProject>()
  const behaviours = new Map<string, Record<string, FakeMlrunWorkflow>>()
  const source =
    options.projectSource === null
      ? undefined
      : (options.projectSource ?? 'git://github.com/acme/heart.git#main')
  for (const [name, workflows] of Object.entries(options.projects ?? { demo: { main: {} } })) {
    projects.set(name, {
      kind: 'project',
      metadata: { name, created: isoformat(Date.now()), labels: {} },
      spec: {
        ...(source && { source }),
        workflows: Object.keys(workflows).map(w => ({ name: w, path: `./src/workflows/${w}.py` }))
      },
      status: { state: 'online' },
      creatingPolls: 0
    })
    behaviours.set(name, workflows)
  }
  const runners: FakeRunnerRun[] = []
  const violations: string[] = []
  const terminated: string[] = []
  const aborted: string[] = []
  const faults = new Faults()
  const concealed: Array<Record<string, unknown>> = []
  const webhooks: MlrunServer['webhooks'] = []
  const projectSecrets = new Map<string, Map<string, string>>()
  const secretsOf = (project: string) => {
    let secrets = projectSecrets.get(project)
    if (!secrets) projectSecrets.set(project, (secrets = new Map()))
    return secrets
  }

  /** webhook.py push (after mlrun/mlrun#7022): aiohttp `json=` of the body, raise_for_status. */
  const pushWebhook = async (run: FakeRunnerRun, n: Record<string, unknown>) => {
    const secret = (n.secret_params as Record<string, unknown> | undefined)?.secret
    let secretParams: Record<string, unknown> = {}
    if (typeof secret === 'string') {
      const stored = secretsOf(run.project).get(secret)
      // unmask_notification_params_secret: MLRunPreconditionFailedError, the notification errs.
      if (stored === undefined) throw new Error('MLRunPreconditionFailedError()')
      secretParams = JSON.parse(stored) as Record<string, unknown>
    } else secretParams = (n.secret_params as Record<string, unknown> | undefined) ?? {}
    const params = { ...secretParams, ...((n.params as Record<string, unknown> | undefined) ?? {}) }
    const url = String(params.url)
    const method = String(params.method ?? 'post').toUpperCase()
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Python/3.9 aiohttp/3.9.5',
      ...((params.headers as Record<string, string> | undefined) ?? {})
    }
    const runs = `[{'project': '${run.project}', 'name': '${run.name}', 'status': {'state': '${run.state}'}}]`
    let body: unknown = { message: `Run ${run.state}`, severity: n.severity, runs: [] }
    if (isRecord(params.override_body)) {
      body = Object.fromEntries(
        Object.entries(params.override_body).map(([k, v]) => [
          k,
          typeof v === 'string' ? v.replace(/{{\s*runs\s*}}/g, runs) : v
        ])
      )
    }
    const sent = { url, method, headers, body } as MlrunServer['webhooks'][number]
    webhooks.push(sent)
    const response = await fetch(url, { method, headers, body: JSON.stringify(body) })
    sent.status = response.status
    if (!response.ok)
      throw new Error(`${response.status}, message='${response.statusText}', url='${url}'`)
  }

  const finish = async (uid: string, state?: 'completed' | 'error' | 'aborted') => {
    const run = runners.find(r => r.uid === uid)
    if (!run) throw new Error(`fake MLRun: no runner run ${uid}`)
    run.def = { ...run.def, hang: false }
    run.lookups = Math.max(run.lookups, (run.def.runnerPolls ?? 1) + 1)
    run.polls = Math.max(run.polls, (run.def.runningPolls ?? 2) + 1)
    // load_and_run raises when the pipeline failed: the runner ends in error.
    run.state =
      state ??
      (run.def.runnerError
        ? 'error'
        : run.terminated
          ? 'aborted'
          : pipelineStatus(run) === 'Succeeded'
            ? 'completed'
            : 'error')
    if (run.def.runnerError) run.error = run.def.runnerError
    for (const n of run.notifications) {
      const name = String(n.name)
      if (!(n.when as string[]).includes(run.state)) continue
      if (run.notificationStatus[name]?.status === 'sent') continue
      try {
        if (n.kind !== 'webhook')
          throw new Error(`fake MLRun pushes webhooks only, not ${String(n.kind)}`)
        await pushWebhook(run, n)
        run.notificationStatus[name] = { status: 'sent', sent_time: isoformat(Date.now()) }
      } catch (error) {
        run.notificationStatus[name] = { status: 'error', reason: (error as Error).message }
      }
    }
  }

  const violation = (request: RecordedRequest, problem: string) =>
    violations.push(`${request.method} ${request.path}: ${problem}`)
  const unprocessable = (request: RecordedRequest, problems: PydanticError[]) => {
    for (const p of problems) violation(request, `${p.loc.join('.')}: ${p.msg}`)
    return { status: 422, body: { detail: problems } }
  }
  /** FastAPI ignores query parameters an endpoint does not declare: a misspelt filter filters nothing. */
  const knownQuery = (request: RecordedRequest, known: string[]) => {
    for (const key of new Set(request.query.keys()))
      if (!known.includes(key)) violation(request, `query parameter '${key}' is ignored by MLRun`)
  }

  const authorized = (request: RecordedRequest) => {
    const header = request.headers.authorization
    if (options.basic) {
      const expected = `Basic ${Buffer.from(`${options.basic.username}:${options.basic.accessKey}`).toString('base64')}`
      return header === expected
    }
    return !options.token || header === `Bearer ${options.token}`
  }

  const projectNotFound = (name: string) =>
    mlrunError(404, 'MLRunNotFoundError', `Project not found: name=${name}, project_id=None`)

  const runnerRecord = (r: FakeRunnerRun, withNotifications = false) => ({
    kind: 'run',
    metadata: { uid: r.uid, name: r.name, project: r.project, iteration: 0, labels: r.labels },
    spec: {
      ...(withNotifications &&
        r.notifications.length && {
          // sqldb/db.py _enrich_notification: secret_params are never returned.
          notifications: r.notifications.map(({ secret_params: _, ...n }) => n)
        }),
      handler: 'mlrun.projects.load_and_run',
      parameters: {
        url: r.body.source ?? projects.get(r.project)?.spec.source,
        project_name: r.project,
        load_only: false,
        wait_for_completion: true,
        workflow_name: r.workflow,
        workflow_path: r.spec.path ?? null,
        workflow_arguments: r.arguments,
        artifact_path: r.body.artifact_path ?? null,
        engine: r.spec.engine ?? null
      }
    },
    status: {
      state: r.state,
      start_time: r.started,
      last_update: r.started,
      ...(r.lookups > (r.def.runnerPolls ?? 1) &&
        !r.def.runnerError && { results: { workflow_id: r.workflowId } }),
      ...(r.error && { error: r.error }),
      ...(withNotifications &&
        r.notifications.length && {
          notifications: Object.fromEntries(
            r.notifications.map(n => [
              String(n.name),
              r.notificationStatus[String(n.name)] ?? { status: 'pending' }
            ])
          )
        })
    }
  })

  const stepRuns = (run: FakeRunnerRun) => {
    const status = pipelineStatus(run).toLowerCase()
    const begin = Date.parse(run.started)
    return (run.def.steps ?? [{ name: 'train' }]).map((step, index, all) => {
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
      const start = begin + index * STEP_SECONDS * 1000
      return {
        kind: 'run',
        metadata: {
          uid: `${run.workflowId.replaceAll('-', '').slice(0, 8)}${index}${randomBytes(4).toString('hex')}`,
          name: step.name,
          project: run.project,
          iteration: 0,
          labels: {
            workflow: run.workflowId,
            kind: 'job',
            'mlrun/runner-pod': `${run.workflowId}-${index}`,
            owner: 'pipelines'
          }
        },
        status: {
          state,
          start_time: isoformat(start),
          last_update: isoformat(start + (state === 'running' ? 5 : STEP_SECONDS) * 1000),
          results: state === 'completed' ? (step.results ?? {}) : {},
          artifact_uris: state === 'completed' ? (step.artifacts ?? {}) : {},
          ...(state === 'error' && { error: run.def.error ?? 'step failed' })
        }
      }
    })
  }

  const projectRoute = (request: RecordedRequest, name: string | undefined) => {
    if (name === undefined && request.method === 'POST') {
      knownQuery(request, ['wait-for-completion'])
      const body = request.body
      const problems: PydanticError[] = []
      if (!isRecord(body))
        return unprocessable(request, [
          { loc: ['body'], msg: 'value is not a valid dict', type: 'type_error.dict' }
        ])
      if (body.kind !== undefined && body.kind !== 'project')
        problems.push({
          loc: ['body', 'kind'],
          msg: "unexpected value; permitted: 'project'",
          type: 'value_error.const'
        })
      if (!isRecord(body.metadata))
        problems.push({
          loc: ['body', 'metadata'],
          msg: body.metadata === undefined ? 'field required' : 'value is not a valid dict',
          type: body.metadata === undefined ? 'value_error.missing' : 'type_error.dict'
        })
      else if (typeof body.metadata.name !== 'string')
        problems.push({
          loc: ['body', 'metadata', 'name'],
          msg: body.metadata.name === undefined ? 'field required' : 'str type expected',
          type: body.metadata.name === undefined ? 'value_error.missing' : 'type_error.str'
        })
      const spec = body.spec
      if (spec !== undefined && !isRecord(spec))
        problems.push({
          loc: ['body', 'spec'],
          msg: 'value is not a valid dict',
          type: 'type_error.dict'
        })
      if (isRecord(spec)) {
        for (const [key, type] of Object.entries({
          source: 'str',
          artifact_path: 'str',
          description: 'str',
          workflows: 'list',
          functions: 'list',
          artifacts: 'list',
          params: 'dict'
        })) {
          const problem = typeProblem(spec[key], type, ['body', 'spec', key])
          if (problem) problems.push(problem)
        }
        // mlrun/projects/project.py ProjectSpec.workflows: every workflow needs a name and a path
        // or code, or the project cannot be loaded by MLRun's client (MlrunProject.from_dict).
        for (const [i, w] of (Array.isArray(spec.workflows) ? spec.workflows : []).entries()) {
          if (
            !isRecord(w) ||
            typeof w.name !== 'string' ||
            (typeof w.path !== 'string' && typeof w.code !== 'string')
          )
            violation(
              request,
              `spec.workflows[${i}] needs a name and a path (MLRun's client cannot load it otherwise)`
            )
        }
      }
      if (problems.length) return unprocessable(request, problems)
      const metadata = body.metadata as Record<string, unknown>
      const projectName = metadata.name as string
      // server/api/utils/projects/follower.py _validate_project → mlrun/projects/project.py validate_project_name
      if (!isProjectName(projectName))
        return mlrunError(
          400,
          'MLRunInvalidArgumentError',
          `Field 'project.metadata.name' is malformed. ${projectName} does not match required pattern: ^.{0,63}$,^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`
        )
      if (projects.has(projectName))
        return mlrunError(409, 'MLRunConflictError', 'Project already exists')
      const background = options.createInBackground ?? 0
      const project: FakeProject = {
        kind: 'project',
        metadata: {
          labels: {},
          ...(metadata as object),
          name: projectName,
          created: isoformat(Date.now())
        } as FakeProject['metadata'],
        spec: { workflows: [], ...(isRecord(spec) ? spec : {}) } as FakeProject['spec'],
        status: { state: background > 0 ? 'creating' : 'online' },
        creatingPolls: background
      }
      projects.set(projectName, project)
      if (background > 0) {
        if (request.query.get('wait-for-completion') !== 'false')
          violation(request, "MLRun's client creates projects with wait-for-completion=false")
        return { status: 202, body: undefined }
      }
      const { creatingPolls: _, ...out } = project
      return { status: 201, body: out }
    }
    if (name !== undefined && request.method === 'GET') {
      knownQuery(request, ['format'])
      const project = projects.get(name)
      if (!project) return projectNotFound(name)
      if (project.creatingPolls > 0 && --project.creatingPolls === 0)
        project.status.state = 'online'
      const { creatingPolls: _, ...out } = project
      return { status: 200, body: out }
    }
    return undefined
  }

  const submit = (request: RecordedRequest, projectName: string, name: string) => {
    knownQuery(request, [])
    const raw = request.body === '' || request.body === undefined ? {} : request.body
    if (!isRecord(raw))
      return unprocessable(request, [
        { loc: ['body'], msg: 'value is not a valid dict', type: 'type_error.dict' }
      ])
    const body = raw
    const problems: PydanticError[] = []
    for (const key of Object.keys(body))
      if (!(key in WORKFLOW_REQUEST_FIELDS))
        violation(request, `field '${key}' is ignored by MLRun`)
    for (const [key, type] of Object.entries(WORKFLOW_REQUEST_FIELDS)) {
      if (type === 'spec') continue
      const problem = typeProblem(body[key], type, ['body', key])
      if (problem) problems.push(problem)
    }
    const spec = body.spec
    if (spec !== undefined && spec !== null) {
      if (!isRecord(spec))
        problems.push({
          loc: ['body', 'spec'],
          msg: 'value is not a valid dict',
          type: 'type_error.dict'
        })
      else {
        if (spec.name === undefined || spec.name === null)
          problems.push({
            loc: ['body', 'spec', 'name'],
            msg: 'field required',
            type: 'value_error.missing'
          })
        for (const [key, type] of Object.entries(WORKFLOW_SPEC_FIELDS)) {
          const problem = typeProblem(spec[key], type, ['body', 'spec', key])
          if (problem) problems.push(problem)
        }
        for (const key of Object.keys(spec))
          if (!(key in WORKFLOW_SPEC_FIELDS)) violation(request, `spec.${key} is ignored by MLRun`)
      }
    }
    if (Array.isArray(body.notifications))
      body.notifications.forEach((n, i) => problems.push(...notificationProblems(n, i)))
    if (problems.length) return unprocessable(request, problems)

    const project = projects.get(projectName)
    if (!project) return projectNotFound(projectName)

    // crud/workflows.py: Notification.from_dict, then mask_notification_params_on_task_object CONCEAL.
    const notifications: Array<Record<string, unknown>> = []
    for (const raw of (body.notifications as Array<Record<string, unknown>> | undefined) ?? []) {
      const n = structuredClone(raw)
      for (const key of Object.keys(n))
        if (!(key in NOTIFICATION_FIELDS))
          violation(request, `notifications[].${key} is ignored by MLRun`)
      if (n.kind === 'webhook') {
        const merged = { ...(n.secret_params as object), ...(n.params as object) } as Record<
          string,
          unknown
        >
        if (!('secret' in ((n.secret_params as object | undefined) ?? {})) && !merged.url)
          violation(
            request,
            "webhook notification without 'url' (WebhookNotification.validate_params)"
          )
      }
      const secretParams = (n.secret_params as Record<string, unknown> | undefined) ?? {}
      if ('secret' in secretParams && Object.keys(secretParams).length > 1)
        violation(
          request,
          "When the 'secret' key is present, 'secret_params' should not contain any other keys."
        )
      if (Object.keys(secretParams).length && !('secret' in secretParams)) {
        concealed.push(secretParams)
        const key = `mlrun.internal_notifications.${randomBytes(8).toString('hex')}`
        secretsOf(projectName).set(key, JSON.stringify(secretParams))
        n.secret_params = { secret: key }
      }
      notifications.push({
        message: '',
        severity: 'info',
        when: ['completed'],
        condition: '',
        params: {},
        secret_params: {},
        ...n
      })
    }
    const names = notifications.map(n => n.name)
    if (new Set(names).size !== names.length)
      return raised({ reason: 'Notification names must be unique' })

    // _fill_workflow_missing_fields_from_project
    const stored = project.spec.workflows.find(w => isRecord(w) && w.name === name)
    let workflow: Record<string, unknown> = stored ? structuredClone(stored) : {}
    if (isRecord(spec)) {
      if (spec.schedule === undefined || spec.schedule === null) delete workflow.schedule
      workflow = updateDict(workflow, spec)
    }
    if (!('name' in workflow)) {
      violation(
        request,
        `workflow ${name} is neither in project ${projectName} nor in the request's spec`
      )
      return raised({
        reason:
          stored === undefined && Object.keys(workflow).length === 0
            ? `Workflow ${name} not found in project`
            : 'Workflow spec is invalid'
      })
    }
    const args = { ...(isRecord(workflow.args) ? workflow.args : {}) }
    if (isRecord(body.arguments) && Object.keys(body.arguments).length)
      Object.assign(args, body.arguments)

    const runName = normalizeName(
      typeof body.run_name === 'string' && body.run_name
        ? body.run_name
        : `workflow-runner-${String(workflow.name)}`
    )
    // workflow_runner.metadata.labels.update({..., workflow: workflow_request.spec.name}) runs
    // before the try: a request without spec fails here, after the workflow was found.
    if (!isRecord(spec)) {
      violation(
        request,
        'no spec: MLRun reads workflow_request.spec.name unguarded (AttributeError → 500)'
      )
      return {
        status: 500,
        body: { detail: `AttributeError("'NoneType' object has no attribute 'name'")` }
      }
    }
    const failed = (error: string) =>
      raised({
        reason: 'Workflow failed',
        workflow_name: String(workflow.name),
        workflow_action: 'run',
        error
      })
    // crud/workflows.py _validate_source
    const runSource = (typeof body.source === 'string' && body.source) || project.spec.source
    if (!runSource)
      return failed(
        'Project source is required. Either specify the source in the project or provide it in the request.'
      )
    if (
      !runSource.includes('://') &&
      !runSource.startsWith('/') &&
      !runSource.startsWith('./') &&
      runSource !== '.'
    )
      return failed(
        `Invalid source '${runSource}' for remote workflow.Expected to be a remote URL or a path to the project context on image. For more details, see https://docs.mlrun.org/en/latest/concepts/scheduled-jobs.html#scheduling-a-workflow`
      )
    // mlrun/launcher/base.py: verify_field_regex("run.metadata.name", ..., regex.run_name)
    if (!isLabelValue(runName))
      return failed(
        `Field 'run.metadata.name' is malformed. ${runName} does not match required pattern: ^.{0,63}$,^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$`
      )

    const known =
      behaviours.get(projectName)?.[String(workflow.name)] ??
      options.behaviours?.[String(workflow.name)]
    // The runner loads the project and runs the workflow by name (mlrun/projects/project.py
    // run): one that neither the project nor the request gives a file fails there.
    const def: FakeMlrunWorkflow =
      known ??
      (stored === undefined && typeof workflow.path !== 'string'
        ? { runnerError: `Workflow ${String(workflow.name)} does not exist` }
        : {})
    const uid = randomBytes(16).toString('hex')
    const run: FakeRunnerRun = {
      uid,
      name: runName,
      project: projectName,
      workflow: String(workflow.name),
      arguments: args,
      spec: { ...workflow, args },
      // crud/workflows.py WorkflowRunners.run
      labels: {
        project: projectName,
        'job-type': 'workflow-runner',
        workflow: runName,
        owner: 'admin',
        kind: 'job'
      },
      body,
      state: 'running',
      lookups: 0,
      workflowId: `${randomBytes(4).toString('hex')}-${randomBytes(2).toString('hex')}-${randomBytes(2).toString('hex')}-${randomBytes(2).toString('hex')}-${randomBytes(6).toString('hex')}`,
      polls: 0,
      terminated: false,
      started: isoformat(Date.now()),
      def,
      notifications,
      notificationStatus: {}
    }
    runners.push(run)
    return {
      status: 202,
      body: {
        project: projectName,
        name: String(workflow.name),
        status: 'running',
        run_id: uid,
        schedule: null
      }
    }
  }

  const route = async (request: RecordedRequest) => {
    if (!request.headers['x-mlrun-client-version'])
      violation(
        request,
        "x-mlrun-client-version header is missing (MLRun's client always sends it)"
      )
    if (!authorized(request))
      return { status: 401, body: { detail: 'Unauthorized: invalid or missing credentials' } }
    if (request.path === '/api/v1/projects')
      return projectRoute(request, undefined) ?? notFound(request)
    const m = /^\/api\/v1\/projects\/([^/]+)(?:\/(.*))?$/.exec(request.path)
    if (!m) return notFound(request)
    const projectName = decodeURIComponent(m[1]!)
    if (m[2] === undefined) return projectRoute(request, projectName) ?? notFound(request)
    const rest = m[2].split('/').map(decodeURIComponent)

    // GET runs (project or "*")
    if (request.method === 'GET' && rest.length === 1 && rest[0] === 'runs') {
      knownQuery(request, [
        'name',
        'uid',
        'label',
        'state',
        'iter',
        'sort',
        'last',
        'start_time_from',
        'start_time_to',
        'last_update_time_from',
        'last_update_time_to',
        'partition-by',
        'rows-per-partition',
        'partition-sort-by',
        'partition-order',
        'max-partitions',
        'with-notifications',
        'page',
        'page-size',
        'page-token'
      ])
      if (projectName !== '*' && !projects.has(projectName)) return projectNotFound(projectName)
      const all = [
        ...runners.map(r =>
          runnerRecord(
            r,
            ['true', 'True', '1'].includes(request.query.get('with-notifications') ?? '')
          )
        ),
        ...runners.filter(r => r.polls > 0).flatMap(stepRuns)
      ].filter(r => projectName === '*' || r.metadata.project === projectName)
      const name = request.query.get('name')
      const uids = request.query.getAll('uid')
      const labels = request.query.getAll('label')
      const runs = all
        .filter(
          r =>
            name === null ||
            (name.startsWith('~')
              ? r.metadata.name.toLowerCase().includes(name.slice(1).toLowerCase())
              : r.metadata.name === name)
        )
        .filter(r => uids.length === 0 || uids.includes(r.metadata.uid))
        .filter(r =>
          labels.every(label => {
            const [key, value] = label.split('=', 2).map(s => s.trim()) as [
              string,
              string | undefined
            ]
            const have = (r.metadata.labels as Record<string, string>)[key]
            return value === undefined ? have !== undefined : have === value
          })
        )
        .sort((a, b) => b.status.start_time.localeCompare(a.status.start_time))
      return { status: 200, body: { runs } }
    }

    const project = projects.get(projectName)
    if (!project) return projectNotFound(projectName)

    if (
      request.method === 'POST' &&
      rest[0] === 'workflows' &&
      rest[2] === 'submit' &&
      rest.length === 3
    )
      return submit(request, projectName, rest[1]!)

    // GET workflows/{name}/runs/{uid}?engine=kfp — crud/workflows.py get_workflow_id
    if (
      request.method === 'GET' &&
      rest[0] === 'workflows' &&
      rest[2] === 'runs' &&
      rest.length === 4
    ) {
      knownQuery(request, ['engine'])
      const engine = request.query.get('engine') ?? 'kfp'
      const run = runners.find(r => r.project === projectName && r.uid === rest[3])
      if (!run)
        return mlrunError(
          404,
          'MLRunNotFoundError',
          `Run uid ${rest[3]} of project ${projectName} not found`
        )
      run.lookups++
      if (run.lookups > (run.def.runnerPolls ?? 1)) {
        if (run.def.runnerError) {
          run.state = 'error'
          run.error = run.def.runnerError
          return mlrunError(
            412,
            'MLRunPreconditionFailedError',
            `Failed to run workflow ${run.workflow}, state: error, state_text: ${run.def.runnerError}`
          )
        }
        return { status: 200, body: { workflow_id: run.workflowId } }
      }
      if (engine === 'local') return { status: 200, body: { workflow_id: run.uid } }
      return mlrunError(
        404,
        'MLRunNotFoundError',
        `Workflow id of run ${projectName}:${run.uid} not found`
      )
    }

    // pipelines/{id}[/terminate]
    if (rest[0] === 'pipelines' && rest.length >= 2) {
      const run = runners.find(
        r =>
          r.project === projectName &&
          r.workflowId === rest[1] &&
          r.lookups > (r.def.runnerPolls ?? 1)
      )
      if (!run)
        return mlrunError(404, 'MLRunNotFoundError', `Pipeline run with id ${rest[1]} not found`)
      if (request.method === 'GET' && rest.length === 2) {
        knownQuery(request, ['namespace', 'format'])
        if (request.query.get('format') !== 'summary')
          violation(
            request,
            'without format=summary MLRun returns the full KFP run, not {graph, run}'
          )
        run.polls++
        const status = pipelineStatus(run)
        const done = status !== 'Running'
        if (done && run.state === 'running') {
          // load_and_run waits for the pipeline (wait_for_completion=True): the runner ends with it.
          run.state =
            status === 'Succeeded' ? 'completed' : status === 'Canceled' ? 'aborted' : 'error'
        }
        const begin = Date.parse(run.started)
        const steps = run.def.steps ?? [{ name: 'train' }]
        const end = begin + steps.length * STEP_SECONDS * 1000
        const graph: Record<string, unknown> = {
          [run.workflowId]: node(
            run.workflowId,
            `${projectName}-${run.workflow}`,
            'DAG',
            done ? status : 'Running',
            begin,
            done ? end : undefined,
            '',
            steps.map((_, i) => `${run.workflowId}-${i}`)
          )
        }
        const runs = stepRuns(run)
        for (const [index, step] of steps.entries()) {
          const id = `${run.workflowId}-${index}`
          const phase = done
            ? status === 'Canceled' && index === steps.length - 1
              ? 'Failed'
              : index === steps.length - 1
                ? status
                : 'Succeeded'
            : index === 0
              ? 'Running'
              : 'Pending'
          const start = begin + index * STEP_SECONDS * 1000
          graph[id] = {
            ...node(
              id,
              step.name,
              'Pod',
              phase,
              phase === 'Pending' ? undefined : start,
              done ? start + STEP_SECONDS * 1000 : undefined,
              run.workflowId,
              []
            ),
            function: step.name,
            run_type: 'run',
            ...(runs[index] &&
              phase !== 'Pending' && { run_uid: runs[index]!.metadata.uid, kind: 'job' }),
            ...(runs[index]?.status.error && { error: runs[index]!.status.error })
          }
        }
        return {
          status: 200,
          body: {
            graph,
            run: {
              id: run.workflowId,
              name: `${projectName}-${run.workflow} ${pyDatetime(begin).slice(0, 19)}`,
              status,
              error:
                status === 'Failed' || status === 'Error'
                  ? (run.def.error ?? 'pipeline failed')
                  : null,
              created_at: pyDatetime(begin),
              scheduled_at: pyDatetime(begin),
              finished_at: done ? pyDatetime(end) : null,
              description: null,
              experiment_id: randomBytes(4).toString('hex'),
              project: projectName,
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
    // POST runs/{uid}/abort — endpoints/runs.py abort_run
    if (
      request.method === 'POST' &&
      rest[0] === 'runs' &&
      rest[2] === 'abort' &&
      rest.length === 3
    ) {
      const run = runners.find(r => r.project === projectName && r.uid === rest[1])
      if (!run)
        return mlrunError(
          404,
          'MLRunNotFoundError',
          `Run uid ${rest[1]} of project ${projectName} not found`
        )
      aborted.push(run.uid)
      if (['completed', 'error', 'aborted'].includes(run.state))
        return mlrunError(
          409,
          'MLRunConflictError',
          `Run ${run.uid} is in terminal state ${run.state}, cannot abort`
        )
      run.state = 'aborted'
      return {
        status: 202,
        body: {
          kind: 'background_task',
          metadata: { name: randomBytes(8).toString('hex'), project: projectName },
          status: { state: 'running' }
        }
      }
    }
    return notFound(request)
  }

  const server = await startServer((request, response) =>
    withFaults(faults, request, response, () => route(request))
  )
  return Object.assign(server, {
    projects,
    runners,
    violations,
    faults,
    terminated,
    aborted,
    concealed,
    webhooks,
    setProjectSecret: (project: string, key: string, value: string) =>
      void secretsOf(project).set(key, value),
    finish
  })
}

function notFound(request: RecordedRequest) {
  return {
    status: 404,
    body: { detail: `fake MLRun has no route ${request.method} ${request.path}` }
  }
}

/** A DAG node as mlrun_pipelines ops.py generate_kfp_dag_and_resolve_project records it. */
function node(
  id: string,
  name: string,
  type: 'DAG' | 'Pod',
  phase: string,
  start: number | undefined,
  end: number | undefined,
  parent: string,
  children: string[]
) {
  const startedAt =
    start === undefined ? null : new Date(start).toISOString().replace(/\.\d+Z$/, 'Z')
  const finishedAt = end === undefined ? null : new Date(end).toISOString().replace(/\.\d+Z$/, 'Z')
  return {
    phase,
    startedAt,
    finishedAt,
    type,
    id,
    started_at: startedAt,
    finished_at: finishedAt,
    parent,
    name,
    children
  }
}

/** server/api/api/endpoints/workflows.py _update_dict: nested merge where only truthy values win. */
function updateDict(
  target: Record<string, unknown>,
  source: Record<string, unknown>
): Record<string, unknown> {
  for (const [key, value] of Object.entries(source)) {
    if (isRecord(value))
      target[key] = updateDict(
        isRecord(target[key]) ? (target[key] as Record<string, unknown>) : {},
        value
      )
    else if (
      value !== null &&
      value !== undefined &&
      value !== false &&
      value !== 0 &&
      value !== '' &&
      !(Array.isArray(value) && value.length === 0)
    )
      target[key] = value
  }
  return target
}
