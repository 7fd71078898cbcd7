import { ConfigurationError } from '../../core/errors.js'
import type { ClusterConfig } from '../../core/config/schema.js'
import { basic, bearer, HttpError, type HttpClient } from '../http.js'
import { ensureProject } from './mlrun-project.js'
import { readSecret, type ResolvedOptions } from './options.js'
import { apiClient, confirmCancel, trimSlash, waitRemote } from './remote.js'
import { mergeResults, normalizeState } from './states.js'
import { canonicalJson } from '../../core/hash.js'
import { trainingFinishedDispatch } from '../../core/detached.js'
import type {
  FoundRun,
  Orchestrator,
  RunIdentity,
  RunScope,
  RunState,
  RunStatus,
  StepStatus,
  SubmissionQuery,
  SubmissionRun,
  SubmitRequest,
  SubmittedRun,
  WaitOptions
} from './types.js'

type MlrunCluster = Extract<ClusterConfig, { kind: 'mlrun' }>

/** Name of the run notification a detached submission carries (unique per run, as MLRun requires). */
export const DETACHED_NOTIFICATION = 'promote-training-finished'

/**
 * The webhook run notification that sends the repository_dispatch when the workflow runner ends
 * (mlrun/common/schemas/notification.py Notification; pushed by the API's run monitor,
 * server/api/main.py _push_terminal_run_notifications, for the runner run's terminal states
 * completed / error / aborted). The token is not in it: `secret_params: {"secret": key}` names a
 * project secret whose value is the JSON of the secret params ({"headers": {"Authorization":
 * ...}}); the server reads it when it pushes (server/api/api/utils.py
 * unmask_notification_params_secret) and never returns secret_params
 * (sqldb/db.py _enrich_notification). `params` win over secret params on a clash
 * (notification_pusher.py _load_notification), so they carry no headers. The body goes out as
 * `override_body`; MLRun releases whose webhook.py substitutes `{{ runs }}` into every value
 * (before mlrun/mlrun#7022, 1.7.x #7023) fail on its nested client_payload, and there the
 * scheduled reconcile is the only path.
 */
export function detachedNotification(
  callback: NonNullable<SubmitRequest['callback']>,
  tokenSecret: string,
  runName: string
): Record<string, unknown> {
  return {
    kind: 'webhook',
    name: DETACHED_NOTIFICATION,
    message: 'promote-actions: training finished',
    severity: 'info',
    when: ['completed', 'error', 'aborted'],
    params: {
      url: callback.url,
      method: 'POST',
      override_body: trainingFinishedDispatch({
        submission: callback.submission,
        cluster: callback.cluster,
        runId: runName,
        ...(callback.message && { message: callback.message })
      })
    },
    secret_params: { secret: tokenSecret }
  }
}

interface MlrunRun {
  metadata?: {
    uid?: string
    name?: string
    project?: string
    labels?: Record<string, string>
  }
  spec?: { parameters?: Record<string, unknown> }
  status?: {
    state?: string
    results?: Record<string, unknown>
    artifact_uris?: Record<string, string>
    error?: string
    start_time?: string
    last_update?: string
  }
}

interface PipelineSummary {
  graph?: Record<
    string,
    {
      id?: string
      name?: string
      phase?: string
      /** Pod (a step) or DAG (the pipeline itself). */
      type?: string
      started_at?: string | null
      finished_at?: string | null
      run_uid?: string
      error?: string
      message?: string
    }
  >
  run?: {
    id?: string
    name?: string
    status?: string
    error?: string | null
    created_at?: string | null
    finished_at?: string | null
    message?: string
  }
}

/**
 * FastAPI errors: {"detail": "text"}, {"detail": {"reason": "..."}} or validation lists. MLRun's
 * own errors arrive as the Python repr of the exception (server/api/main.py
 * http_status_error_handler: `MLRunNotFoundError('Project not found: ...')`): the message inside
 * is what the user needs.
 */
export function fastApiDetail(body: unknown): string | undefined {
  if (!body || typeof body !== 'object')
    return typeof body === 'string' && body ? body.slice(0, 500) : undefined
  const detail = (body as { detail?: unknown }).detail
  if (typeof detail === 'string') return unrepr(detail)
  if (Array.isArray(detail)) {
    return detail
      .map(d => {
        const item = d as { loc?: unknown[]; msg?: string }
        return `${(item.loc ?? []).join('.')}: ${item.msg ?? JSON.stringify(d)}`
      })
      .join('; ')
  }
  if (detail && typeof detail === 'object') {
    const { reason, error } = detail as { reason?: unknown; error?: unknown }
    // log_and_raise(reason="Workflow failed", error=...): the error says why.
    if (typeof reason === 'string' && typeof error === 'string' && error)
      return `${reason}: ${unrepr(error)}`
    if (typeof reason === 'string') return reason
    if (reason && typeof reason === 'object') return JSON.stringify(reason)
    return JSON.stringify(detail)
  }
  return undefined
}

/** `MLRunNotFoundError('text')` → `text`; anything else unchanged. */
function unrepr(text: string): string {
  const match = /^[A-Za-z_][A-Za-z0-9_.]*\((['"])([\s\S]*)\1\)$/.exec(text.trim())
  return match ? match[2]!.replace(/\\(['"\\])/g, '$1') : text
}

const ATTEMPT_SUFFIX = /-a(\d+)$/
/**
 * A runner run named after a submission: normalize_name(`<key>-a<attempt>`), the key being
 * `gh<GitHub run id>-<workflow key>-<environment>-<8 hex of the submission hash>`.
 */
const SUBMISSION_RUN_NAME = /^(gh\d+-[a-z0-9-]*-[0-9a-f]{8})-a(\d+)$/

/** mlrun/utils/helpers.py normalize_name: how the server names the runner function and its run. */
export function mlrunRunName(runName: string): string {
  return runName.replace(/\s+/g, '-').replaceAll('_', '-').toLowerCase()
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** "2024-05-01 10:00:00+00:00" (Python's str(datetime)) or ISO → ISO; undefined when unparsable. */
function isoTime(text: string | null | undefined): string | undefined {
  if (!text) return undefined
  const ms = Date.parse(text.includes('T') ? text : text.replace(' ', 'T'))
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined
}

/**
 * MLRun's remote workflow engine over its REST API (no Python needed), sending what MLRun's own
 * client sends (mlrun/projects/pipelines.py _RemoteRunner.run → mlrun/db/httpdb.py
 * submit_workflow). A submission starts a runner job (its uid is our run id) named after
 * `run_name`; the runner starts the KFP pipeline (workflow_id) whose status we follow; step runs
 * carry the results.
 */
export class MlrunOrchestrator implements Orchestrator {
  readonly kind = 'mlrun' as const
  private readonly http: HttpClient
  private readonly ui: string
  private readonly scopes = new Map<string, RunScope>()
  private readonly workflowIds = new Map<string, string>()
  private readonly readyProjects = new Set<string>()

  constructor(
    private readonly cluster: MlrunCluster,
    private readonly options: ResolvedOptions
  ) {
    const where = `cluster ${cluster.url}`
    let auth: Record<string, string> = {}
    if (cluster.usernameEnv && cluster.accessKeyEnv) {
      const username = readSecret(options.env, cluster.usernameEnv, options.log, where)!
      auth = basic(username, readSecret(options.env, cluster.accessKeyEnv, options.log, where)!)
      // A server that echoes the request must not show the credentials either.
      options.log.secret(auth.authorization!.slice('Basic '.length))
    } else {
      auth = bearer(readSecret(options.env, cluster.tokenEnv, options.log, where))
    }
    this.ui = trimSlash(cluster.uiUrl ?? cluster.url)
    this.http = apiClient(
      options,
      'MLRun API',
      trimSlash(cluster.url),
      // httpdb.py api_call sends the client's version on every request.
      { ...auth, 'x-mlrun-client-version': cluster.clientVersion },
      fastApiDetail
    )
  }

  /**
   * Project and workflow of a runner run: known from submit/findRuns or the caller's scope, else
   * looked up by uid across projects (a post step that saved only the run id). The runner's
   * `workflow` label is its own run name (crud/workflows.py run()); the workflow it runs is the
   * `workflow_name` parameter (_prepare_run_object_for_single_run).
   */
  private async scopeOf(runId: string): Promise<RunScope> {
    const known = this.scopes.get(runId) ?? this.options.scope
    if (known) return known
    const { body } = await this.http.get<{ runs?: MlrunRun[] }>('/api/v1/projects/*/runs', {
      query: { uid: runId, iter: false }
    })
    const run = body?.runs?.find(r => r.metadata?.uid === runId)
    const project = run?.metadata?.project
    const parameters = run?.spec?.parameters
    const workflow =
      typeof parameters?.workflow_name === 'string' ? parameters.workflow_name : undefined
    if (!project || !workflow) throw new Error(`MLRun has no workflow runner run ${runId}`)
    const scope = { project, workflow }
    this.scopes.set(runId, scope)
    return scope
  }

  private project(scope: RunScope): string {
    return `/api/v1/projects/${encodeURIComponent(scope.project)}`
  }

  async submit(request: SubmitRequest, signal?: AbortSignal): Promise<SubmittedRun> {
    const scope = { project: request.project, workflow: request.workflow }
    const source = request.source ?? this.cluster.source
    if (!this.readyProjects.has(request.project)) {
      await ensureProject(
        this.http,
        {
          project: request.project,
          source,
          artifactPath: this.cluster.artifactPath,
          workflows: request.projectWorkflows ?? [],
          create: this.cluster.createProject,
          url: this.cluster.url
        },
        this.options.sleep,
        signal
      )
      this.readyProjects.add(request.project)
    }
    // httpdb.py submit_workflow always sends `spec` with its name: the server reads
    // workflow_request.spec.name unguarded (endpoints/workflows.py), so without it every submit
    // is a 500. Arguments go in `arguments`, not spec.args: _fill_workflow_missing_fields_from_project
    // merges spec only where values are truthy (false, 0 and "" would be dropped), then applies
    // `arguments` with dict.update, which keeps them.
    const body = {
      spec: {
        name: request.workflow,
        ...(request.workflowPath && { path: request.workflowPath })
      },
      arguments: request.arguments,
      ...(this.cluster.artifactPath && { artifact_path: this.cluster.artifactPath }),
      ...(source && { source }),
      // The runner run is named after the submission, so a lost response can be found again.
      run_name: mlrunRunName(request.displayName),
      ...(request.callback &&
        this.cluster.callback && {
          notifications: [
            detachedNotification(
              request.callback,
              this.cluster.callback.tokenSecret,
              mlrunRunName(request.displayName)
            )
          ]
        })
    }
    try {
      const { body: reply } = await this.http.post<{ run_id?: string; status?: string }>(
        `${this.project(scope)}/workflows/${encodeURIComponent(request.workflow)}/submit`,
        { body, ...(signal && { signal }) }
      )
      if (!reply?.run_id) throw new Error('MLRun accepted the workflow but returned no run_id')
      this.scopes.set(reply.run_id, scope)
      return { runId: reply.run_id, adopted: false }
    } catch (error) {
      if (error instanceof HttpError && (error.status === 400 || error.status === 404)) {
        throw new ConfigurationError(
          `MLRun refused workflow '${request.workflow}' of project '${request.project}': ${fastApiDetail(error.body) ?? error.message}`
        )
      }
      throw error
    }
  }

  /** The pipeline the runner started; undefined while the runner is still starting it. */
  private async workflowId(runId: string): Promise<{ id?: string; runnerError?: string }> {
    const known = this.workflowIds.get(runId)
    if (known) return { id: known }
    const scope = await this.scopeOf(runId)
    // crud/workflows.py get_workflow_id: 404 until the runner logged workflow_id, 412 once it failed.
    const response = await this.http.get<{ workflow_id?: string }>(
      `${this.project(scope)}/workflows/${encodeURIComponent(scope.workflow)}/runs/${encodeURIComponent(runId)}`,
      { query: { engine: 'kfp' }, acceptStatus: [404, 412] }
    )
    if (response.status === 412)
      return { runnerError: fastApiDetail(response.body) ?? 'the workflow runner failed' }
    const id = response.status === 200 ? response.body?.workflow_id : undefined
    if (id) this.workflowIds.set(runId, id)
    return id ? { id } : {}
  }

  async getStatus(runId: string): Promise<RunStatus> {
    const scope = await this.scopeOf(runId)
    const { id, runnerError } = await this.workflowId(runId)
    if (runnerError) {
      return {
        runId,
        state: 'failed',
        rawState: 'runner failed',
        error: runnerError,
        steps: [],
        results: {}
      }
    }
    if (!id) return { runId, state: 'pending', rawState: 'starting runner', steps: [], results: {} }
    const { body } = await this.http.get<PipelineSummary>(
      `${this.project(scope)}/pipelines/${encodeURIComponent(id)}`,
      { query: { format: 'summary' } }
    )
    const run = body?.run ?? {}
    const rawState = run.status || 'pending'
    const state = normalizeState(rawState)
    // The graph holds the pipeline's own DAG node too; the steps are its pods.
    let steps: StepStatus[] = Object.values(body?.graph ?? {})
      .filter(node => node.type === undefined || node.type === 'Pod')
      .sort((a, b) => (a.started_at ?? '~').localeCompare(b.started_at ?? '~'))
      .map(node => {
        const startedAt = isoTime(node.started_at)
        const finishedAt = isoTime(node.finished_at)
        return {
          name: node.name ?? node.id ?? 'step',
          state: normalizeState(node.phase),
          rawState: node.phase ?? 'pending',
          results: {},
          ...(startedAt && { startedAt }),
          ...(finishedAt && { finishedAt }),
          ...((node.error ?? node.message) &&
            ['failed', 'cancelled'].includes(normalizeState(node.phase)) && {
              error: (node.error ?? node.message)!
            })
        }
      })
    let results: Record<string, unknown> = {}
    if (isFinished(state)) {
      const stepRuns = await this.stepRuns(scope, id)
      if (stepRuns.length) steps = stepRuns
      results = mergeResults(steps)
    }
    const error = run.error || (state === 'failed' ? run.message : undefined)
    const startedAt = isoTime(run.created_at)
    const finishedAt = isoTime(run.finished_at)
    return {
      runId,
      workflowId: id,
      state,
      rawState,
      ...(error && { error }),
      ...(run.message && { message: run.message }),
      ...(startedAt && { startedAt }),
      ...(finishedAt && { finishedAt }),
      url: this.pipelineUrl(scope, id),
      steps,
      results
    }
  }

  /**
   * The MLRun runs of the pipeline's steps: KFP steps carry `workflow=<workflow id>`
   * (mlrun_pipelines ops.py format_summary_from_kfp_run lists them the same way). iter=false: the
   * server lists every hyper-parameter iteration otherwise (endpoints/runs.py iter defaults true).
   */
  private async stepRuns(scope: RunScope, workflowId: string): Promise<StepStatus[]> {
    const { body } = await this.http.get<{ runs?: MlrunRun[] }>(`${this.project(scope)}/runs`, {
      query: { label: `workflow=${workflowId}`, iter: false }
    })
    return (body?.runs ?? [])
      .sort((a, b) => (a.status?.start_time ?? '').localeCompare(b.status?.start_time ?? ''))
      .map(run => {
        const state = normalizeState(run.status?.state)
        const startedAt = isoTime(run.status?.start_time)
        // A run's last_update is when it reached its final state.
        const finishedAt = isFinished(state) ? isoTime(run.status?.last_update) : undefined
        return {
          name: run.metadata?.name ?? run.metadata?.uid ?? 'step',
          state,
          rawState: run.status?.state ?? 'unknown',
          results: { ...(run.status?.results ?? {}), ...(run.status?.artifact_uris ?? {}) },
          ...(startedAt && { startedAt }),
          ...(finishedAt && { finishedAt }),
          ...(run.status?.error && { error: run.status.error })
        }
      })
  }

  wait(runId: string, options: WaitOptions): Promise<RunStatus> {
    return waitRemote(
      this.options,
      runId,
      options,
      () => this.getStatus(runId),
      () => this.cancel(runId)
    )
  }

  cancel(runId: string): Promise<RunStatus> {
    return confirmCancel(
      this.options,
      runId,
      () => this.requestCancel(runId),
      () => this.getStatus(runId)
    )
  }

  private async requestCancel(runId: string): Promise<void> {
    const scope = await this.scopeOf(runId)
    const { id } = await this.workflowId(runId).catch(() => ({ id: undefined }))
    let terminated = true
    if (id) {
      // MLRun 1.6/1.7 have no terminate endpoint (404/405): aborting the runner is all they offer.
      const response = await this.http.post(
        `${this.project(scope)}/pipelines/${encodeURIComponent(id)}/terminate`,
        { acceptStatus: [404, 405], idempotent: true }
      )
      terminated = response.status < 400
    }
    // endpoints/runs.py abort_run reads a JSON body; a runner that already finished refuses (409).
    await this.http.post(`${this.project(scope)}/runs/${encodeURIComponent(runId)}/abort`, {
      body: {},
      acceptStatus: [400, 404, 409],
      idempotent: true
    })
    if (!terminated) {
      // Aborting the runner deletes its pod (crud/runs.py abort_run), not the pipeline it started.
      throw new Error(
        `this MLRun server has no pipeline terminate endpoint (MLRun 1.7 and older): runner ${runId} was aborted, but pipeline ${id} goes on; stop it in the MLRun or KFP UI`
      )
    }
  }

  /** mlrun/utils/helpers.py get_workflow_url: where the seed's start message pointed. */
  private pipelineUrl(scope: RunScope, workflowId: string): string {
    return `${this.ui}/projects/${encodeURIComponent(scope.project)}/jobs/monitor-workflows/workflow/${encodeURIComponent(workflowId)}`
  }

  runUrl(runId: string): string | undefined {
    const scope = this.scopes.get(runId) ?? this.options.scope
    if (!scope) return undefined
    const id = this.workflowIds.get(runId)
    return id
      ? this.pipelineUrl(scope, id)
      : `${this.ui}/projects/${encodeURIComponent(scope.project)}/jobs/monitor-workflows`
  }

  /**
   * Runner runs of a submission: MLRun names them normalize_name(run_name) and labels them
   * job-type=workflow-runner (crud/workflows.py run()); `name=~text` matches names containing
   * the text, case-insensitively (sqldb/db.py _add_run_name_query). The exact name pattern
   * `<key>-a<attempt>` keeps out keys that merely start alike. The submit API takes no labels
   * (schemas/workflow.py WorkflowRequest), so the submission is checked by what the runner run
   * shows: its key (with the submission hash) in the name, and the workflow and arguments it runs
   * (spec.parameters workflow_name / workflow_arguments, _prepare_run_object_for_single_run).
   */
  async findRuns(identity: RunIdentity, scope: RunScope): Promise<FoundRun[]> {
    const key = mlrunRunName(identity.key)
    const { body } = await this.http.get<{ runs?: MlrunRun[] }>(
      `${this.project(scope)}/runs?label=${encodeURIComponent('job-type=workflow-runner')}`,
      { query: { name: `~${key}`, iter: false } }
    )
    const exact = new RegExp(`^${escapeRegExp(key)}-a(\\d+)$`)
    const runs = (body?.runs ?? [])
      .filter(run => run.metadata?.uid && exact.test(run.metadata.name ?? ''))
      .filter(run => runsSubmission(run, scope, identity))
      .sort((a, b) => (b.status?.start_time ?? '').localeCompare(a.status?.start_time ?? ''))
    const found: FoundRun[] = []
    for (const run of runs) {
      const uid = run.metadata!.uid!
      this.scopes.set(uid, scope)
      const attempt = Number(ATTEMPT_SUFFIX.exec(run.metadata!.name!)?.[1])
      let state = normalizeState(run.status?.state)
      // The runner waits for its pipeline (load_and_run wait_for_completion=True), but a
      // completed runner says nothing about how the pipeline ended: ask the pipeline.
      if (state === 'succeeded')
        state = await this.getStatus(uid).then(
          s => s.state,
          () => 'running' as const
        )
      found.push({
        runId: uid,
        state,
        ...(Number.isFinite(attempt) && attempt > 0 && { attempt }),
        url: this.runUrl(uid)!
      })
    }
    return found
  }

  /**
   * Runner runs of this repository's submissions. MLRun's workflow submit API takes no labels
   * (schemas/workflow.py WorkflowRequest: spec, arguments, artifact_path, source, run_name,
   * namespace, notifications), so neither the repository nor the mode can be asked for: the
   * projects of promote.yaml are this repository's, and a runner run is a submission when its
   * name has a submission key's shape (`gh<run>-<workflow>-<environment>-<hash>-a<attempt>`,
   * SUBMISSION_RUN_NAME). Listed per project with `label=job-type=workflow-runner` and
   * `name=~gh` (sqldb/db.py list_runs), newest first.
   */
  async listSubmissions(query: SubmissionQuery): Promise<SubmissionRun[]> {
    const found: SubmissionRun[] = []
    const projects = new Map<string, Set<string>>()
    for (const scope of query.scopes) {
      const workflows = projects.get(scope.project) ?? new Set<string>()
      workflows.add(scope.workflow)
      projects.set(scope.project, workflows)
    }
    for (const [project, workflows] of projects) {
      const { body } = await this.http.get<{ runs?: MlrunRun[] }>(
        `${this.project({ project, workflow: '' })}/runs?label=${encodeURIComponent('job-type=workflow-runner')}`,
        { query: { name: '~gh', iter: false }, acceptStatus: [404] }
      )
      for (const run of body?.runs ?? []) {
        const submission = this.submissionOf(run)
        if (submission?.scope && workflows.has(submission.scope.workflow)) found.push(submission)
      }
    }
    return found.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))
  }

  /**
   * A runner run by its uid, or by its name: a detached run's callback names the runner run
   * (`<key>-a<attempt>`, fixed at submit time, before the uid exists).
   */
  async describeRun(runId: string, scope?: RunScope): Promise<SubmissionRun | undefined> {
    const byName = SUBMISSION_RUN_NAME.test(runId)
    const { body } = await this.http.get<{ runs?: MlrunRun[] }>(
      `/api/v1/projects/${encodeURIComponent(scope?.project ?? '*')}/runs?label=${encodeURIComponent('job-type=workflow-runner')}`,
      {
        query: { ...(byName ? { name: runId } : { uid: runId }), iter: false },
        acceptStatus: [404]
      }
    )
    const runs = (body?.runs ?? []).filter(run =>
      byName ? run.metadata?.name === runId : run.metadata?.uid === runId
    )
    // Newest first: a name submitted again (same key and attempt) is the latest run.
    runs.sort((a, b) => (b.status?.start_time ?? '').localeCompare(a.status?.start_time ?? ''))
    return this.submissionOf(runs[0])
  }

  private submissionOf(run: MlrunRun | undefined): SubmissionRun | undefined {
    const uid = run?.metadata?.uid
    const labels = nameLabels(run?.metadata?.name ?? '')
    const project = run?.metadata?.project
    const workflow = run?.spec?.parameters?.workflow_name
    if (!uid || !labels || !project || typeof workflow !== 'string') return undefined
    if (run.metadata?.labels?.['job-type'] !== 'workflow-runner') return undefined
    const scope = { project, workflow }
    this.scopes.set(uid, scope)
    const createdAt = isoTime(run.status?.start_time)
    return {
      runId: uid,
      key: labels['promote-actions/run']!,
      // The runner waits for its pipeline: its end is the pipeline's (getStatus says how it ended).
      state: normalizeState(run.status?.state),
      labels,
      annotations: {},
      scope,
      ...(createdAt && { createdAt }),
      url: this.runUrl(uid)!
    }
  }
}

/** Whether a runner run runs this workflow with every argument of the submission, as sent. */
function runsSubmission(run: MlrunRun, scope: RunScope, identity: RunIdentity): boolean {
  const parameters = run.spec?.parameters
  if (!parameters) return true
  if (typeof parameters.workflow_name === 'string' && parameters.workflow_name !== scope.workflow)
    return false
  const sent = parameters.workflow_arguments
  if (!identity.arguments || !sent || typeof sent !== 'object') return true
  return Object.entries(identity.arguments).every(
    ([name, value]) =>
      canonicalJson((sent as Record<string, unknown>)[name]) === canonicalJson(value)
  )
}

/** LABEL_RUN, LABEL_ATTEMPT and LABEL_GITHUB_RUN, as far as a runner run's name tells them. */
function nameLabels(name: string): Record<string, string> | undefined {
  const match = SUBMISSION_RUN_NAME.exec(name)
  if (!match) return undefined
  return {
    'promote-actions/run': match[1]!,
    'promote-actions/attempt': match[2]!,
    'promote-actions/github-run': /^gh(\d+)-/.exec(match[1]!)![1]!
  }
}

function isFinished(state: RunState): boolean {
  return state === 'succeeded' || state === 'failed' || state === 'cancelled' || state === 'skipped'
}
