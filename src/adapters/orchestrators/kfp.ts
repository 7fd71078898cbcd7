import { ConfigurationError } from '../../core/errors.js'
import type { ClusterConfig } from '../../core/config/schema.js'
import { bearer, HttpError, type HttpClient } from '../http.js'
import { readSecret, type ResolvedOptions } from './options.js'
import { apiClient, confirmCancel, rpcErrorMessage, trimSlash, waitRemote } from './remote.js'
import {
  LABEL_ATTEMPT,
  LABEL_MODE,
  LABEL_REPOSITORY,
  LABEL_RUN,
  LABEL_SUBMISSION,
  type FoundRun,
  type SubmissionQuery,
  type SubmissionRun,
  type RunIdentity,
  type Orchestrator,
  type RunState,
  type RunStatus,
  type StepStatus,
  type SubmitRequest,
  type SubmittedRun,
  type WaitOptions
} from './types.js'

type KfpCluster = Extract<ClusterConfig, { kind: 'kfp' }>

interface RpcStatus {
  code?: number
  message?: string
}

interface KfpTask {
  display_name?: string
  state?: string
  start_time?: string
  end_time?: string
  error?: RpcStatus
}

interface KfpRun {
  run_id?: string
  display_name?: string
  description?: string
  state?: string
  error?: RpcStatus
  created_at?: string
  finished_at?: string
  run_details?: { task_details?: KfpTask[] }
}

/**
 * v2beta1 task details carry output *artifact ids* only (PipelineTaskDetail.outputs is a map of
 * ArtifactList{artifact_ids}: backend/api/v2beta1/run.proto); parameter values and metrics live in
 * ML Metadata, which the API does not serve. Said wherever results would be read.
 */
export const KFP_RESULTS_UNAVAILABLE =
  "Kubeflow Pipelines' v2beta1 API returns no output values (a task's outputs are ML Metadata artifact ids), so step results cannot be read"

/** KFP's own driver tasks, not steps of the user's pipeline. */
const SYSTEM_TASKS = /^(root|root-driver|.*-driver|executor|dag-driver)$/

/**
 * The v2beta1 API's terminal states. Unlike the KFP SDK's wait_for_run_completion, CANCELED
 * ends the wait too (the SDK keeps polling a cancelled run until its timeout).
 */
function kfpState(raw: string | undefined): RunState {
  switch (raw) {
    case 'SUCCEEDED':
      return 'succeeded'
    case 'SKIPPED':
      return 'skipped'
    case 'FAILED':
      return 'failed'
    case 'CANCELED':
      return 'cancelled'
    case 'RUNNING':
    case 'CANCELING':
    case 'PAUSED':
      return 'running'
    default:
      return 'pending'
  }
}

const DESCRIPTION_PREFIX = 'promote-actions'

/** Label keys in a run's description; the rest of its entries are annotations. */
const LABEL_KEYS = new Set([
  LABEL_RUN,
  LABEL_ATTEMPT,
  LABEL_SUBMISSION,
  LABEL_MODE,
  'promote-actions/commit',
  'promote-actions/actor',
  'promote-actions/github-run'
])

/** Pages of a collector's list (page_size 100, the API's usual bound). */
const LIST_PAGE_SIZE = 100
const LIST_MAX_PAGES = 20

/**
 * v2beta1 runs have no labels: the identity and the GitHub run travel in the description as
 * `key=value` words (whitespace and '%' percent-encoded), read back by runDescriptionEntries.
 */
export function runDescription(request: SubmitRequest): string {
  const entries = { ...request.labels, ...request.annotations }
  return [
    DESCRIPTION_PREFIX,
    ...Object.entries(entries).map(
      ([k, v]) => `${k}=${v.replace(/[\s%]/g, c => encodeURIComponent(c))}`
    )
  ].join(' ')
}

export function runDescriptionEntries(description: string | undefined): Record<string, string> {
  const words = (description ?? '').split(/\s+/)
  if (words[0] !== DESCRIPTION_PREFIX) return {}
  const entries: Record<string, string> = {}
  for (const word of words.slice(1)) {
    const at = word.indexOf('=')
    if (at < 1) continue
    try {
      entries[word.slice(0, at)] = decodeURIComponent(word.slice(at + 1))
    } catch {
      entries[word.slice(0, at)] = word.slice(at + 1)
    }
  }
  return entries
}

/** Kubeflow Pipelines v2beta1: a run of a pipeline (by id, or resolved by name). */
export class KfpOrchestrator implements Orchestrator {
  readonly kind = 'kfp' as const
  private readonly http: HttpClient
  private readonly ui: string

  constructor(
    private readonly cluster: KfpCluster,
    private readonly options: ResolvedOptions
  ) {
    const token = readSecret(options.env, cluster.tokenEnv, options.log, `cluster ${cluster.url}`)
    this.ui = trimSlash(cluster.uiUrl ?? cluster.url)
    this.http = apiClient(
      options,
      'Kubeflow Pipelines API',
      trimSlash(cluster.url),
      bearer(token),
      rpcErrorMessage
    )
  }

  private async pipelineId(request: SubmitRequest): Promise<string> {
    if (request.pipelineId) return request.pipelineId
    const response = await this.http.get<{ pipeline_id?: string }>(
      `/apis/v2beta1/pipelines/names/${encodeURIComponent(request.workflow)}`,
      { query: { namespace: this.cluster.namespace }, acceptStatus: [404] }
    )
    if (response.status === 404 || !response.body?.pipeline_id) {
      throw new ConfigurationError(
        `pipeline '${request.workflow}' not found on ${this.cluster.url}${this.cluster.namespace ? ` (namespace ${this.cluster.namespace})` : ''}: ${rpcErrorMessage(response.body) ?? 'no such pipeline'} (set workflows.<key>.name to the pipeline name, or pipelineId)`
      )
    }
    return response.body.pipeline_id
  }

  async submit(request: SubmitRequest, signal?: AbortSignal): Promise<SubmittedRun> {
    const pipelineId = await this.pipelineId(request)
    // Runs have no labels in v2beta1: the run key travels in the display name, which list
    // filters can match, and the whole identity in the description, which findRuns checks.
    const body = {
      display_name: request.displayName,
      description: runDescription(request),
      ...(this.cluster.experimentId && { experiment_id: this.cluster.experimentId }),
      pipeline_version_reference: {
        pipeline_id: pipelineId,
        ...(request.pipelineVersionId && { pipeline_version_id: request.pipelineVersionId })
      },
      runtime_config: { parameters: request.arguments }
    }
    try {
      const { body: run } = await this.http.post<KfpRun>('/apis/v2beta1/runs', {
        body,
        ...(signal && { signal })
      })
      if (!run?.run_id)
        throw new Error('Kubeflow Pipelines accepted the run but returned no run_id')
      return { runId: run.run_id, url: this.runUrl(run.run_id), adopted: false }
    } catch (error) {
      if (error instanceof HttpError && (error.status === 400 || error.status === 404)) {
        throw new ConfigurationError(
          `Kubeflow Pipelines refused the run of '${request.workflow}': ${rpcErrorMessage(error.body) ?? error.message}`
        )
      }
      throw error
    }
  }

  async getStatus(runId: string): Promise<RunStatus> {
    const { body: run } = await this.http.get<KfpRun>(
      `/apis/v2beta1/runs/${encodeURIComponent(runId)}`
    )
    const rawState = run?.state ?? 'PENDING'
    const steps: StepStatus[] = (run?.run_details?.task_details ?? [])
      .filter(task => task.display_name && !SYSTEM_TASKS.test(task.display_name))
      .map(task => ({
        name: task.display_name!,
        state: kfpState(task.state),
        rawState: task.state ?? 'PENDING',
        results: {},
        ...(task.start_time && { startedAt: task.start_time }),
        ...(task.end_time && { finishedAt: task.end_time }),
        ...(task.error?.message && { error: task.error.message })
      }))
    return {
      runId,
      state: kfpState(rawState),
      rawState,
      ...(run?.error?.message && { error: run.error.message }),
      ...(run?.created_at && { startedAt: run.created_at }),
      ...(run?.finished_at &&
        !run.finished_at.startsWith('1970') && { finishedAt: run.finished_at }),
      url: this.runUrl(runId),
      steps,
      results: {},
      resultsUnavailable: KFP_RESULTS_UNAVAILABLE
    }
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
    await this.http.post(`/apis/v2beta1/runs/${encodeURIComponent(runId)}:terminate`, {
      idempotent: true
    })
  }

  runUrl(runId: string): string {
    return `${this.ui}/#/runs/details/${encodeURIComponent(runId)}`
  }

  async findRuns(identity: RunIdentity): Promise<FoundRun[]> {
    const filter = {
      predicates: [{ key: 'display_name', operation: 'IS_SUBSTRING', string_value: identity.key }]
    }
    const { body } = await this.http.get<{ runs?: KfpRun[] }>('/apis/v2beta1/runs', {
      query: {
        filter: JSON.stringify(filter),
        sort_by: 'created_at desc',
        page_size: 50,
        experiment_id: this.cluster.experimentId,
        namespace: this.cluster.namespace
      }
    })
    // The display name only contains the key: the description must name this very submission.
    return (body?.runs ?? [])
      .filter(run => run.run_id)
      .map(run => ({ run, entries: runDescriptionEntries(run.description) }))
      .filter(
        ({ entries }) =>
          entries[LABEL_RUN] === identity.key && entries[LABEL_SUBMISSION] === identity.submission
      )
      .map(({ run, entries }) => {
        const attempt = Number(entries[LABEL_ATTEMPT])
        return {
          runId: run.run_id!,
          state: kfpState(run.state),
          ...(Number.isFinite(attempt) && attempt > 0 && { attempt }),
          url: this.runUrl(run.run_id!)
        }
      })
  }

  /**
   * Runs this repository submitted. v2beta1 runs have no labels; the description holds the
   * identity as `key=value` words and is a filterable field (backend/src/apiserver/model/run.go
   * runAPIToModelFieldMap: description → Description; IS_SUBSTRING is SQL LIKE), so the server
   * narrows to our runs of this mode and the exact repository is checked here. The repository
   * entry reads `owner/repo` (the annotation, which runDescription writes over the label) or the
   * label value: both are accepted.
   */
  async listSubmissions(query: SubmissionQuery): Promise<SubmissionRun[]> {
    const predicates = [
      {
        key: 'description',
        operation: 'IS_SUBSTRING',
        string_value: `${DESCRIPTION_PREFIX} `
      },
      ...(query.mode
        ? [
            {
              key: 'description',
              operation: 'IS_SUBSTRING',
              string_value: `${LABEL_MODE}=${query.mode}`
            }
          ]
        : [])
    ]
    const runs: KfpRun[] = []
    let token: string | undefined
    for (let page = 0; page < LIST_MAX_PAGES; page++) {
      const { body } = await this.http.get<{ runs?: KfpRun[]; next_page_token?: string }>(
        '/apis/v2beta1/runs',
        {
          query: {
            filter: JSON.stringify({ predicates }),
            sort_by: 'created_at desc',
            page_size: LIST_PAGE_SIZE,
            ...(token && { page_token: token }),
            experiment_id: this.cluster.experimentId,
            namespace: this.cluster.namespace
          }
        }
      )
      runs.push(...(body?.runs ?? []))
      token = body?.next_page_token || undefined
      if (!token) break
    }
    return runs
      .map(run => this.submissionOf(run))
      .filter((run): run is SubmissionRun => {
        if (!run) return false
        const repository = run.labels[LABEL_REPOSITORY] ?? run.annotations[LABEL_REPOSITORY]
        return (
          (repository === query.repository || repository === query.repositoryName) &&
          (!query.mode || run.labels[LABEL_MODE] === query.mode)
        )
      })
  }

  async describeRun(runId: string): Promise<SubmissionRun | undefined> {
    const response = await this.http.get<KfpRun>(
      `/apis/v2beta1/runs/${encodeURIComponent(runId)}`,
      { acceptStatus: [404] }
    )
    return response.status === 404 ? undefined : this.submissionOf(response.body)
  }

  private submissionOf(run: KfpRun | undefined): SubmissionRun | undefined {
    const entries = runDescriptionEntries(run?.description)
    const key = entries[LABEL_RUN]
    if (!run?.run_id || !key) return undefined
    const labels: Record<string, string> = {}
    const annotations: Record<string, string> = {}
    for (const [name, value] of Object.entries(entries))
      (LABEL_KEYS.has(name) ? labels : annotations)[name] = value
    return {
      runId: run.run_id,
      key,
      ...(entries[LABEL_SUBMISSION] && { submission: entries[LABEL_SUBMISSION] }),
      state: kfpState(run.state),
      labels,
      annotations,
      ...(run.created_at && { createdAt: run.created_at }),
      url: this.runUrl(run.run_id)
    }
  }
}
