import { ConfigurationError } from '../../core/errors.js'
import type { ClusterConfig } from '../../core/config/schema.js'
import { basic, bearer, HttpError, type HttpClient } from '../http.js'
import { readSecret, type ResolvedOptions } from './options.js'
import { apiClient, trimSlash, waitRemote } from './remote.js'
import { mergeResults, normalizeState } from './states.js'
import type {
  FoundRun,
  Orchestrator,
  RunScope,
  RunState,
  RunStatus,
  StepStatus,
  SubmitRequest,
  SubmittedRun,
  WaitOptions
} from './types.js'

type MlrunCluster = Extract<ClusterConfig, { kind: 'mlrun' }>

interface MlrunRun {
  metadata?: { uid?: string; name?: string; project?: string; labels?: Record<string, string> }
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
      run_uid?: string
      error?: string
      message?: string
    }
  >
  run?: {
    id?: string
    name?: string
    status?: string
    error?: string
    created_at?: string
    finished_at?: string
    message?: string
  }
}

/** FastAPI errors: {"detail": "text"}, {"detail": {"reason": "..."}} or validation lists. */
export function fastApiDetail(body: unknown): string | undefined {
  if (!body || typeof body !== 'object')
    return typeof body === 'string' && body ? body.slice(0, 500) : undefined
  const detail = (body as { detail?: unknown }).detail
  if (typeof detail === 'string') return detail
  if (Array.isArray(detail)) {
    return detail
      .map(d => {
        const item = d as { loc?: unknown[]; msg?: string }
        return `${(item.loc ?? []).join('.')}: ${item.msg ?? JSON.stringify(d)}`
      })
      .join('; ')
  }
  if (detail && typeof detail === 'object') {
    const reason = (detail as { reason?: unknown }).reason
    if (typeof reason === 'string') return reason
    if (reason && typeof reason === 'object') return JSON.stringify(reason)
    return JSON.stringify(detail)
  }
  return undefined
}

const ATTEMPT_SUFFIX = /-a(\d+)$/

/**
 * MLRun's remote workflow engine over its REST API (no Python needed). A submission starts a
 * runner job (its uid is our run id); the runner starts the KFP pipeline (workflow_id) whose
 * status we follow; step runs carry the results.
 */
export class MlrunOrchestrator implements Orchestrator {
  readonly kind = 'mlrun' as const
  private readonly http: HttpClient
  private readonly ui: string
  private readonly scopes = new Map<string, RunScope>()
  private readonly workflowIds = new Map<string, string>()

  constructor(
    private readonly cluster: MlrunCluster,
    private readonly options: ResolvedOptions
  ) {
    const where = `cluster ${cluster.url}`
    let auth: Record<string, string> = {}
    if (cluster.usernameEnv && cluster.accessKeyEnv) {
      const username = readSecret(options.env, cluster.usernameEnv, options.log, where)!
      auth = basic(username, readSecret(options.env, cluster.accessKeyEnv, options.log, where)!)
    } else {
      auth = bearer(readSecret(options.env, cluster.tokenEnv, options.log, where))
    }
    this.ui = trimSlash(cluster.uiUrl ?? cluster.url)
    this.http = apiClient(
      options,
      'MLRun API',
      trimSlash(cluster.url),
      { ...auth, 'x-mlrun-client-version': cluster.clientVersion },
      fastApiDetail
    )
  }

  /**
   * Project and workflow of a runner run: known from submit/findRuns or the caller's scope, else
   * looked up by uid across projects (a post step that saved only the run id).
   */
  private async scopeOf(runId: string): Promise<RunScope> {
    const known = this.scopes.get(runId) ?? this.options.scope
    if (known) return known
    const { body } = await this.http.get<{ runs?: MlrunRun[] }>('/api/v1/projects/*/runs', {
      query: { uid: runId }
    })
    const run = body?.runs?.find(r => r.metadata?.uid === runId)
    const project = run?.metadata?.project
    const workflow = run?.metadata?.labels?.workflow
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
    const body = {
      arguments: request.arguments,
      // The runner run is named after the submission, so a lost response can be found again.
      run_name: request.displayName,
      ...((request.source ?? this.cluster.source) && {
        source: request.source ?? this.cluster.source
      }),
      ...(this.cluster.artifactPath && { artifact_path: this.cluster.artifactPath })
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
      {
        query: { format: 'summary' }
      }
    )
    const run = body?.run ?? {}
    const rawState = run.status || 'pending'
    const state = normalizeState(rawState)
    let steps: StepStatus[] = Object.values(body?.graph ?? {}).map(node => ({
      name: node.name ?? node.id ?? 'step',
      state: normalizeState(node.phase),
      rawState: node.phase ?? 'pending',
      results: {},
      ...((node.error ?? node.message) &&
        ['failed', 'cancelled'].includes(normalizeState(node.phase)) && {
          error: (node.error ?? node.message)!
        })
    }))
    let results: Record<string, unknown> = {}
    if (isFinished(state)) {
      const stepRuns = await this.stepRuns(scope, id)
      if (stepRuns.length) steps = stepRuns
      results = mergeResults(steps)
    }
    const error = run.error || (state === 'failed' ? run.message : undefined)
    return {
      runId,
      state,
      rawState,
      ...(error && { error }),
      ...(run.message && { message: run.message }),
      ...(run.created_at && { startedAt: run.created_at }),
      ...(run.finished_at && { finishedAt: run.finished_at }),
      url: this.pipelineUrl(scope, id),
      steps,
      results
    }
  }

  private async stepRuns(scope: RunScope, workflowId: string): Promise<StepStatus[]> {
    const { body } = await this.http.get<{ runs?: MlrunRun[] }>(`${this.project(scope)}/runs`, {
      query: { label: `workflow=${workflowId}` }
    })
    return (body?.runs ?? [])
      .sort((a, b) => (a.status?.start_time ?? '').localeCompare(b.status?.start_time ?? ''))
      .map(run => ({
        name: run.metadata?.name ?? run.metadata?.uid ?? 'step',
        state: normalizeState(run.status?.state),
        rawState: run.status?.state ?? 'unknown',
        results: { ...(run.status?.results ?? {}), ...(run.status?.artifact_uris ?? {}) },
        ...(run.status?.start_time && { startedAt: run.status.start_time }),
        ...(run.status?.error && { error: run.status.error })
      }))
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

  async cancel(runId: string): Promise<void> {
    const scope = await this.scopeOf(runId)
    const { id } = await this.workflowId(runId).catch(() => ({ id: undefined }))
    if (id) {
      // Older servers have no terminate endpoint (404/405): aborting the runner is all they offer.
      await this.http.post(`${this.project(scope)}/pipelines/${encodeURIComponent(id)}/terminate`, {
        acceptStatus: [404, 405],
        idempotent: true
      })
    }
    // A runner that already finished refuses the abort (400/409): that is fine.
    await this.http.post(`${this.project(scope)}/runs/${encodeURIComponent(runId)}/abort`, {
      body: {},
      acceptStatus: [400, 404, 409],
      idempotent: true
    })
  }

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

  async findRuns(runKey: string, scope: RunScope): Promise<FoundRun[]> {
    // MLRun matches names containing the text after "~".
    const { body } = await this.http.get<{ runs?: MlrunRun[] }>(`${this.project(scope)}/runs`, {
      query: { name: `~${runKey}` }
    })
    const runs = (body?.runs ?? [])
      .filter(run => run.metadata?.uid && run.metadata.name?.startsWith(runKey))
      .sort((a, b) => (b.status?.start_time ?? '').localeCompare(a.status?.start_time ?? ''))
    const found: FoundRun[] = []
    for (const run of runs) {
      const uid = run.metadata!.uid!
      this.scopes.set(uid, scope)
      const attempt = Number(ATTEMPT_SUFFIX.exec(run.metadata!.name!)?.[1])
      let state = normalizeState(run.status?.state)
      // A completed runner only means the pipeline started: its state is the pipeline's.
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
}

function isFinished(state: RunState): boolean {
  return state === 'succeeded' || state === 'failed' || state === 'cancelled' || state === 'skipped'
}
