import { HttpError } from '../adapters/http.js'
import { createOrchestrator, type OrchestratorOptions } from '../adapters/orchestrators/index.js'
import { resolveOptions } from '../adapters/orchestrators/options.js'
import {
  RunAbortedError,
  RunTimeoutError,
  type Orchestrator,
  type RunScope,
  type RunState,
  type RunStatus,
  type StepStatus,
  type SubmitCallback,
  type SubmitRequest,
  type SubmittedRun
} from '../adapters/orchestrators/types.js'
import type { ClusterConfig, PromoteConfig } from '../core/config/schema.js'
import {
  resolveEnvironment,
  resolveWorkflow,
  type ResolvedEnvironment,
  type ResolvedWorkflow
} from '../core/config/resolve.js'
import { formatDuration } from '../core/duration.js'
import { dispatchUrl, TRAINING_FINISHED_EVENT, type SlackMessageRef } from '../core/detached.js'
import { ConfigurationError, errorMessage } from '../core/errors.js'
import type { PipelineFacts, StepFacts } from '../core/facts.js'
import { formatValue, type Report, type Verdict } from '../core/report.js'
import type { Log, RunContext } from './ports.js'
import { submissionIdentity, type SubmissionIdentity } from './submission.js'

export interface RunWorkflowOptions {
  config: PromoteConfig
  /** Environment name; default: the one whose branch is context.branch. */
  environment?: string | undefined
  /** Key under `workflows` (default: train). */
  workflowKey?: string | undefined
  /** Arguments merged over the config's and the environment's. */
  overrides?: Record<string, unknown> | undefined
  /** Arguments promote-actions passes itself (deploy: model_uri), allowed without a declared parameter. */
  supplied?: Record<string, unknown> | undefined
  /** Overrides the workflow's timeout (e.g. 45m). */
  timeout?: string | undefined
  /** Wait for the run to finish (default true). */
  wait?: boolean | undefined
  /**
   * Detached: submit, arrange the callback the cluster offers (`clusters.<n>.callback`), label the
   * run `promote-actions/mode=detached`, and return without waiting; `promote collect` picks the
   * result up. Refused on command clusters (their run is a process of this machine).
   */
  detach?: boolean | undefined
  /**
   * The Slack message that announced this training (train.yml's `started` notify step): a
   * detached run keeps it (annotation, or MLRun's callback) so the collector updates it in place.
   */
  message?: SlackMessageRef | undefined
  context: RunContext
  log: Log
  /** Aborts on SIGINT/SIGTERM: the remote run is cancelled. */
  signal?: AbortSignal | undefined
  /** Credentials environment, working directory, clock, poll schedule. */
  orchestrator?: OrchestratorOptions | undefined
  /** Builds the client (tests and the demo pass their own). */
  createOrchestrator?:
    | ((
        cluster: ClusterConfig,
        options: OrchestratorOptions
      ) => Orchestrator | Promise<Orchestrator>)
    | undefined
  /**
   * Called just before the submission is sent: the action saves the identity, so a post step
   * whose main step was killed during the round trip can still find the run and cancel it.
   */
  onSubmitting?: ((info: SubmittingInfo) => void) | undefined
  /** Called when the cluster refused the submission outright: no run exists to cancel. */
  onNotSubmitted?: (() => void) | undefined
  /** Called as soon as the run exists: the action saves it for its post step. */
  onSubmitted?: ((run: SubmittedRun, info: SubmittedInfo) => void) | undefined
  /** Least time between two progress lines (default 30 s); state changes are always shown. */
  progressIntervalMs?: number | undefined
  /** Facts kind (default: train for the train workflow, else workflow). */
  kind?: PipelineFacts['kind'] | undefined
}

export interface SubmittingInfo {
  /** Name of the cluster under `clusters`. */
  cluster: string
  /** Project (with the environment's suffix) and remote workflow name: the run's scope. */
  project: string
  workflow: string
  identity: SubmissionIdentity
}

export interface SubmittedInfo extends SubmittingInfo {
  clusterConfig: ClusterConfig
  orchestrator: Orchestrator
}

export interface RunWorkflowResult {
  /** The last status seen: terminal when waited for. */
  status: RunStatus
  submitted: SubmittedRun
  environment: ResolvedEnvironment
  workflow: ResolvedWorkflow
  labels: Record<string, string>
  modelUri?: string | undefined
  /** True when the run succeeded, or was submitted and not waited for. */
  ok: boolean
  /**
   * Why the run could not be cancelled after a timeout or abort: the orchestrator refused or did
   * not confirm, so it may still be going (the actions' post steps try again).
   */
  cancelFailed?: string
  report: Report
  facts: PipelineFacts
  /** Set for a detached submission: how its end will be reported. */
  detached?: DetachedInfo
}

export interface DetachedInfo {
  /** The submission label value (the dispatch's client_payload.submission). */
  submission: string
  /** How the orchestrator calls back; undefined: only the scheduled reconcile finds the run. */
  callback?: 'mlrun-notification' | 'argo-exit-hook'
  /** Where the callback goes (the dispatches URL), when there is one. */
  callbackUrl?: string
}

/** What a detached submission of a cluster can arrange, or why it cannot be detached at all. */
function detachedCallback(
  cluster: ClusterConfig,
  clusterName: string,
  context: RunContext,
  env: NodeJS.ProcessEnv,
  submission: string,
  message: SlackMessageRef | undefined
): { callback?: SubmitCallback; info: DetachedInfo } {
  if (cluster.kind === 'command') {
    throw new ConfigurationError(
      `cluster '${clusterName}' is a command cluster: its run is a process of this machine and ends with the job, so it cannot be detached (use wait: false to start it and go on, or an orchestrator: mlrun, argo or kfp)`
    )
  }
  if (cluster.kind === 'kfp' || !cluster.callback) return { info: { submission } }
  if (!context.repository) {
    throw new ConfigurationError(
      `clusters.${clusterName}.callback: the callback needs the repository to dispatch to: set GITHUB_REPOSITORY=owner/repo (the runner sets it)`
    )
  }
  const url = dispatchUrl(
    cluster.callback.apiUrl ?? env.GITHUB_API_URL ?? 'https://api.github.com',
    context.repository
  )
  return {
    callback: { url, submission, cluster: clusterName, ...(message && { message }) },
    info: {
      submission,
      callback: cluster.kind === 'mlrun' ? 'mlrun-notification' : 'argo-exit-hook',
      callbackUrl: url
    }
  }
}

export { labelValue, runLabels } from './submission.js'

function isAmbiguous(error: unknown): boolean {
  return error instanceof HttpError && error.ambiguous
}

const MODEL_URI_KEYS = ['model_uri', 'modelUri', 'model-uri']

/** The model a run produced: a `model_uri` result, else a store://models/ artifact URI. */
export function findModelUri(status: RunStatus): string | undefined {
  const sources = [status.results, ...[...status.steps].reverse().map(s => s.results)]
  for (const results of sources) {
    for (const key of MODEL_URI_KEYS) {
      const value = results[key]
      if (typeof value === 'string' && value) return value
    }
  }
  for (const results of sources) {
    for (const value of Object.values(results)) {
      if (typeof value === 'string' && /^store:\/\/models\//.test(value)) return value
    }
  }
  return undefined
}

function describeSteps(steps: StepStatus[]): string {
  const mark: Record<RunState, string> = {
    pending: '…',
    running: '▶',
    succeeded: '✓',
    failed: '✗',
    cancelled: '⊘',
    skipped: '↷'
  }
  return steps.map(s => `${s.name} ${mark[s.state]}`).join(', ')
}

function verdictOf(state: RunState, waited: boolean): Verdict {
  if (!waited) return 'info'
  if (state === 'succeeded') return 'pass'
  if (state === 'skipped') return 'skip'
  return 'fail'
}

/** Our state, with the orchestrator's own word when it differs ("failed (Error)"). */
function stateText(state: string, raw: string | undefined): string {
  return raw && raw.toLowerCase() !== state ? `${state} (${raw})` : state
}

function stepDuration(step: StepStatus): string {
  if (!step.startedAt || !step.finishedAt) return '—'
  const ms = Date.parse(step.finishedAt) - Date.parse(step.startedAt)
  return Number.isFinite(ms) && ms >= 0 ? formatDuration(ms) : '—'
}

/**
 * Submits a workflow of the config to an environment's cluster (never twice for one GitHub run
 * attempt), waits for it with progress, cancels it on timeout or abort, and reports.
 */
export async function runWorkflow(options: RunWorkflowOptions): Promise<RunWorkflowResult> {
  const { config, context, log, signal } = options
  const workflowKey = options.workflowKey || 'train'
  const environment = resolveEnvironment(config, {
    name: options.environment,
    branch: context.branch,
    env: options.orchestrator?.env ?? process.env
  })
  const workflow = resolveWorkflow(
    config,
    workflowKey,
    environment,
    options.overrides ?? {},
    options.timeout,
    options.supplied ?? {}
  )
  const clusterName = environment.cluster
  const cluster = environment.clusterConfig
  const orchestratorOptions: OrchestratorOptions = {
    log,
    scope: { project: environment.projectName, workflow: workflow.remoteName },
    ...options.orchestrator
  }
  const orchestrator = await (options.createOrchestrator ?? createOrchestrator)(
    cluster,
    orchestratorOptions
  )
  const detach = options.detach ?? false
  const wait = detach ? false : (options.wait ?? true)
  const startedAt = new Date()

  // The seed loads each environment's own branch: `#{branch}` in a source names it.
  const configuredSource =
    environment.source ?? (cluster.kind === 'mlrun' ? cluster.source : undefined)
  const source = configuredSource?.replaceAll('{branch}', environment.branch)
  const target = {
    workflow: workflow.remoteName,
    ...(workflow.command !== undefined && { command: workflow.command }),
    arguments: workflow.arguments,
    project: environment.projectName,
    ...(source !== undefined && { source }),
    ...(workflow.path && { workflowPath: workflow.path }),
    ...(workflow.pipelineId && { pipelineId: workflow.pipelineId }),
    ...(workflow.pipelineVersionId && { pipelineVersionId: workflow.pipelineVersionId })
  }
  const identity = submissionIdentity({
    context,
    workflowKey,
    environment: environment.name,
    cluster: clusterName,
    target,
    detached: detach,
    ...(detach && options.message && { message: options.message })
  })
  const { labels } = identity
  const detached = detach
    ? detachedCallback(
        cluster,
        clusterName,
        context,
        options.orchestrator?.env ?? process.env,
        identity.submission,
        options.message
      )
    : undefined
  const request: SubmitRequest = {
    ...target,
    labels,
    annotations: identity.annotations,
    displayName: `${identity.key}-a${identity.attempt}`,
    // What a missing MLRun project is created with: every workflow promote.yaml gives a file.
    projectWorkflows: Object.entries(config.workflows).flatMap(([key, w]) =>
      w.path ? [{ name: w.name ?? key, path: w.path }] : []
    ),
    ...(detached?.callback && { callback: detached.callback })
  }

  log.info(
    `Submitting workflow '${workflow.remoteName}' of project '${environment.projectName}' to cluster '${clusterName}' (${cluster.kind}), environment '${environment.name}'`
  )
  if (signal?.aborted) throw new Error('cancelled before the workflow was submitted')
  const submitting: SubmittingInfo = {
    cluster: clusterName,
    project: environment.projectName,
    workflow: workflow.remoteName,
    identity
  }
  options.onSubmitting?.(submitting)
  const submitted = await submitOnce(
    orchestrator,
    request,
    identity,
    log,
    signal,
    !!context.runId,
    resolveOptions(orchestratorOptions).sleep
  ).catch(error => {
    if (!signal?.aborted && !isAmbiguous(error)) options.onNotSubmitted?.()
    throw error
  })
  // Saved state first: a step killed right after the log line must still let its post step cancel.
  options.onSubmitted?.(submitted, { ...submitting, clusterConfig: cluster, orchestrator })
  const url = submitted.url ?? orchestrator.runUrl(submitted.runId)
  log.info(
    `${submitted.adopted ? 'Adopted existing' : 'Submitted'} run ${submitted.runId}${url ? `: ${url}` : ''}`
  )

  let status: RunStatus
  let failure: string | undefined
  let cancelFailed: string | undefined
  if (detach) {
    // Nothing to wait for: the run is reported when it ends, by its callback or the reconcile.
    status = {
      runId: submitted.runId,
      state: 'pending',
      rawState: 'submitted',
      steps: [],
      results: {}
    }
  } else if (!wait) {
    status = await orchestrator.getStatus(submitted.runId).catch(error => {
      log.warning(`could not read the run's status: ${errorMessage(error)}`)
      return {
        runId: submitted.runId,
        state: 'pending' as const,
        rawState: 'submitted',
        steps: [],
        results: {}
      }
    })
  } else {
    const progressEvery = options.progressIntervalMs ?? 30_000
    let lastLine = 0
    let lastState = ''
    // A line when the run's state changes, else one every progressEvery (30 s) at most, with the
    // steps' progress: long runs do not flood the log.
    const onStatus = (s: RunStatus) => {
      const now = Date.now()
      const stateChanged = s.rawState !== lastState
      if (!stateChanged && now - lastLine < progressEvery) return
      lastState = s.rawState
      lastLine = now
      const steps = s.steps.length ? ` — ${describeSteps(s.steps)}` : ''
      log.info(`[${formatDuration(now - startedAt.getTime())}] ${s.rawState}${steps}`)
    }
    status = await log.group(
      `Waiting for ${workflow.remoteName} (${submitted.runId}), timeout ${formatDuration(workflow.timeoutMs)}`,
      async () => {
        try {
          return await orchestrator.wait(submitted.runId, {
            timeoutMs: workflow.timeoutMs,
            signal,
            onStatus
          })
        } catch (error) {
          if (error instanceof RunTimeoutError || error instanceof RunAbortedError) {
            cancelFailed = error.cancelError
            const why =
              error instanceof RunTimeoutError
                ? `timed out after ${formatDuration(error.timeoutMs)}`
                : 'the job was cancelled'
            failure = cancelFailed
              ? `${why}, and cancelling the run failed: ${cancelFailed}. It may still be running${url ? `: ${url}` : ''}`
              : `${why}: the run was cancelled${error instanceof RunAbortedError ? ' too' : ''}`
            return error.status
          }
          throw error
        }
      }
    )
  }
  if (failure)
    status = { ...status, error: status.error ? `${failure} (${status.error})` : failure }

  const finishedAt = new Date()
  const modelUri = findModelUri(status)
  const ok = wait ? status.state === 'succeeded' && !failure : true
  const runUrl = status.url ?? url ?? orchestrator.runUrl(submitted.runId)
  const durationMs =
    status.startedAt && status.finishedAt
      ? Date.parse(status.finishedAt) - Date.parse(status.startedAt)
      : finishedAt.getTime() - startedAt.getTime()

  const facts: PipelineFacts = {
    kind: options.kind ?? (workflowKey === 'train' ? 'train' : 'workflow'),
    project: environment.projectName,
    environment: environment.name,
    workflow: workflowKey,
    runId: submitted.runId,
    ...(status.workflowId && { workflowId: status.workflowId }),
    ...(runUrl && { runUrl }),
    ...(context.runUrl && { logUrl: context.runUrl }),
    state: wait ? status.state : 'submitted',
    ...(status.error && { error: status.error }),
    model: { name: config.model.name, ...(modelUri && { uri: modelUri }) },
    steps: stepFacts(status.steps),
    results: status.results,
    commit: context.sha,
    actor: context.triggeringActor ?? context.actor,
    startedAt: status.startedAt ?? startedAt.toISOString(),
    ...(wait && { finishedAt: status.finishedAt ?? finishedAt.toISOString() })
  }

  const report = buildReport({
    workflowKey,
    workflow,
    environment,
    clusterName,
    cluster,
    status,
    submitted,
    runUrl,
    modelUri,
    waited: wait,
    ok,
    durationMs,
    context,
    detached: detached?.info
  })
  return {
    status,
    submitted,
    environment,
    workflow,
    labels,
    modelUri,
    ok,
    report,
    facts,
    ...(cancelFailed && { cancelFailed }),
    ...(detached && { detached: detached.info })
  }
}

/** Tries in all for a submission whose earlier tries may or may not have arrived. */
const SUBMIT_TRIES = 5
/** The longest a server's Retry-After is waited before looking for the submission again. */
const MAX_RETRY_AFTER_MS = 60_000

async function submitOnce(
  orchestrator: Orchestrator,
  request: SubmitRequest,
  identity: SubmissionIdentity,
  log: Log,
  signal: AbortSignal | undefined,
  fromGitHub: boolean,
  sleep: (ms: number) => Promise<void>
): Promise<SubmittedRun> {
  const scope: RunScope = { project: request.project, workflow: request.workflow }
  const { attempt } = identity
  if (fromGitHub) {
    // A re-run (or a retried step) of the same job: reuse its submission still going or done.
    const previous = await orchestrator.findRuns(identity, scope).catch(error => {
      // A server that cannot list runs by label must not block training; bad credentials must.
      if (
        error instanceof HttpError &&
        error.status !== undefined &&
        [400, 404, 405, 501].includes(error.status)
      ) {
        log.warning(
          `Could not look for an earlier submission of this run (${errorMessage(error)}): submitting`
        )
        return []
      }
      throw error
    })
    const same = previous.find(r => r.attempt === attempt)
    const reusable =
      same ?? previous.find(r => ['pending', 'running', 'succeeded'].includes(r.state))
    if (reusable) {
      log.info(
        `Found run ${reusable.runId} (${reusable.state}${reusable.attempt ? `, attempt ${reusable.attempt}` : ''}) submitted by this job with the same target and arguments: following it instead of submitting again`
      )
      return { runId: reusable.runId, ...(reusable.url && { url: reusable.url }), adopted: true }
    }
  }
  for (let tries = 1; ; tries++) {
    try {
      return await orchestrator.submit(request, signal)
    } catch (error) {
      if (signal?.aborted) {
        // The submission may have landed just before the abort: do not leave it running.
        for (const run of await orchestrator.findRuns(identity, scope).catch(() => [])) {
          if (run.attempt === attempt) await orchestrator.cancel(run.runId).catch(() => undefined)
        }
        throw error
      }
      if (!isAmbiguous(error) || tries >= SUBMIT_TRIES) throw error
      // A reset after sending, or a 5xx/429 answering a POST (a proxy may answer 503 after the
      // upstream accepted it): the run may exist. Look before sending it again.
      log.warning(
        `The submission may have reached the cluster (${errorMessage(error)}): looking for it before sending it again`
      )
      const retryAfter = (error as HttpError).retryAfterMs
      if (retryAfter !== undefined) await sleep(Math.min(retryAfter, MAX_RETRY_AFTER_MS))
      const found = await findSubmission(orchestrator, identity, scope, sleep)
      if (found) {
        log.info(`The first submission did arrive: following run ${found.runId}`)
        return found
      }
      log.info(`No run of this submission on the cluster: sending it again (try ${tries + 1})`)
    }
  }
}

async function findSubmission(
  orchestrator: Orchestrator,
  identity: SubmissionIdentity,
  scope: RunScope,
  sleep: (ms: number) => Promise<void>
): Promise<SubmittedRun | undefined> {
  // Servers may take a moment to list a run they just accepted.
  for (let look = 0; look < 3; look++) {
    try {
      const run = (await orchestrator.findRuns(identity, scope)).find(
        r => r.attempt === identity.attempt
      )
      if (run) return { runId: run.runId, ...(run.url && { url: run.url }), adopted: true }
    } catch {
      // Lookup failures mean "not known to exist": the retry below decides.
    }
    await sleep(500 * (look + 1))
  }
  return undefined
}

interface ReportInput {
  workflowKey: string
  workflow: ResolvedWorkflow
  environment: ResolvedEnvironment
  clusterName: string
  cluster: ClusterConfig
  status: RunStatus
  submitted: SubmittedRun
  runUrl: string | undefined
  modelUri: string | undefined
  waited: boolean
  ok: boolean
  durationMs: number
  context: RunContext
  detached?: DetachedInfo | undefined
}

/** How a detached run's result will arrive, for the job summary. */
function detachedText(info: DetachedInfo, clusterName: string): string[] {
  const how =
    info.callback === 'mlrun-notification'
      ? `MLRun sends the repository_dispatch '${TRAINING_FINISHED_EVENT}' when the workflow runner ends (a webhook run notification; its token is the project secret named in clusters.${clusterName}.callback.tokenSecret)`
      : info.callback === 'argo-exit-hook'
        ? `the Workflow's exit hook sends the repository_dispatch '${TRAINING_FINISHED_EVENT}' when it ends, whatever its phase (its token is the Kubernetes Secret named in clusters.${clusterName}.callback.tokenSecret)`
        : `this cluster does not call back (Kubeflow Pipelines, or no callback configured): the scheduled reconcile of the collect workflow finds the run by its labels`
  return [
    `Detached: this job does not wait. When the run ends, ${how}; the collect workflow then reports it and, for a trained model, opens the challenger pull request. The scheduled reconcile also picks it up if the callback is lost.`,
    `Submission: ${info.submission}`
  ]
}

function buildReport(input: ReportInput): Report {
  const { status, workflow, environment } = input
  const verdict = input.ok ? verdictOf(status.state, input.waited) : 'fail'
  const outcome = !input.waited ? 'submitted' : status.state
  const facts: Array<[string, string]> = [
    ['Run', status.runId],
    ['State', stateText(outcome, status.rawState)],
    ['Environment', environment.name],
    ['Cluster', `${input.clusterName} (${input.cluster.kind})`],
    ['Project', environment.projectName],
    ...(status.workflowId ? [['Workflow id', status.workflowId] as [string, string]] : []),
    [
      'Workflow',
      workflow.remoteName === input.workflowKey
        ? workflow.remoteName
        : `${input.workflowKey} (${workflow.remoteName})`
    ]
  ]
  if (input.waited) facts.push(['Duration', formatDuration(Math.max(0, input.durationMs))])
  if (input.modelUri) facts.push(['Model URI', input.modelUri])
  if (input.submitted.adopted)
    facts.push(['Submission', 'adopted an existing run for this GitHub run (not submitted twice)'])
  const sections: Report['sections'] = []
  if (input.detached)
    sections.push({
      title: 'Detached',
      verdict: 'info',
      text: detachedText(input.detached, input.clusterName)
    })
  if (status.error) sections.push({ title: 'Error', verdict: 'fail', text: [status.error] })
  if (status.steps.length) {
    sections.push({
      title: 'Steps',
      tables: [
        {
          columns: ['Step', 'State', 'Duration', 'Error'],
          rows: status.steps.map(s => [
            s.name,
            stateText(s.state, s.rawState),
            stepDuration(s),
            s.error ?? ''
          ])
        }
      ]
    })
  }
  const results = Object.entries(status.results)
  if (!results.length && status.resultsUnavailable && input.waited) {
    sections.push({ title: 'Results', verdict: 'info', text: [status.resultsUnavailable] })
  }
  if (results.length) {
    sections.push({
      title: 'Results',
      tables: [{ columns: ['Name', 'Value'], rows: results.map(([k, v]) => [k, formatValue(v)]) }]
    })
  }
  const args = Object.entries(workflow.arguments)
  if (args.length) {
    sections.push({
      title: 'Arguments',
      tables: [{ columns: ['Name', 'Value'], rows: args.map(([k, v]) => [k, formatValue(v)]) }]
    })
  }
  const links: Report['links'] = []
  if (input.runUrl) links.push({ label: `Run in ${input.cluster.kind}`, url: input.runUrl })
  if (input.context.runUrl) links.push({ label: 'Logs', url: input.context.runUrl })
  const title = `${input.workflowKey} on ${environment.name}: ${input.waited ? status.state : input.detached ? 'submitted, detached' : `submitted (${status.state})`}`
  return { title, verdict, facts, sections, ...(links.length && { links }) }
}

/** A run's steps as the facts carry them (what notify and the reports read). */
export function stepFacts(steps: RunStatus['steps']): StepFacts[] {
  return steps.map(step => ({
    name: step.name,
    state: step.state,
    results: step.results,
    ...(step.error && { error: step.error }),
    ...(step.startedAt && { startedAt: step.startedAt }),
    ...(step.finishedAt && { finishedAt: step.finishedAt })
  }))
}
