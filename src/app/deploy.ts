import type {
  DeploymentPayload,
  DeploymentRecord,
  DeploymentState,
  DeploymentStore
} from '../adapters/deployments/types.js'
import type { ModelRegistry } from '../adapters/registries/types.js'
import type {
  Orchestrator,
  OrchestratorOptions,
  RunStatus
} from '../adapters/orchestrators/index.js'
import { errorMessage, RefusalError } from '../core/errors.js'
import type { PipelineFacts } from '../core/facts.js'
import { formatDuration } from '../core/duration.js'
import type { ModelRecord } from '../core/manifest.js'
import type { ClusterConfig, PromoteConfig } from '../core/config/schema.js'
import {
  isLastEnvironment,
  previousEnvironment,
  resolveWorkflow,
  type ResolvedEnvironment,
  type ResolvedWorkflow
} from '../core/config/resolve.js'
import { formatValue, type Report, type ReportSection, type Verdict } from '../core/report.js'
import type { ApprovalOutcome } from './approval.js'
import { liveDeployment, shortHash, wasSuccessful } from './history.js'
import type { Log, RunContext } from './ports.js'
import { runWorkflow, type SubmittingInfo } from './run-workflow.js'

/**
 * Deploys one model manifest to one environment, in this order, so nothing is recorded for a
 * deploy that is refused:
 *   1. resolve the deploy workflow and check the same-artifact rule (no side effects);
 *   2. approval (GitHub environment approvals on the runner, the person at the terminal in the CLI);
 *   3. create the deployment record (ref = the commit, payload = the model and the manifest itself);
 *   4. status in_progress, submit the deploy workflow through the environment's cluster, wait;
 *   5. status success / failure / error (auto_inactive retires the previous success);
 *   6. on success in the last environment, move the champion tag (config switch).
 * Refusals throw a ConfigurationError; a deploy that ran and failed returns its outcome.
 */

export interface DeployManifest {
  /** Path of the file the deploy workflow reads (its manifest_path argument). */
  path: string
  /** Path in the repository, recorded in the payload, when `path` is a copy (a rollback's). */
  repositoryPath?: string
  /**
   * The commit at which the repository path holds this manifest, when it is not the deployed
   * commit's (a rollback: the restored deployment's). Passed as `manifest_commit`.
   */
  commit?: string
  /** The manifest exactly as committed. */
  raw: Record<string, unknown>
  record: ModelRecord
}

export interface RollbackTarget {
  /** The earlier deployment whose manifest is redeployed. */
  restores: DeploymentRecord
  /** The deployment live before the rollback, if any. */
  replaces?: DeploymentRecord
}

export interface DeployRequest {
  environment: ResolvedEnvironment
  manifest: DeployManifest
  /** Caller's argument overrides (input `arguments`, --arg). */
  arguments?: Record<string, unknown>
  wait: boolean
  /** Overrides the workflow's timeout (duration text). */
  timeout?: string
  /** Reason for deploying despite the same-artifact rule (emergencies). */
  overrideSameArtifact?: string
  rollback?: RollbackTarget
}

export interface DeployProgress {
  deploymentId?: DeploymentRecord['id']
  runId?: string
  /** Name of the cluster the run went to. */
  cluster?: string
  /** The submission about to be sent (saved so a post step can find a run the step never heard of). */
  submitting?: SubmittingInfo
  /** The cluster refused the submission: no run to look for. */
  notSubmitted?: boolean
}

export interface DeployDeps {
  config: PromoteConfig
  store: DeploymentStore
  /** Credentials environment, working directory, poll knobs for the environment's cluster. */
  orchestrator?: OrchestratorOptions
  /** Builds the cluster client (default: createOrchestrator). */
  createOrchestrator?: (cluster: ClusterConfig, options: OrchestratorOptions) => Orchestrator
  log: Log
  context: RunContext
  approve: (what: string) => Promise<ApprovalOutcome>
  /** The model registry, for moving the champion tag. */
  registry?: () => ModelRegistry | Promise<ModelRegistry>
  signal?: AbortSignal
  /** Called as the deployment and the remote run come to exist (the action saves them for its post step). */
  onProgress?: (progress: DeployProgress) => void
  /** Where the deployment record can be seen (GitHub deployments page or the ledger path). */
  deploymentsUrl?: (environment: string) => string | undefined
}

export type DeployStatus = 'success' | 'failure' | 'error' | 'cancelled' | 'submitted'

export interface SameArtifactCheck {
  /** What happened, for the summary. */
  note: string
  verdict: Verdict
  previousEnvironment?: string
  matched?: DeploymentRecord
  overrideReason?: string
}

export interface SmokeTest {
  /** The recognised smoke-test numbers, in display order. */
  values: Array<[string, unknown]>
  /** Why the smoke test counts as failed, when it does. */
  failure?: string
  /** Where the numbers were read: the configured step, or the run's merged results. */
  source?: string
  /** Why the smoke test could not be read at all (an orchestrator that reports no output values). */
  unavailable?: string
}

export interface DeployOutcome {
  status: DeployStatus
  deployment: DeploymentRecord
  approval: ApprovalOutcome
  sameArtifact: SameArtifactCheck
  workflow: ResolvedWorkflow
  runId?: string
  runUrl?: string
  run?: RunStatus
  results: Record<string, unknown>
  smoke: SmokeTest
  environmentUrl?: string
  champion?: { moved: boolean; note: string; failed?: boolean }
  error?: string
  /** Why the run could not be cancelled (timeout or job cancelled): it may still be going. */
  cancelFailed?: string
  report: Report
  facts: PipelineFacts
}

/** Argument names the deploy workflow receives, beside the config's deploy arguments. */
export const MODEL_URI_ARGUMENT = 'model_uri'
export const MANIFEST_PATH_ARGUMENT = 'manifest_path'
export const MANIFEST_COMMIT_ARGUMENT = 'manifest_commit'

/**
 * What the deploy workflow is told about the model. A `command` cluster runs on this machine and
 * reads `manifest.path` as it is (a rollback's local copy); a remote one gets the manifest's path
 * in the repository and, for a rollback, the commit to read it at, never a path of this runner.
 */
export function suppliedArguments(
  manifest: DeployManifest,
  cluster: ClusterConfig
): Record<string, unknown> {
  const repositoryPath =
    cluster.kind === 'command' ? manifest.path : (manifest.repositoryPath ?? manifest.path)
  return {
    [MODEL_URI_ARGUMENT]: manifest.record.uri,
    ...(repositoryPath && { [MANIFEST_PATH_ARGUMENT]: repositoryPath }),
    ...(manifest.commit &&
      cluster.kind !== 'command' && {
        [MANIFEST_COMMIT_ARGUMENT]: manifest.commit
      })
  }
}

export async function checkSameArtifact(
  config: PromoteConfig,
  environment: ResolvedEnvironment,
  record: ModelRecord,
  store: DeploymentStore,
  options: { overrideReason?: string; rollback?: boolean; log: Log }
): Promise<SameArtifactCheck> {
  if (options.rollback) {
    return {
      note: 'not checked: a rollback redeploys what this environment ran before',
      verdict: 'skip'
    }
  }
  if (!config.deployment.sameArtifact) {
    return { note: 'not checked (deployment.sameArtifact: false)', verdict: 'skip' }
  }
  const previous = previousEnvironment(config, environment.name)
  if (!previous)
    return { note: `not checked: ${environment.name} is the first environment`, verdict: 'skip' }
  const records = await store.list(previous.name, { limit: 100 })
  if (records.length === 0 && previous.index === 0) {
    // The first environment is usually where models are trained (the seed's development branch),
    // not deployed: a rule against it would block every promotion. Any later one is enforced.
    return {
      note: `not checked: nothing was ever deployed to ${previous.name}, the first environment (it trains, it does not deploy)`,
      verdict: 'skip',
      previousEnvironment: previous.name
    }
  }
  const matched = records.find(
    r => wasSuccessful(r) && r.payload.contentHash === record.contentHash
  )
  if (matched) {
    const live = liveDeployment(records)
    const stale = live && live.payload.contentHash !== record.contentHash
    if (stale) {
      options.log.warning(
        `same artifact: hash ${shortHash(record.contentHash)} succeeded in ${previous.name} as #${matched.id}, but ${previous.name} now runs #${live.id} (${live.payload.modelName} ${live.payload.modelVersion ?? ''})`
      )
    }
    return {
      note: `hash ${shortHash(record.contentHash)} succeeded in ${previous.name} as deployment #${matched.id}${stale ? ` (no longer live there: #${live.id} is)` : ''}`,
      verdict: stale ? 'warn' : 'pass',
      previousEnvironment: previous.name,
      matched
    }
  }
  const live = liveDeployment(records)
  const what = `${record.name} ${record.version ?? ''}`.trim()
  const problem =
    `same-artifact rule: manifest hash ${shortHash(record.contentHash)} (${what}) was never deployed successfully to ` +
    `'${previous.name}', the environment before '${environment.name}'` +
    (live
      ? ` (${previous.name} runs #${live.id}: ${live.payload.modelName} ${live.payload.modelVersion ?? ''} hash ${shortHash(live.payload.contentHash)})`
      : ` (nothing was deployed there yet)`)
  if (options.overrideReason) {
    options.log.warning(`${problem}; deploying anyway, overridden: ${options.overrideReason}`)
    return {
      note: `OVERRIDDEN (${options.overrideReason}): hash ${shortHash(record.contentHash)} never succeeded in ${previous.name}`,
      verdict: 'warn',
      previousEnvironment: previous.name,
      overrideReason: options.overrideReason
    }
  }
  throw new RefusalError({
    kind: 'same-artifact',
    reason: problem,
    rule: 'deployment.sameArtifact (promote.yaml)',
    fix:
      `merge this manifest into '${previous.branch}' and let it deploy ` +
      `to ${previous.name} first; in an emergency, override with a reason (input override-same-artifact, CLI --override-same-artifact "<reason>")`
  })
}

const RUNNING_STATES: ReadonlySet<DeploymentState> = new Set(['queued', 'pending', 'in_progress'])
/** A deployment still "running" this long after its deploy's timeout was left behind by a killed job. */
const STALE_AFTER_TIMEOUT_MS = 10 * 60_000

/**
 * One deploy per environment at a time, also across workflows and the CLI (the workflows'
 * concurrency group only covers their own runs): a deployment of another run still in progress
 * refuses this one. One older than the deploy timeout (plus a margin) cannot still be running: it
 * was left by a killed job, and is named in a warning instead.
 */
export async function refuseWhileAnotherDeployRuns(
  environment: string,
  store: DeploymentStore,
  context: Pick<RunContext, 'runUrl'>,
  timeoutMs: number,
  log: Log,
  now: number = Date.now()
): Promise<void> {
  const records = await store.list(environment, { limit: 20 })
  for (const record of records) {
    if (!RUNNING_STATES.has(record.state)) continue
    // This run's own earlier attempt: its post step or this deploy supersedes it.
    if (record.payload.runUrl !== undefined && record.payload.runUrl === context.runUrl) continue
    const age = now - Date.parse(record.createdAt)
    const who = record.payload.runUrl ?? record.creator ?? 'another deploy'
    const model = `${record.payload.modelName} ${record.payload.modelVersion ?? ''}`.trim()
    if (Number.isFinite(age) && age > timeoutMs + STALE_AFTER_TIMEOUT_MS) {
      log.warning(
        `deployment #${record.id} (${model}) to ${environment} has been ${record.state} for ${formatDuration(age)}, longer than the deploy can run: treated as left behind by a killed job`
      )
      continue
    }
    throw new RefusalError({
      kind: 'in-progress',
      reason: `deployment #${record.id} (${model}) to '${environment}' is still ${record.state}, started ${Number.isFinite(age) ? `${formatDuration(Math.max(0, age))} ago ` : ''}by ${who}`,
      rule: 'one deploy per environment at a time',
      fix: `wait for it to finish, then re-run this deploy; if that run is gone, set deployment #${record.id} to error or inactive`
    })
  }
}

const SMOKE_KEYS = [
  'total_tests',
  'errors',
  'match',
  'avg_latency',
  'min_latency',
  'max_latency'
] as const

/**
 * The seed's tester logs total_tests, errors, match and avg/min/max latency. Pipelines name them
 * plainly or prefixed by their step (tester.total_tests, tester-errors); both are found.
 */
export function smokeTest(results: Record<string, unknown>): SmokeTest {
  const values: Array<[string, unknown]> = []
  for (const key of SMOKE_KEYS) {
    const found = Object.entries(results).find(
      ([name]) => name === key || new RegExp(`[._:/-]${key}$`).test(name)
    )
    if (found) values.push([key, found[1]])
  }
  const get = (key: string) => values.find(([k]) => k === key)?.[1]
  const errors = Number(get('errors'))
  const match = get('match')
  let failure: string | undefined
  if (Number.isFinite(errors) && errors > 0)
    failure = `the smoke test reported ${errors} error${errors === 1 ? '' : 's'}`
  else if (match === false || (typeof match === 'string' && match.toLowerCase() === 'false')) {
    failure = 'the smoke test reported that the responses do not match'
  }
  return { values, ...(failure && { failure }) }
}

const SMOKE_STEP_FIELD = 'deployment.smokeTest.step'

/**
 * The smoke test of a finished deploy run: from the step `deployment.smokeTest.step` names (Argo
 * retries name their pods `tester(0)`, `tester(1)`: the last one counts), else from the run's
 * results (every orchestrator merges its steps' results there). A named step that did not run, or
 * reported none of the numbers, fails the deploy; an orchestrator that cannot report output values
 * (Kubeflow Pipelines v2beta1) leaves it `unavailable`, said in the summary, never a silent pass.
 */
export function readSmokeTest(
  run: RunStatus | undefined,
  options: { step?: string | undefined } = {}
): SmokeTest {
  if (!run) return { values: [] }
  const stepName = options.step
  if (!stepName) {
    if (run.resultsUnavailable) {
      return { values: [], unavailable: `${run.resultsUnavailable}: the smoke test was not read` }
    }
    return { ...smokeTest(run.results), source: 'the run results' }
  }
  const step = run.steps
    .filter(s => s.name === stepName || s.name.startsWith(`${stepName}(`))
    .filter(s => s.state !== 'skipped')
    .at(-1)
  if (!step) {
    const seen = run.steps.map(s => s.name)
    return {
      values: [],
      failure: `the smoke-test step '${stepName}' (${SMOKE_STEP_FIELD}) did not run; the run reported ${seen.length ? `the steps ${seen.join(', ')}` : 'no steps'}`
    }
  }
  if (run.resultsUnavailable) {
    return {
      values: [],
      source: `step ${step.name}`,
      unavailable: `${run.resultsUnavailable}: the smoke test was not read (step ${step.name} ${step.rawState ?? step.state})`
    }
  }
  const found = smokeTest(step.results)
  if (found.values.length === 0 && !found.failure) {
    return {
      values: [],
      source: `step ${step.name}`,
      failure: `the smoke-test step '${step.name}' (${SMOKE_STEP_FIELD}) reported none of ${SMOKE_KEYS.join(', ')}${Object.keys(step.results).length ? ` (its results: ${Object.keys(step.results).join(', ')})` : ' (it reported no results)'}`
    }
  }
  return { ...found, source: `step ${step.name}` }
}

function httpUrl(value: unknown): string | undefined {
  return typeof value === 'string' && /^https?:\/\//.test(value) ? value : undefined
}

function payloadFor(
  request: DeployRequest,
  check: SameArtifactCheck,
  approval: ApprovalOutcome,
  context: RunContext
): DeploymentPayload {
  const { record, raw, path } = request.manifest
  return {
    modelUri: record.uri,
    modelName: record.name,
    ...(record.version !== undefined && { modelVersion: record.version }),
    contentHash: record.contentHash,
    metrics: record.metrics,
    manifestPath: request.manifest.repositoryPath ?? path,
    manifest: raw,
    ...(request.rollback && { rollbackOf: request.rollback.restores.id }),
    ...(check.overrideReason && { overrideReason: check.overrideReason }),
    approvers: approval.approvers,
    ...(context.runUrl && { runUrl: context.runUrl })
  }
}

export async function deploy(request: DeployRequest, deps: DeployDeps): Promise<DeployOutcome> {
  const { config, store, log, context } = deps
  const env = request.environment
  const { record } = request.manifest
  const what = `${record.name} ${record.version ?? ''} (${shortHash(record.contentHash)})`.replace(
    /\s+/g,
    ' '
  )

  // Ours, beside the caller's: allowed even when the deploy workflow declares its parameters.
  const supplied = suppliedArguments(request.manifest, env.clusterConfig)
  const workflowOverrides = request.arguments ?? {}
  // Resolved here too, so a config mistake (or a missing argument) is refused before anything is
  // recorded.
  const workflow = resolveWorkflow(
    config,
    config.deployment.workflow,
    env,
    workflowOverrides,
    request.timeout,
    supplied
  )
  const sameArtifact = await checkSameArtifact(config, env, record, store, {
    ...(request.overrideSameArtifact && { overrideReason: request.overrideSameArtifact }),
    rollback: request.rollback !== undefined,
    log
  })
  await refuseWhileAnotherDeployRuns(env.name, store, context, workflow.timeoutMs, log)
  const approval = await deps.approve(what)

  const description = request.rollback
    ? `Roll back ${env.name} to #${request.rollback.restores.id}: ${what}${request.rollback.replaces ? ` (replaces #${request.rollback.replaces.id})` : ''}`
    : `Deploy ${what} to ${env.name}`
  const deployment = await store.create({
    environment: env.name,
    ref: context.sha,
    sha: context.sha,
    payload: payloadFor(request, sameArtifact, approval, context),
    description: description.slice(0, 140)
  })
  deps.onProgress?.({ deploymentId: deployment.id })
  log.info(`Deployment #${deployment.id} created for ${env.name} (${what})`)

  const environmentUrl = env.url
  const logUrl = context.runUrl
  const setStatus = async (
    state: DeploymentState,
    extra: { environmentUrl?: string; logUrl?: string; description?: string } = {}
  ) => {
    try {
      await store.setStatus(deployment.id, state, {
        ...((extra.environmentUrl ?? environmentUrl) && {
          environmentUrl: extra.environmentUrl ?? environmentUrl
        }),
        ...((extra.logUrl ?? logUrl) && { logUrl: extra.logUrl ?? logUrl }),
        ...(extra.description && { description: extra.description.slice(0, 140) })
      })
    } catch (error) {
      // The deploy's own outcome matters more than its record; say so loudly and go on.
      log.error(`could not set deployment #${deployment.id} to ${state}: ${errorMessage(error)}`)
    }
  }
  await setStatus('in_progress', { description: `Deploying ${what}` })

  let status: DeployStatus = 'error'
  let run: RunStatus | undefined
  let runId: string | undefined
  let runUrl: string | undefined
  let error: string | undefined
  let cancelFailed: string | undefined
  const started = Date.now()
  try {
    const result = await runWorkflow({
      config,
      environment: env.name,
      workflowKey: workflow.key,
      overrides: workflowOverrides,
      supplied,
      ...(request.timeout && { timeout: request.timeout }),
      wait: request.wait,
      context,
      log,
      signal: deps.signal,
      kind: request.rollback ? 'rollback' : 'deploy',
      ...(deps.orchestrator && { orchestrator: deps.orchestrator }),
      ...(deps.createOrchestrator && { createOrchestrator: deps.createOrchestrator }),
      onSubmitting: info =>
        deps.onProgress?.({ deploymentId: deployment.id, cluster: info.cluster, submitting: info }),
      onNotSubmitted: () => deps.onProgress?.({ deploymentId: deployment.id, notSubmitted: true }),
      onSubmitted: (submitted, info) => {
        runId = submitted.runId
        runUrl = submitted.url ?? info.orchestrator.runUrl(submitted.runId)
        deps.onProgress?.({ deploymentId: deployment.id, runId, cluster: info.cluster })
      }
    })
    run = result.status
    cancelFailed = result.cancelFailed
    runUrl = result.facts.runUrl ?? runUrl
    if (!request.wait) {
      status = 'submitted'
      await setStatus('in_progress', {
        description: `Submitted run ${runId}; not waiting for it`,
        ...(runUrl && !logUrl && { logUrl: runUrl })
      })
    } else if (deps.signal?.aborted) {
      status = 'cancelled'
      error = run.error ?? `the job was cancelled; run ${runId} was cancelled on ${env.cluster}`
    } else if (run.state === 'succeeded' && result.ok) {
      status = 'success'
    } else if (run.state === 'failed') {
      status = 'failure'
      error = run.error ?? `run ${runId} ended ${run.rawState}`
    } else {
      // Cancelled on the cluster, timed out (and cancelled by us), or skipped: not a verdict on the model.
      status = 'error'
      error = run.error ?? `run ${runId} ended ${run.rawState}`
    }
  } catch (caught) {
    status = deps.signal?.aborted ? 'cancelled' : 'error'
    error = deps.signal?.aborted
      ? `the job was cancelled${runId ? `; run ${runId} was cancelled` : ' before the run was submitted'}`
      : `the deploy workflow could not run: ${errorMessage(caught)}`
  }

  const results = run?.results ?? {}
  const smoke = readSmokeTest(request.wait ? run : undefined, {
    step: config.deployment.smokeTest?.step
  })
  if (status === 'success' && smoke.failure) {
    status = 'failure'
    error = `${smoke.failure} (the pipeline itself succeeded)`
  }
  if (status === 'success' && smoke.unavailable) log.warning(smoke.unavailable)
  const deployedUrl =
    environmentUrl ??
    httpUrl(results.environment_url) ??
    httpUrl(results.endpoint_url) ??
    httpUrl(results.endpoint)
  const finalState: DeploymentState | undefined =
    status === 'success'
      ? 'success'
      : status === 'failure'
        ? 'failure'
        : status === 'submitted'
          ? undefined
          : 'error'
  if (finalState) {
    await setStatus(finalState, {
      ...(deployedUrl && { environmentUrl: deployedUrl }),
      ...(!logUrl && runUrl && { logUrl: runUrl }),
      description: status === 'success' ? `Deployed ${what}` : (error ?? status)
    })
  }
  log.info(`Deployment #${deployment.id}: ${status} after ${formatDuration(Date.now() - started)}`)

  let champion: DeployOutcome['champion']
  if (status === 'success' && isLastEnvironment(config, env.name)) {
    champion = await moveChampion(config, record, deps)
  }

  const outcome: Omit<DeployOutcome, 'report' | 'facts'> = {
    status,
    deployment: {
      ...deployment,
      state: finalState ?? 'in_progress',
      ...(deployedUrl && { environmentUrl: deployedUrl })
    },
    approval,
    sameArtifact,
    workflow,
    ...(runId && { runId }),
    ...(runUrl && { runUrl }),
    ...(run && { run }),
    results,
    smoke,
    ...(deployedUrl && { environmentUrl: deployedUrl }),
    ...(champion && { champion }),
    ...(error && { error }),
    ...(cancelFailed && { cancelFailed })
  }
  return {
    ...outcome,
    report: deployReport(outcome, request, deps),
    facts: deployFacts(outcome, request, deps, new Date(started).toISOString())
  }
}

async function moveChampion(
  config: PromoteConfig,
  record: ModelRecord,
  deps: DeployDeps
): Promise<DeployOutcome['champion']> {
  const tag = config.model.championTag
  if (!config.deployment.updateChampion) {
    return {
      moved: false,
      note: `not moved (deployment.updateChampion: false); '${tag}' still names the previous version`
    }
  }
  if (!deps.registry) return { moved: false, note: 'not moved: no registry available' }
  try {
    const registry = await deps.registry()
    await registry.setTag(record, tag)
    deps.log.info(`Moved ${registry.kind} tag '${tag}' to ${record.name} ${record.version ?? ''}`)
    return {
      moved: true,
      note: `'${tag}' now points at ${record.name} ${record.version ?? record.uri} (${registry.kind})`
    }
  } catch (error) {
    const message = `the deploy succeeded, but moving '${tag}' in the registry failed: ${errorMessage(error)}; registry and git disagree until it is moved`
    deps.log.error(message)
    return { moved: false, note: message, failed: true }
  }
}

const STATUS_TITLE: Record<DeployStatus, string> = {
  success: 'Deployed',
  failure: 'Deploy failed:',
  error: 'Deploy errored:',
  cancelled: 'Deploy cancelled:',
  submitted: 'Deploy submitted:'
}

function deployReport(
  outcome: Omit<DeployOutcome, 'report' | 'facts'>,
  request: DeployRequest,
  deps: DeployDeps
): Report {
  const { record } = request.manifest
  const env = request.environment
  const verdict: Verdict =
    outcome.status === 'success'
      ? outcome.sameArtifact.verdict === 'warn' ||
        outcome.champion?.failed ||
        outcome.smoke.unavailable
        ? 'warn'
        : 'pass'
      : outcome.status === 'submitted'
        ? 'info'
        : 'fail'
  const deploymentLink = deps.deploymentsUrl?.(env.name) ?? outcome.deployment.url
  const facts: Array<[string, string]> = [
    ['Environment', env.name],
    ['Model', record.name],
    ['Version', record.version ?? '—'],
    ['URI', `\`${record.uri}\``],
    ['Content hash', `\`${shortHash(record.contentHash)}\``],
    ['Approval', outcome.approval.note],
    [
      'Deployment',
      `#${outcome.deployment.id} (${outcome.deployment.state})${deploymentLink ? ` ${deploymentLink}` : ''}`
    ],
    ['Run', `${outcome.runId ?? '—'}${outcome.runUrl ? ` ${outcome.runUrl}` : ''}`],
    ['Same artifact', outcome.sameArtifact.note]
  ]
  if (request.rollback) {
    facts.push([
      'Rollback',
      `restores #${request.rollback.restores.id}${request.rollback.replaces ? `, replaces #${request.rollback.replaces.id} (${request.rollback.replaces.payload.modelName} ${request.rollback.replaces.payload.modelVersion ?? ''})` : ''}`
    ])
  }
  if (outcome.environmentUrl) facts.push(['Environment URL', outcome.environmentUrl])
  if (outcome.champion) facts.push(['Champion', outcome.champion.note])
  const sections: ReportSection[] = []
  if (outcome.error)
    sections.push({ title: 'What went wrong', verdict: 'fail', text: [outcome.error] })
  if (outcome.smoke.values.length) {
    sections.push({
      title: 'Smoke test',
      verdict: outcome.smoke.failure ? 'fail' : 'pass',
      facts: [
        ...outcome.smoke.values.map(([k, v]): [string, string] => [k, formatValue(v)]),
        ...(outcome.smoke.source ? [['read from', outcome.smoke.source] as [string, string]] : [])
      ]
    })
  } else if (outcome.smoke.unavailable && outcome.status === 'success') {
    sections.push({
      title: 'Smoke test',
      verdict: 'warn',
      text: [
        `Not read: ${outcome.smoke.unavailable}. The deploy counts as succeeded because the pipeline did; make the tester step fail the pipeline when its test fails.`
      ]
    })
  }
  const smokeKeys = new Set(outcome.smoke.values.map(([k]) => k))
  const other = Object.entries(outcome.results).filter(
    ([k]) => ![...smokeKeys].some(s => k === s || k.endsWith(s))
  )
  if (other.length)
    sections.push({ title: 'Pipeline results', facts: other.map(([k, v]) => [k, formatValue(v)]) })
  if (outcome.run?.steps.length) {
    sections.push({
      title: 'Steps',
      tables: [
        {
          columns: ['step', 'state', 'error'],
          rows: outcome.run.steps.map(s => [s.name, s.rawState ?? s.state, s.error ?? ''])
        }
      ]
    })
  }
  if (Object.keys(record.metrics).length) {
    sections.push({
      title: 'Model metrics',
      facts: Object.entries(record.metrics).map(([k, v]) => [k, formatValue(v)])
    })
  }
  const links = [
    ...(deploymentLink && /^https?:/.test(deploymentLink)
      ? [{ label: 'Deployment', url: deploymentLink }]
      : []),
    ...(outcome.runUrl ? [{ label: 'Pipeline run', url: outcome.runUrl }] : []),
    ...(deps.context.runUrl ? [{ label: 'Workflow run', url: deps.context.runUrl }] : [])
  ]
  return {
    title:
      `${STATUS_TITLE[outcome.status]} ${record.name} ${record.version ?? ''} ${outcome.status === 'success' ? 'to' : 'in'} ${env.name}`.replace(
        /\s+/g,
        ' '
      ),
    verdict,
    facts,
    sections,
    ...(links.length && { links })
  }
}

function deployFacts(
  outcome: Omit<DeployOutcome, 'report' | 'facts'>,
  request: DeployRequest,
  deps: DeployDeps,
  startedAt: string
): PipelineFacts {
  const { record } = request.manifest
  return {
    kind: request.rollback ? 'rollback' : 'deploy',
    project: request.environment.projectName,
    environment: request.environment.name,
    workflow: outcome.workflow.remoteName,
    ...(outcome.runId && { runId: outcome.runId }),
    ...(outcome.runUrl && { runUrl: outcome.runUrl }),
    ...(deps.context.runUrl && { logUrl: deps.context.runUrl }),
    state:
      outcome.status === 'success'
        ? 'succeeded'
        : outcome.status === 'submitted'
          ? 'running'
          : outcome.status === 'cancelled'
            ? 'cancelled'
            : 'failed',
    ...(outcome.error && { error: outcome.error }),
    model: {
      name: record.name,
      ...(record.version !== undefined && { version: record.version }),
      uri: record.uri,
      contentHash: record.contentHash,
      metrics: record.metrics
    },
    deployment: {
      id: outcome.deployment.id,
      ...(outcome.deployment.url && { url: outcome.deployment.url }),
      ...(outcome.environmentUrl && { environmentUrl: outcome.environmentUrl })
    },
    steps: (outcome.run?.steps ?? []).map(s => ({
      name: s.name,
      state: s.state,
      results: s.results,
      ...(s.error && { error: s.error })
    })),
    results: outcome.results,
    commit: deps.context.sha,
    actor: deps.context.actor,
    startedAt,
    finishedAt: new Date().toISOString()
  }
}

/**
 * The facts of a deploy that never started: refused by a rule (state `refused`, with the reason,
 * the rule and the fix), or stopped by another configuration mistake (state `failed`). Nothing was
 * recorded or submitted, so there is no deployment and no run; notify still says what and why.
 */
export function refusedDeployFacts(
  request: Pick<DeployRequest, 'environment' | 'manifest' | 'rollback'>,
  config: PromoteConfig,
  context: RunContext,
  error: Error,
  startedAt: string
): PipelineFacts {
  const { record } = request.manifest
  const refusal = error instanceof RefusalError ? error.refusal : undefined
  const workflowKey = config.deployment.workflow
  return {
    kind: request.rollback ? 'rollback' : 'deploy',
    project: request.environment.projectName,
    environment: request.environment.name,
    workflow: config.workflows[workflowKey]?.name ?? workflowKey,
    ...(context.runUrl && { logUrl: context.runUrl }),
    state: refusal ? 'refused' : 'failed',
    error: error.message,
    ...(refusal && { refusal: { ...refusal } }),
    model: {
      name: record.name,
      ...(record.version !== undefined && { version: record.version }),
      uri: record.uri,
      contentHash: record.contentHash,
      metrics: record.metrics
    },
    steps: [],
    results: {},
    commit: context.sha,
    actor: context.triggeringActor ?? context.actor,
    startedAt,
    finishedAt: new Date().toISOString()
  }
}

/** Outcome to a process result: anything but success (or a deliberate no-wait) fails the step. */
export function deployFailed(outcome: Pick<DeployOutcome, 'status' | 'champion'>): boolean {
  return (
    (outcome.status !== 'success' && outcome.status !== 'submitted') ||
    outcome.champion?.failed === true
  )
}

/**
 * The promotion pull request after a successful deploy: from this environment's branch to the
 * next one's, its body the deployed model and its results here, so reviewers see what they promote.
 */
export function promotionReport(
  outcome: Pick<
    DeployOutcome,
    'deployment' | 'results' | 'smoke' | 'runUrl' | 'environmentUrl' | 'sameArtifact'
  >,
  manifest: DeployManifest,
  from: ResolvedEnvironment,
  to: ResolvedEnvironment,
  context: RunContext
): { title: string; report: Report } {
  const { record } = manifest
  const version = record.version ?? shortHash(record.contentHash)
  const facts: Array<[string, string]> = [
    ['Model', record.name],
    ['Version', version],
    ['URI', `\`${record.uri}\``],
    [
      'Content hash',
      `\`${shortHash(record.contentHash)}\` (${to.name} must deploy this same hash)`
    ],
    ['Manifest', `\`${manifest.path}\``],
    [
      `${from.name} deployment`,
      `#${outcome.deployment.id}${outcome.deployment.url ? ` ${outcome.deployment.url}` : ''}`
    ],
    ['Commit', `\`${context.sha.slice(0, 12)}\``]
  ]
  if (outcome.environmentUrl) facts.push([`${from.name} URL`, outcome.environmentUrl])
  const sections: ReportSection[] = []
  if (outcome.smoke.values.length) {
    sections.push({
      title: `Smoke test in ${from.name}`,
      verdict: outcome.smoke.failure ? 'fail' : 'pass',
      facts: outcome.smoke.values.map(([k, v]) => [k, formatValue(v)])
    })
  }
  if (Object.keys(record.metrics).length) {
    sections.push({
      title: 'Model metrics',
      facts: Object.entries(record.metrics).map(([k, v]) => [k, formatValue(v)])
    })
  }
  sections.push({
    title: 'What merging does',
    text: [
      `Merging into \`${to.branch}\` deploys this model to **${to.name}**${to.requiresApproval ? ' after the environment’s reviewers approve' : ''}.`
    ]
  })
  const links = [
    ...(outcome.runUrl ? [{ label: `${from.name} pipeline run`, url: outcome.runUrl }] : []),
    ...(context.runUrl ? [{ label: 'Workflow run', url: context.runUrl }] : [])
  ]
  return {
    title: `Promote ${record.name} ${version} from ${from.name} to ${to.name}`,
    report: {
      title: `Promote ${record.name} ${version} to ${to.name}`,
      verdict: 'pass',
      facts,
      sections,
      ...(links.length && { links })
    }
  }
}
