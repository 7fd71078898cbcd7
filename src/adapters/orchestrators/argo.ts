import { ConfigurationError } from '../../core/errors.js'
import { DISPATCH_HEADERS, trainingFinishedDispatch } from '../../core/detached.js'
import type { ClusterConfig } from '../../core/config/schema.js'
import { bearer, HttpError, type HttpClient } from '../http.js'
import { proxyAwareFetch } from '../proxy.js'
import { followEventStream, type StreamEnd } from '../sse.js'
import { readSecret, type ResolvedOptions } from './options.js'
import { isTerminal, stopRun } from './poll.js'
import {
  apiClient,
  confirmCancel,
  parameterString,
  rpcErrorMessage,
  trimSlash,
  waitRemote
} from './remote.js'
import { mergeResults, normalizeState } from './states.js'
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
  type RunStatus,
  type StepStatus,
  type SubmitRequest,
  type SubmittedRun,
  type WaitOptions
} from './types.js'

type ArgoCluster = Extract<ClusterConfig, { kind: 'argo' }>

interface Parameter {
  name: string
  value?: string
}

interface ArgoNode {
  id?: string
  name?: string
  displayName?: string
  type?: string
  phase?: string
  message?: string
  startedAt?: string
  finishedAt?: string
  outputs?: { parameters?: Parameter[] }
}

interface ArgoWorkflow {
  metadata?: {
    name?: string
    namespace?: string
    labels?: Record<string, string>
    annotations?: Record<string, string>
    creationTimestamp?: string
  }
  status?: {
    phase?: string
    message?: string
    startedAt?: string
    finishedAt?: string
    outputs?: { parameters?: Parameter[] }
    nodes?: Record<string, ArgoNode>
  }
}

/** Only what we read, so status polls of a large workflow stay small. */
const STATUS_FIELDS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.labels',
  'spec.entrypoint',
  'status.phase',
  'status.message',
  'status.startedAt',
  'status.finishedAt',
  'status.outputs',
  'status.nodes'
].join(',')

/** The same fields in a watch event (`result.object.` prefix: server/workflow/workflow_server.go WatchWorkflows). */
const WATCH_FIELDS = [
  'result.type',
  ...STATUS_FIELDS.split(',').map(field => `result.object.${field}`)
].join(',')

/**
 * Argo Server writes a keepalive comment every 15 s on event streams (argoproj/pkg
 * grpc/http/forwarders.go): three missed ones mean the stream is dead (or a proxy buffers it).
 */
const STREAM_IDLE_MS = 45_000
/** A stream that lived this long before it ended is opened again rather than given up for polling. */
const STREAM_REOPEN_AFTER_MS = 60_000

/** One message of the event stream: `data: {"result": {...}}` or `data: {"error": {...}}`. */
interface ArgoWatchMessage {
  result?: { type?: string; object?: ArgoWorkflow }
  error?: unknown
}

const LIST_FIELDS = [
  'items.metadata.name',
  'items.metadata.labels',
  'items.metadata.creationTimestamp',
  'items.status.phase'
].join(',')

/** A collector's list: the annotations too (repository, run URL, job), and the page token. */
const SUBMISSION_LIST_FIELDS = [
  'metadata.continue',
  ...LIST_FIELDS.split(','),
  'items.metadata.annotations'
].join(',')

/** Pages of a collector's list; 20 x 200 workflows is more than any retention keeps. */
const LIST_PAGE_SIZE = 200
const LIST_MAX_PAGES = 20

/**
 * SubmitOpts.labels / .annotations as the Argo Server reads them (util/cmd/cmd.go ParseLabels:
 * split on ',' then on '=', exactly two parts): a ',' or '=' inside a value would break the
 * submission, so those two (and '%') are percent-encoded.
 */
export function submitOptsPairs(pairs: Record<string, string>): string {
  return Object.entries(pairs)
    .map(([k, v]) => `${k}=${v.replace(/[%,=]/g, c => encodeURIComponent(c))}`)
    .join(',')
}

function parametersToResults(parameters: Parameter[] | undefined): Record<string, unknown> {
  const results: Record<string, unknown> = {}
  for (const p of parameters ?? []) if (p.name) results[p.name] = p.value ?? ''
  return results
}

/**
 * The inputs the exit hook gives the callback template (docs/argo-callback.yaml): where to POST,
 * the body, and the Kubernetes Secret (name, key) its container reads the token from
 * (env valueFrom.secretKeyRef): the token itself is never in the Workflow.
 */
export const CALLBACK_PARAMETERS = ['url', 'body', 'headers', 'token-secret', 'token-key'] as const

/**
 * The Workflow a detached submission creates instead of /submit: the WorkflowTemplate by
 * reference (spec.workflowTemplateRef; the controller merges its spec in), and an exit hook
 * (spec.hooks.exit, run whatever the phase: operator.go runs GetExitHook once the entrypoint is
 * fulfilled) on a template of another WorkflowTemplate (templateRef), since a Workflow that
 * refers to a WorkflowTemplate may not hold templates itself (workflow/validate/validate.go
 * WorkflowTemplateRefFields). `{{workflow.name}}` in the body is replaced by the controller:
 * globals are substituted before inputs (workflow/common/util.go SubstituteParams).
 */
export function detachedWorkflow(
  request: SubmitRequest,
  callback: NonNullable<ArgoCluster['callback']>,
  namespace: string
): Record<string, unknown> {
  const dispatch = trainingFinishedDispatch({
    submission: request.callback!.submission,
    cluster: request.callback!.cluster,
    runId: '{{workflow.name}}'
  })
  const hookParameters: Record<(typeof CALLBACK_PARAMETERS)[number], string> = {
    url: request.callback!.url,
    body: JSON.stringify(dispatch),
    headers: Object.entries(DISPATCH_HEADERS)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n'),
    'token-secret': callback.tokenSecret,
    'token-key': callback.tokenKey
  }
  return {
    metadata: {
      generateName: `${request.workflow}-`,
      namespace,
      // As /submit labels a Workflow made from a template (workflow/common/util.go).
      labels: { ...request.labels, 'workflows.argoproj.io/workflow-template': request.workflow },
      ...(request.annotations &&
        Object.keys(request.annotations).length && { annotations: request.annotations })
    },
    spec: {
      workflowTemplateRef: { name: request.workflow },
      arguments: {
        parameters: Object.entries(request.arguments).map(([name, value]) => ({
          name,
          value: parameterString(value)
        }))
      },
      hooks: {
        exit: {
          templateRef: {
            name: callback.template,
            template: callback.entrypoint,
            ...(callback.clusterScope && { clusterScope: true })
          },
          arguments: {
            parameters: Object.entries(hookParameters).map(([name, value]) => ({ name, value }))
          }
        }
      }
    }
  }
}

interface ArgoTemplateList {
  metadata?: { name?: string }
  spec?: { templates?: Array<{ name?: string; inputs?: { parameters?: Parameter[] } }> }
}

/** Argo Workflows: submits a WorkflowTemplate through the Argo Server REST API. */
export class ArgoOrchestrator implements Orchestrator {
  readonly kind = 'argo' as const
  private readonly http: HttpClient
  private readonly namespace: string
  private readonly ui: string
  private readonly headers: Record<string, string>
  private readonly fetch: typeof fetch

  constructor(
    private readonly cluster: ArgoCluster,
    private readonly options: ResolvedOptions
  ) {
    const token = readSecret(options.env, cluster.tokenEnv, options.log, `cluster ${cluster.url}`)
    this.namespace = cluster.namespace
    this.ui = trimSlash(cluster.uiUrl ?? cluster.url)
    this.headers = { ...bearer(token), 'user-agent': 'promote-actions' }
    this.fetch = options.fetch ?? proxyAwareFetch(process.env)
    this.http = apiClient(
      options,
      'Argo Server',
      trimSlash(cluster.url),
      bearer(token),
      rpcErrorMessage
    )
  }

  private path(suffix = ''): string {
    return `/api/v1/workflows/${encodeURIComponent(this.namespace)}${suffix}`
  }

  async submit(request: SubmitRequest, signal?: AbortSignal): Promise<SubmittedRun> {
    if (request.callback && this.cluster.callback)
      return this.submitWithExitHook(request, this.cluster.callback, signal)
    const body = {
      namespace: this.namespace,
      resourceKind: 'WorkflowTemplate',
      resourceName: request.workflow,
      submitOptions: {
        generateName: `${request.workflow}-`,
        parameters: Object.entries(request.arguments).map(([k, v]) => `${k}=${parameterString(v)}`),
        labels: submitOptsPairs(request.labels),
        // Annotations carry what a label value cannot (the repository with its '/', the run URL).
        ...(request.annotations &&
          Object.keys(request.annotations).length && {
            annotations: submitOptsPairs(request.annotations)
          })
      }
    }
    try {
      const response = await this.http.post<ArgoWorkflow>(this.path('/submit'), {
        body,
        ...(signal && { signal })
      })
      const name = response.body?.metadata?.name
      if (!name)
        throw new Error(`Argo Server accepted the submission but returned no workflow name`)
      return { runId: name, url: this.runUrl(name), adopted: false }
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) {
        throw new ConfigurationError(
          `WorkflowTemplate '${request.workflow}' not found in namespace '${this.namespace}' on ${this.cluster.url}: ${rpcErrorMessage(error.body) ?? 'not found'} (workflows.<key>.name must name a WorkflowTemplate)`
        )
      }
      throw error
    }
  }

  /**
   * A detached submission: checks the callback template first (the server does not: hooks are
   * not resolved when a Workflow is created, only when it ends, and a missing template would
   * lose the callback silently), then creates the Workflow (POST /api/v1/workflows/{ns}).
   */
  private async submitWithExitHook(
    request: SubmitRequest,
    callback: NonNullable<ArgoCluster['callback']>,
    signal?: AbortSignal
  ): Promise<SubmittedRun> {
    const where = callback.clusterScope
      ? `/api/v1/cluster-workflow-templates/${encodeURIComponent(callback.template)}`
      : `/api/v1/workflow-templates/${encodeURIComponent(this.namespace)}/${encodeURIComponent(callback.template)}`
    const what = `${callback.clusterScope ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate'} '${callback.template}'${callback.clusterScope ? '' : ` in namespace '${this.namespace}'`}`
    const found = await this.http.get<ArgoTemplateList>(where, {
      acceptStatus: [404],
      ...(signal && { signal })
    })
    if (found.status === 404) {
      throw new ConfigurationError(
        `the callback template of cluster ${this.cluster.url} is missing: ${what} does not exist (apply docs/argo-callback.yaml, or set clusters.<name>.callback.template)`
      )
    }
    const template = found.body?.spec?.templates?.find(t => t.name === callback.entrypoint)
    const declared = new Set((template?.inputs?.parameters ?? []).map(p => p.name))
    const missing = CALLBACK_PARAMETERS.filter(name => !declared.has(name))
    if (!template || missing.length) {
      throw new ConfigurationError(
        template
          ? `${what}: template '${callback.entrypoint}' does not take the inputs ${missing.join(', ')} the exit hook passes (use docs/argo-callback.yaml)`
          : `${what} has no template '${callback.entrypoint}' (callback.entrypoint)`
      )
    }
    try {
      const response = await this.http.post<ArgoWorkflow>(this.path(), {
        body: {
          namespace: this.namespace,
          workflow: detachedWorkflow(request, callback, this.namespace)
        },
        ...(signal && { signal })
      })
      const name = response.body?.metadata?.name
      if (!name) throw new Error(`Argo Server created the workflow but returned no name`)
      return { runId: name, url: this.runUrl(name), adopted: false }
    } catch (error) {
      if (error instanceof HttpError && (error.status === 400 || error.status === 404)) {
        throw new ConfigurationError(
          `Argo Server refused a workflow of WorkflowTemplate '${request.workflow}' in namespace '${this.namespace}' on ${this.cluster.url}: ${rpcErrorMessage(error.body) ?? error.message}`
        )
      }
      throw error
    }
  }

  async getStatus(runId: string): Promise<RunStatus> {
    const { body } = await this.http.get<ArgoWorkflow>(this.path(`/${encodeURIComponent(runId)}`), {
      query: { fields: STATUS_FIELDS }
    })
    return this.statusOf(runId, body)
  }

  /** Our status of a workflow, from a status request or a watch event. */
  private statusOf(runId: string, body: ArgoWorkflow | undefined): RunStatus {
    const status = body?.status ?? {}
    const rawState = status.phase || 'Pending'
    // A terminated workflow ends Failed; its message says it was stopped.
    const stopped =
      rawState === 'Failed' && /Stopped with strategy '(Terminate|Stop)'/.test(status.message ?? '')
    const state = stopped ? 'cancelled' : normalizeState(rawState)
    const steps: StepStatus[] = Object.values(status.nodes ?? {})
      .filter(node => node.type === 'Pod')
      .sort((a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? ''))
      .map(node => ({
        name: node.displayName ?? node.name ?? node.id ?? 'step',
        state: normalizeState(node.phase),
        rawState: node.phase ?? 'Pending',
        results: parametersToResults(node.outputs?.parameters),
        ...(node.startedAt && { startedAt: node.startedAt }),
        ...(node.finishedAt && { finishedAt: node.finishedAt }),
        ...(node.message &&
          ['failed', 'cancelled'].includes(normalizeState(node.phase)) && { error: node.message })
      }))
    return {
      runId,
      state,
      rawState,
      ...(status.message && state !== 'succeeded' && { error: status.message }),
      ...(status.message && { message: status.message }),
      ...(status.startedAt && { startedAt: status.startedAt }),
      ...(status.finishedAt && { finishedAt: status.finishedAt }),
      url: this.runUrl(runId),
      steps,
      // A step's output parameters (the tester's errors=3) count as much as the workflow's own
      // outputs, which win on a clash: status.nodes[].outputs.parameters, as MLRun merges its steps.
      results: mergeResults(steps, parametersToResults(status.outputs?.parameters))
    }
  }

  /**
   * Follows the workflow's event stream (one long request: the end is known as soon as the
   * controller records it, whatever the run's length), as `argo wait` does
   * (cmd/argo/commands/common/wait.go). A stream the server does not offer (404, 501, no watch
   * permission), one a proxy turns into something else, or one that breaks or falls silent hands
   * over to polling for the rest of the wait. A stream that ends after a long life (the API
   * server closes watches after 30-60 min) is opened again.
   */
  async wait(runId: string, options: WaitOptions): Promise<RunStatus> {
    const { clock, timerClock } = this.options
    const started = clock.now()
    const stopStream = new AbortController()
    let timedOut = false
    const stopTimer = new AbortController()
    void timerClock.sleep(options.timeoutMs, stopTimer.signal).then(
      () => {
        timedOut = true
        stopStream.abort()
      },
      () => undefined
    )
    const onAbort = () => stopStream.abort()
    options.signal?.addEventListener('abort', onAbort, { once: true })
    let last: RunStatus | undefined
    let finished: RunStatus | undefined
    let end: StreamEnd
    try {
      for (;;) {
        const opened = clock.now()
        end = await followEventStream({
          fetch: this.fetch,
          url: this.http.url(`/api/v1/workflow-events/${encodeURIComponent(this.namespace)}`, {
            'listOptions.fieldSelector': `metadata.name=${runId}`,
            // As `argo wait`: the first event is the workflow as it is now.
            'listOptions.resourceVersion': '0',
            fields: WATCH_FIELDS
          }),
          headers: this.headers,
          signal: stopStream.signal,
          idle: signal => clock.sleep(STREAM_IDLE_MS, signal),
          onEvent: data => {
            const message = JSON.parse(data) as ArgoWatchMessage
            if (message.error)
              throw new Error(`the server sent an error: ${rpcErrorMessage(message.error) ?? data}`)
            const event = message.result
            if (!event?.object || event.object.metadata?.name !== runId) return false
            if (event.type === 'DELETED') throw new Error('the workflow was deleted')
            last = this.statusOf(runId, event.object)
            options.onStatus?.(last)
            if (!isTerminal(last)) return false
            finished = last
            return true
          }
        })
        const reopen =
          end.kind === 'broken' && end.opened && clock.now() - opened >= STREAM_REOPEN_AFTER_MS
        if (!reopen) break
      }
    } finally {
      stopTimer.abort()
      options.signal?.removeEventListener('abort', onAbort)
    }
    if (finished) return finished
    const pending: RunStatus = {
      runId,
      state: 'pending',
      rawState: 'unknown',
      steps: [],
      results: {}
    }
    const cancel = () => this.cancel(runId)
    if (options.signal?.aborted) return stopRun('abort', cancel, last ?? pending, options.timeoutMs)
    if (timedOut) return stopRun('timeout', cancel, last ?? pending, options.timeoutMs)
    this.options.log.info(
      `Argo event stream: ${end.kind === 'broken' ? end.reason : end.kind}; polling the workflow's status instead`
    )
    return waitRemote(
      this.options,
      runId,
      options,
      () => this.getStatus(runId),
      cancel,
      clock.now() - started
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
    await this.http.put(this.path(`/${encodeURIComponent(runId)}/terminate`), {
      body: { name: runId, namespace: this.namespace }
    })
  }

  runUrl(runId: string): string {
    return `${this.ui}/workflows/${encodeURIComponent(this.namespace)}/${encodeURIComponent(runId)}`
  }

  async findRuns(identity: RunIdentity): Promise<FoundRun[]> {
    const selector = `${LABEL_RUN}=${identity.key},${LABEL_SUBMISSION}=${identity.submission}`
    const { body } = await this.http.get<{ items?: ArgoWorkflow[] | null }>(this.path(), {
      query: { 'listOptions.labelSelector': selector, fields: LIST_FIELDS }
    })
    // The server filters by the selector; the check here keeps a server that ignores it honest.
    return (body?.items ?? [])
      .filter(
        item =>
          item.metadata?.name &&
          item.metadata.labels?.[LABEL_RUN] === identity.key &&
          item.metadata.labels[LABEL_SUBMISSION] === identity.submission
      )
      .sort((a, b) =>
        (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? '')
      )
      .map(item => {
        const attempt = Number(item.metadata?.labels?.[LABEL_ATTEMPT])
        return {
          runId: item.metadata!.name!,
          state: normalizeState(item.status?.phase),
          ...(Number.isFinite(attempt) && attempt > 0 && { attempt }),
          url: this.runUrl(item.metadata!.name!)
        }
      })
  }

  /**
   * Workflows this repository submitted, by label selector (server/workflow/workflow_server.go
   * ListWorkflows passes listOptions to the Kubernetes list: labelSelector, limit, continue).
   */
  async listSubmissions(query: SubmissionQuery): Promise<SubmissionRun[]> {
    const selector = [
      `${LABEL_REPOSITORY}=${query.repository}`,
      ...(query.mode ? [`${LABEL_MODE}=${query.mode}`] : [])
    ].join(',')
    const items: ArgoWorkflow[] = []
    let next: string | undefined
    for (let page = 0; page < LIST_MAX_PAGES; page++) {
      const { body } = await this.http.get<{
        items?: ArgoWorkflow[] | null
        metadata?: { continue?: string }
      }>(this.path(), {
        query: {
          'listOptions.labelSelector': selector,
          'listOptions.limit': LIST_PAGE_SIZE,
          ...(next && { 'listOptions.continue': next }),
          fields: SUBMISSION_LIST_FIELDS
        }
      })
      items.push(...(body?.items ?? []))
      next = body?.metadata?.continue || undefined
      if (!next) break
    }
    return items
      .filter(
        item =>
          item.metadata?.labels?.[LABEL_REPOSITORY] === query.repository &&
          (!query.mode || item.metadata.labels[LABEL_MODE] === query.mode)
      )
      .map(item => this.submissionOf(item))
      .filter((run): run is SubmissionRun => run !== undefined)
      .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))
  }

  async describeRun(runId: string): Promise<SubmissionRun | undefined> {
    const response = await this.http.get<ArgoWorkflow>(this.path(`/${encodeURIComponent(runId)}`), {
      query: {
        fields:
          'metadata.name,metadata.labels,metadata.annotations,metadata.creationTimestamp,status.phase'
      },
      acceptStatus: [404]
    })
    return response.status === 404 ? undefined : this.submissionOf(response.body)
  }

  private submissionOf(item: ArgoWorkflow | undefined): SubmissionRun | undefined {
    const name = item?.metadata?.name
    const labels = item?.metadata?.labels ?? {}
    const key = labels[LABEL_RUN]
    if (!name || !key) return undefined
    return {
      runId: name,
      key,
      ...(labels[LABEL_SUBMISSION] && { submission: labels[LABEL_SUBMISSION] }),
      state: normalizeState(item.status?.phase),
      labels,
      annotations: item.metadata?.annotations ?? {},
      ...(item.metadata?.creationTimestamp && { createdAt: item.metadata.creationTimestamp }),
      url: this.runUrl(name)
    }
  }
}
