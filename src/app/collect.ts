/**
 * `promote collect`: finishes the trainings nobody waited for. It lists the submissions this
 * repository started (by their labels), and for each run that ended and was not collected yet:
 * a succeeded training gets its challenger manifest exported, committed on a branch of its own and
 * proposed in a pull request to the environment's branch with the gate report (challenger
 * against champion) in its body; every ended run is reported (job summary, Slack, email on
 * failure). The attached flow (`open-pr`) calls collectRun for its own run: one code path.
 *
 * Exactly once, with only what GitHub makes atomic (creating a ref answers 422 when it exists):
 *   1. export commit: committed unreferenced, then `refs/heads/promote/challenger/<key>` created
 *      pointing at it. A racing collector's ref creation fails, so one commit is ever on a branch.
 *   2. pull request: looked up by its head branch, created when absent (GitHub refuses a second
 *      open PR for one head: 422, then the existing one is updated with the same body).
 *   3. messages: `refs/promote/notified/<key>` is created before sending; whoever creates it sends.
 *   4. done: `refs/promote/collected/<key>`; a reconcile skips runs that have it.
 * A collector that dies between two steps leaves a state the next one finishes: each step first
 * looks at what is already there. The one loss it accepts: dying after the claim of step 3 and
 * before the messages went out leaves that run unannounced (the PR and the summary still show
 * it), rather than risking two messages.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import type { ClusterConfig, PipelineEvent, PromoteConfig } from '../core/config/schema.js'
import {
  environmentNames,
  gatesFor,
  manifestFileName,
  resolveEnvironment,
  type ResolvedEnvironment
} from '../core/config/resolve.js'
import { MODE_DETACHED, type SlackMessageRef } from '../core/detached.js'
import { formatDuration } from '../core/duration.js'
import { errorMessage } from '../core/errors.js'
import type { PipelineFacts } from '../core/facts.js'
import { evaluateGates, GATE_COLUMNS, gateTableRows } from '../core/gates.js'
import type { ModelRecord } from '../core/manifest.js'
import { renderMarkdown, type Report, type ReportSection, type Verdict } from '../core/report.js'
import { GitHubApiError, type GitHubClient } from '../adapters/github/client.js'
import {
  commitFiles,
  createRef,
  getRef,
  listRefs,
  listRunJobs,
  readFileAt,
  type JobTiming,
  type Repository
} from '../adapters/github/git.js'
import { openOrUpdatePull, type PullRequestResult } from '../adapters/github/pulls.js'
import {
  LABEL_ATTEMPT,
  TERMINAL_STATES,
  type Orchestrator,
  type RunScope,
  type RunStatus,
  type SubmissionRun
} from '../adapters/orchestrators/types.js'
import type { ModelRegistry } from '../adapters/registries/types.js'
import { exportModel } from './export.js'
import type { NotifyResult } from './notify.js'
import type { Log, Reporter, RunContext } from './ports.js'
import { findModelUri, stepFacts } from './run-workflow.js'
import {
  ANNOTATION_ACTOR,
  ANNOTATION_RUN_URL,
  keyOrigin,
  LABEL_COMMIT,
  LABEL_GITHUB_RUN,
  labelValue,
  slackMessageOf
} from './submission.js'
import { findChampion } from './validate.js'

export const CHALLENGER_BRANCH_PREFIX = 'promote/challenger/'
export const COLLECTED_REF_PREFIX = 'refs/promote/collected/'
export const NOTIFIED_REF_PREFIX = 'refs/promote/notified/'
/** A step whose name says it submitted the training (the default name of a `uses:` step, or train.yml's). */
const SUBMIT_STEP = /submit-train|^train$/i
/** Marks the pull request's body as promote collect's, with the run key. */
const PULL_MARKER = 'promote-actions:challenger'

export interface CollectPorts {
  log: Log
  reporter?: Reporter
  github: GitHubClient
  /** Adapters load on first use (one chunk per kind), hence the promises. */
  orchestrator: (cluster: ClusterConfig) => Orchestrator | Promise<Orchestrator>
  registry: (config: PromoteConfig) => ModelRegistry | Promise<ModelRegistry>
  /** The notify use case with the config's channels; undefined when nothing is configured. */
  notify: (
    event: PipelineEvent,
    facts: PipelineFacts,
    message?: SlackMessageRef
  ) => Promise<NotifyResult | undefined>
  /** Epoch ms (tests pass a fixed clock). */
  now: () => number
}

/** A callback's payload: which run to look at. Never trusted: the run is read from the orchestrator. */
export interface CollectCallback {
  cluster?: string | undefined
  runId?: string | undefined
  submission?: string | undefined
  /**
   * The Slack message the run was announced in, as the callback says (MLRun keeps no
   * annotations). Only chooses which message to update; a run's own annotation wins.
   */
  message?: SlackMessageRef | undefined
}

export interface CollectRequest {
  config: PromoteConfig
  repository: Repository
  context: RunContext
  env: Record<string, string | undefined>
  /** Only this run (a callback, or the attached flow's own run). */
  callback?: CollectCallback | undefined
  /** RUNNER_NAME of the job collecting, to find its own time in the jobs API. */
  runnerName?: string | undefined
  /**
   * Send the messages (default true). The attached flow's own job reports its run already
   * (train.yml's notify steps), so its `open-pr` step collects without them.
   */
  announce?: boolean | undefined
}

export type CollectOutcome =
  'collected' | 'already-collected' | 'running' | 'not-ours' | 'not-found' | 'failed'

export interface CollectedRun {
  key: string
  runId: string
  cluster: string
  outcome: CollectOutcome
  environment?: string
  workflowKey?: string
  state?: RunStatus['state']
  pull?: PullRequestResult
  /** The export commit on the challenger branch (this collector's or an earlier one's). */
  exportCommit?: string
  /** Whether this collector sent the messages (false: another one had claimed them). */
  notified?: boolean
  runSeconds?: number
  submitStepSeconds?: number
  collectSeconds?: number
  notes: string[]
  error?: string
}

export interface CollectResult {
  ok: boolean
  runs: CollectedRun[]
  report: Report
}

interface Candidate {
  run: SubmissionRun
  clusterName: string
  orchestrator: Orchestrator
  /** The Slack message the callback names (MLRun's runs keep no annotation to hold it). */
  message?: SlackMessageRef | undefined
}

const seconds = (from?: string, to?: string | number): number | undefined => {
  if (!from || to === undefined) return undefined
  const start = Date.parse(from)
  const end = typeof to === 'number' ? to : Date.parse(to)
  return Number.isFinite(start) && Number.isFinite(end)
    ? Math.max(0, Math.round((end - start) / 1000))
    : undefined
}

function isTerminal(state: RunStatus['state']): boolean {
  return TERMINAL_STATES.includes(state)
}

/** Project and workflow of every environment and workflow on each cluster (MLRun lists per project). */
function clusterScopes(
  config: PromoteConfig,
  env: Record<string, string | undefined>
): Map<string, RunScope[]> {
  const scopes = new Map<string, RunScope[]>()
  for (const name of environmentNames(config)) {
    const environment = resolveEnvironment(config, { name, env })
    const list = scopes.get(environment.cluster) ?? []
    for (const [key, workflow] of Object.entries(config.workflows))
      list.push({ project: environment.projectName, workflow: workflow.name ?? key })
    scopes.set(environment.cluster, list)
  }
  return scopes
}

function namesRepository(run: SubmissionRun): boolean {
  return Boolean(
    run.labels['promote-actions/repository'] || run.annotations['promote-actions/repository']
  )
}

/** A run names a repository (Argo/KFP keep it); a run that names another one is not ours. */
function namesOtherRepository(run: SubmissionRun, repository: Repository): boolean {
  const named = [
    run.labels['promote-actions/repository'],
    run.annotations['promote-actions/repository']
  ]
  const ours = [
    labelValue(`${repository.owner}-${repository.repo}`),
    `${repository.owner}/${repository.repo}`
  ]
  const present = named.filter((value): value is string => Boolean(value))
  return present.length > 0 && !present.some(value => ours.includes(value))
}

async function findCandidates(
  request: CollectRequest,
  ports: CollectPorts,
  results: CollectedRun[]
): Promise<Candidate[]> {
  const { config, repository, callback } = request
  const scopes = clusterScopes(config, request.env)
  const candidates: Candidate[] = []
  if (callback?.runId) {
    const clusterName = callback.cluster ?? ''
    const cluster = Object.hasOwn(config.clusters, clusterName)
      ? config.clusters[clusterName]
      : undefined
    if (!cluster || !scopes.has(clusterName)) {
      ports.log.warning(
        `The callback names cluster '${clusterName}', which no environment of promote.yaml uses: ignored (the scheduled reconcile still lists every cluster)`
      )
      return []
    }
    const orchestrator = await ports.orchestrator(cluster)
    const run = await orchestrator.describeRun(callback.runId)
    if (!run) {
      results.push({
        key: callback.submission ?? callback.runId,
        runId: callback.runId,
        cluster: clusterName,
        outcome: 'not-found',
        notes: [`cluster '${clusterName}' has no run ${callback.runId} made by a submission`]
      })
      return []
    }
    if (namesOtherRepository(run, repository)) {
      results.push({
        key: run.key,
        runId: run.runId,
        cluster: clusterName,
        outcome: 'not-ours',
        notes: ['the run was submitted from another repository: left alone']
      })
      return []
    }
    candidates.push({
      run,
      clusterName,
      orchestrator,
      message: callback.message
    })
    return candidates
  }
  for (const [clusterName, clusterScopesList] of scopes) {
    const cluster = config.clusters[clusterName]
    if (!cluster) continue
    const orchestrator = await ports.orchestrator(cluster)
    const runs = await orchestrator.listSubmissions({
      repository: labelValue(`${repository.owner}-${repository.repo}`),
      repositoryName: `${repository.owner}/${repository.repo}`,
      // LABEL_MODE of the runs nobody waits for.
      mode: MODE_DETACHED,
      scopes: clusterScopesList
    })
    for (const run of runs) candidates.push({ run, clusterName, orchestrator })
  }
  return candidates
}

/**
 * Collects the ended, not yet collected submissions of this repository (or the one run a
 * callback names), and reports them in one job summary.
 */
export async function collect(
  request: CollectRequest,
  ports: CollectPorts
): Promise<CollectResult> {
  const results: CollectedRun[] = []
  const candidates = await findCandidates(request, ports, results)
  const collected = new Set(
    (await listRefs(ports.github, request.repository, COLLECTED_REF_PREFIX)).map(ref =>
      ref.slice(COLLECTED_REF_PREFIX.length)
    )
  )
  // One run per key: every attempt of a submission is one training to collect (the newest).
  const seen = new Set<string>()
  const pending: Candidate[] = []
  for (const candidate of candidates) {
    const { run, clusterName } = candidate
    if (seen.has(run.key)) continue
    seen.add(run.key)
    const base = { key: run.key, runId: run.runId, cluster: clusterName, notes: [] }
    // The listed state is only a hint (an MLRun runner may lag its pipeline): collectRun reads
    // the run's own status and leaves one still going.
    if (collected.has(run.key)) results.push({ ...base, outcome: 'already-collected' })
    else pending.push(candidate)
  }
  const collectJob = await collectJobStart(request, ports)
  for (const candidate of pending) {
    results.push(
      await collectRun(
        {
          config: request.config,
          repository: request.repository,
          context: request.context,
          env: request.env,
          run: candidate.run,
          message: candidate.message,
          clusterName: candidate.clusterName,
          orchestrator: candidate.orchestrator,
          announce: request.announce ?? true
        },
        ports
      )
    )
  }
  // This job's time so far, shared by the runs it collected.
  const handled = results.filter(r => r.outcome === 'collected')
  const jobSeconds = collectJob ? seconds(collectJob.startedAt, ports.now()) : undefined
  if (jobSeconds !== undefined)
    for (const run of handled)
      run.collectSeconds = Math.max(1, Math.round(jobSeconds / handled.length))
  const report = collectReport(results)
  await ports.reporter?.summary(report)
  return { ok: !results.some(r => r.outcome === 'failed'), runs: results, report }
}

/** When this collecting job started (its runner's in-progress job in the jobs API). */
async function collectJobStart(
  request: Pick<CollectRequest, 'context' | 'repository' | 'runnerName'>,
  ports: CollectPorts
): Promise<{ startedAt: string } | undefined> {
  const { runId, runAttempt } = request.context
  if (!runId || !/^\d+$/.test(runId) || !request.runnerName) return undefined
  try {
    const jobs = await listRunJobs(
      ports.github,
      request.repository,
      Number(runId),
      Number(runAttempt ?? '1') || 1
    )
    const own = jobs.find(
      job => job.runnerName === request.runnerName && job.status === 'in_progress'
    )
    return own?.startedAt ? { startedAt: own.startedAt } : undefined
  } catch (error) {
    ports.log.info(`Runner time of this job unknown: ${errorMessage(error)} (needs actions: read)`)
    return undefined
  }
}

/** The submit step's seconds: the matching step that was running when the run was created. */
function submitStepSeconds(jobs: JobTiming[], createdAt: string | undefined): number | undefined {
  const steps = jobs.flatMap(job => job.steps).filter(step => SUBMIT_STEP.test(step.name))
  const created = createdAt ? Date.parse(createdAt) : NaN
  const during = steps.find(
    step =>
      step.startedAt &&
      step.completedAt &&
      Date.parse(step.startedAt) <= created &&
      created <= Date.parse(step.completedAt)
  )
  const step = during ?? steps.find(s => s.startedAt && s.completedAt)
  return step ? seconds(step.startedAt, step.completedAt) : undefined
}

export interface CollectRunInput {
  config: PromoteConfig
  repository: Repository
  context: RunContext
  env: Record<string, string | undefined>
  run: SubmissionRun
  clusterName: string
  orchestrator: Orchestrator
  /** The final status when the caller has it (the attached flow); else read here. */
  status?: RunStatus
  /** When the collecting job started and how many runs share it (runner-time accounting). */
  collectJob?: { startedAt: string; share: number }
  /** Send the messages (default true); false leaves them to the job that waited for the run. */
  announce?: boolean
  /** The callback's Slack message to update; the run's own annotation wins over it. */
  message?: SlackMessageRef | undefined
}

/** Collects one ended run: export, PR, messages, done marker; each step idempotent. */
export async function collectRun(
  input: CollectRunInput,
  ports: CollectPorts
): Promise<CollectedRun> {
  const { config, repository, run } = input
  const result: CollectedRun = {
    key: run.key,
    runId: run.runId,
    cluster: input.clusterName,
    outcome: 'collected',
    notes: []
  }
  try {
    const origin = keyOrigin(run.key, Object.keys(config.workflows), environmentNames(config))
    if (!origin) {
      result.outcome = 'not-found'
      result.notes.push(
        `run key '${run.key}' matches no workflow and environment of promote.yaml: left alone`
      )
      return result
    }
    result.environment = origin.environment
    result.workflowKey = origin.workflowKey
    // A run that names no repository (MLRun keeps no labels) is ours only if the GitHub run
    // that submitted it is.
    const jobs = await submittingJobs(input, origin.githubRun, result, ports)
    if (jobs === 'not-found' && !namesRepository(run)) {
      result.outcome = 'not-ours'
      result.notes.push(
        `GitHub run ${origin.githubRun} is not ${repository.owner}/${repository.repo}'s: left alone`
      )
      return result
    }
    const environment = resolveEnvironment(config, { name: origin.environment, env: input.env })
    const status = input.status ?? (await input.orchestrator.getStatus(run.runId))
    result.state = status.state
    if (!isTerminal(status.state)) {
      result.outcome = 'running'
      return result
    }
    result.runSeconds = seconds(status.startedAt ?? run.createdAt, status.finishedAt)
    accountRunnerTime(input, jobs === 'not-found' ? undefined : jobs, result, ports)

    const baseSha = await getRef(ports.github, repository, environment.branch)
    if (!baseSha)
      throw new Error(
        `branch '${environment.branch}' of environment '${environment.name}' does not exist in ${repository.owner}/${repository.repo}`
      )
    let record: ModelRecord | undefined
    let championMetrics: Record<string, number> | undefined
    let markerSha = baseSha
    if (status.state === 'succeeded') {
      const modelUri = findModelUri(status)
      if (!modelUri) {
        result.notes.push(
          `the run reported no model URI${status.resultsUnavailable ? ` (${status.resultsUnavailable})` : ''}: no challenger to export, no pull request`
        )
      } else {
        const proposal = await proposeChallenger(
          { ...input, environment, workflowKey: origin.workflowKey, status, modelUri, baseSha },
          result,
          ports
        )
        record = proposal.record
        championMetrics = proposal.championMetrics
        markerSha = proposal.headSha
      }
    }

    // Messages: whoever creates the claim sends them; a second collector finds it and does not.
    const claim =
      input.announce === false
        ? 'not-announced'
        : await createRef(ports.github, repository, `${NOTIFIED_REF_PREFIX}${run.key}`, markerSha)
    if (claim !== 'not-announced') result.notified = claim === 'created'
    if (claim === 'not-announced') {
      result.notes.push('messages left to the job that waited for the run')
    } else if (claim === 'created') {
      const facts = runFacts(
        input,
        environment,
        origin.workflowKey,
        status,
        record,
        championMetrics,
        result
      )
      // The message the training was announced in, updated in place (with a threaded reply);
      // without one, or when Slack refuses the update, notify posts a new message.
      const sent = await ports.notify(
        eventOf(status.state),
        facts,
        slackMessageOf(run.annotations) ?? input.message
      )
      for (const delivery of sent?.deliveries ?? [])
        if (!delivery.ok) result.notes.push(`${delivery.via} not delivered: ${delivery.detail}`)
    } else {
      result.notes.push('messages already sent by another collector')
    }
    await createRef(ports.github, repository, `${COLLECTED_REF_PREFIX}${run.key}`, markerSha)
    return result
  } catch (error) {
    result.outcome = 'failed'
    result.error = errorMessage(error)
    ports.log.error(`Collecting run ${run.runId} (${run.key}) failed: ${result.error}`)
    return result
  }
}

function eventOf(state: RunStatus['state']): PipelineEvent {
  if (state === 'succeeded') return 'succeeded'
  if (state === 'failed') return 'failed'
  return 'cancelled'
}

/**
 * The jobs of the GitHub run that submitted: its timings, and proof that it is this
 * repository's (run ids are unique across GitHub, and the jobs API answers 404 for another
 * repository's run). `not-found` when it is not; undefined when they could not be read.
 */
async function submittingJobs(
  input: CollectRunInput,
  githubRun: string,
  result: CollectedRun,
  ports: CollectPorts
): Promise<JobTiming[] | 'not-found' | undefined> {
  const runId = Number(input.run.labels[LABEL_GITHUB_RUN] ?? githubRun)
  const attempt = Number(input.run.labels[LABEL_ATTEMPT] ?? '1') || 1
  try {
    return await listRunJobs(ports.github, input.repository, runId, attempt)
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 404) return 'not-found'
    result.notes.push(`submit step time unknown: ${errorMessage(error)}`)
    return undefined
  }
}

function accountRunnerTime(
  input: CollectRunInput,
  jobs: JobTiming[] | undefined,
  result: CollectedRun,
  ports: CollectPorts
): void {
  const submit = jobs ? submitStepSeconds(jobs, input.run.createdAt) : undefined
  if (submit !== undefined) result.submitStepSeconds = submit
  if (input.collectJob) {
    const job = seconds(input.collectJob.startedAt, ports.now())
    if (job !== undefined)
      result.collectSeconds = Math.max(1, Math.round(job / Math.max(1, input.collectJob.share)))
  }
}

interface ProposalInput extends CollectRunInput {
  environment: ResolvedEnvironment
  workflowKey: string
  status: RunStatus
  modelUri: string
  baseSha: string
}

/** Export, commit on the challenger branch (once), gate report, pull request (one per head). */
async function proposeChallenger(
  input: ProposalInput,
  result: CollectedRun,
  ports: CollectPorts
): Promise<{ record: ModelRecord; championMetrics?: Record<string, number>; headSha: string }> {
  const { config, repository, environment, run } = input
  const registry = await ports.registry(config)
  const exportDir = config.model.exportDir
  const tag = config.model.challengerTag
  const work = await mkdtemp(join(tmpdir(), 'promote-collect-'))
  try {
    // The file this export replaces, so an MLRun re-export keeps its key order (a small diff).
    const previousPath = `${exportDir}/${manifestFileName(config.model.name, tag)}`
    const previous = await readFileAt(ports.github, repository, input.baseSha, previousPath)
    await mkdir(join(work, exportDir), { recursive: true })
    if (previous !== undefined) await writeFile(join(work, previousPath), previous)
    const exported = await exportModel({
      uri: input.modelUri,
      tag,
      dir: exportDir,
      cwd: work,
      registry,
      log: quiet(ports.log)
    })
    if (!exported.exported) throw new Error('the export was declined')
    const path = relative(work, exported.file).split(sep).join('/')
    const content = await readFile(exported.file, 'utf8')
    const record = exported.record

    const branch = `${CHALLENGER_BRANCH_PREFIX}${run.key}`
    let headSha = await getRef(ports.github, repository, branch)
    if (headSha) {
      result.notes.push('export commit already on the challenger branch')
    } else {
      const commit = await commitFiles(ports.github, repository, {
        parent: input.baseSha,
        files: [{ path, content }],
        message: `Export ${record.name}${record.version ? ` ${record.version}` : ''} as ${tag} (run ${run.runId}, ${run.key})`
      })
      if ((await createRef(ports.github, repository, branch, commit)) === 'created') {
        headSha = commit
      } else {
        // Another collector's commit won the branch: ours stays unreferenced.
        headSha = await getRef(ports.github, repository, branch)
        result.notes.push('another collector committed the export first')
      }
    }
    if (!headSha) throw new Error(`branch ${branch} vanished while collecting`)
    result.exportCommit = headSha

    const gates = await gateSection(input, record, registry, exportDir, ports)
    const body = pullBody(input, record, path, headSha, gates.section, result)
    result.pull = await openOrUpdatePull(ports.github, {
      ...repository,
      head: branch,
      base: environment.branch,
      title: `Challenger ${record.name}${record.version ? ` ${record.version}` : ''} from ${input.workflowKey} on ${environment.name}`,
      body
    })
    return {
      record,
      headSha,
      ...(gates.championMetrics && { championMetrics: gates.championMetrics })
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** The export's own next-steps hints are for a person at a terminal: kept out of the job log. */
function quiet(log: Log): Log {
  return { ...log, info: message => log.debug(message) }
}

async function gateSection(
  input: ProposalInput,
  record: ModelRecord,
  registry: ModelRegistry,
  exportDir: string,
  ports: CollectPorts
): Promise<{ section: ReportSection; championMetrics?: Record<string, number> }> {
  const { config, repository, environment } = input
  const notes: string[] = []
  const champion = await findChampion(
    {
      champion: 'auto',
      git: {
        // The champion lives on the production branch of GitHub, not in a checkout.
        show: (revision, path) =>
          revision.startsWith('origin/')
            ? Promise.resolve(undefined)
            : readFileAt(ports.github, repository, revision, path)
      },
      registry: () => registry
    },
    config,
    exportDir,
    notes,
    record
  )
  const evaluation = evaluateGates({
    gates: gatesFor(config, environment.name),
    challenger: record.metrics,
    champion: champion?.metrics,
    ...(champion && { championSource: champion.source })
  })
  const rows = evaluation.results.flatMap(gateTableRows)
  const section: ReportSection = {
    title: `Gates (${environment.name})${champion ? ` against ${champion.source}` : ', no champion'}`,
    verdict: evaluation.verdict,
    ...(rows.length
      ? { tables: [{ columns: [...GATE_COLUMNS], rows }] }
      : { text: ['promote.yaml sets no gates for this environment.'] }),
    ...(notes.length && { items: notes })
  }
  const metrics = champion?.metrics
    ? Object.fromEntries(
        Object.entries(champion.metrics).filter(
          (entry): entry is [string, number] => typeof entry[1] === 'number'
        )
      )
    : undefined
  return { section, ...(metrics && { championMetrics: metrics }) }
}

function runLink(input: CollectRunInput): string | undefined {
  return input.run.annotations[ANNOTATION_RUN_URL]
}

function pullBody(
  input: ProposalInput,
  record: ModelRecord,
  path: string,
  headSha: string,
  gates: ReportSection,
  result: CollectedRun
): string {
  const { run, status, environment } = input
  const facts: Array<[string, string]> = [
    ['Model', `${record.name}${record.version ? ` version ${record.version}` : ''}`],
    ['URI', `\`${record.uri}\``],
    ['Manifest', `\`${path}\` (${headSha.slice(0, 7)})`],
    [
      'Training',
      `${input.workflowKey} on ${environment.name}, run ${status.url ? `[${run.runId}](${status.url})` : run.runId}`
    ],
    ...(runLink(input)
      ? [['Submitted by', `[GitHub run](${runLink(input)})`] as [string, string]]
      : []),
    ...(result.runSeconds !== undefined
      ? [['Run length', formatDuration(result.runSeconds * 1000)] as [string, string]]
      : [])
  ]
  const metrics = Object.entries(record.metrics)
  const report: Report = {
    title: `Challenger from ${input.workflowKey} on ${environment.name}`,
    verdict: gates.verdict ?? 'info',
    facts,
    sections: [
      gates,
      ...(metrics.length
        ? [
            {
              title: 'Metrics',
              tables: [
                { columns: ['Metric', 'Value'], rows: metrics.map(([k, v]) => [k, String(v)]) }
              ]
            }
          ]
        : [])
    ]
  }
  return `${renderMarkdown(report)}\nOpened by \`promote collect\`; lint-test checks this pull request like any other.\n\n<!-- ${PULL_MARKER} ${run.key} -->\n`
}

function runFacts(
  input: CollectRunInput,
  environment: ResolvedEnvironment,
  workflowKey: string,
  status: RunStatus,
  record: ModelRecord | undefined,
  championMetrics: Record<string, number> | undefined,
  result: CollectedRun
): PipelineFacts {
  const { run } = input
  const commit = run.labels[LABEL_COMMIT] ?? run.annotations['promote-actions/commit']
  const actor = run.annotations[ANNOTATION_ACTOR] ?? run.labels['promote-actions/actor']
  const logUrl = runLink(input)
  return {
    kind: 'train',
    project: environment.projectName,
    environment: environment.name,
    workflow: workflowKey,
    runId: status.runId,
    ...(status.workflowId && { workflowId: status.workflowId }),
    ...((status.url ?? run.url) && { runUrl: status.url ?? run.url }),
    ...(logUrl && { logUrl }),
    state: status.state,
    ...(status.error && { error: status.error }),
    ...(record && {
      model: {
        name: record.name,
        ...(record.version && { version: record.version }),
        uri: record.uri,
        contentHash: record.contentHash,
        metrics: record.metrics,
        ...(championMetrics && { championMetrics })
      }
    }),
    ...(result.pull && { pullRequest: { number: result.pull.number, url: result.pull.url } }),
    steps: stepFacts(status.steps),
    results: status.results,
    ...(commit && { commit }),
    ...(actor && { actor }),
    ...(status.startedAt && { startedAt: status.startedAt }),
    ...(status.finishedAt && { finishedAt: status.finishedAt })
  }
}

const OUTCOME_TEXT: Record<CollectOutcome, string> = {
  collected: 'collected',
  'already-collected': 'already collected',
  running: 'still running',
  'not-ours': 'not this repository’s',
  'not-found': 'not found',
  failed: 'failed (the next reconcile tries again)'
}

function verdictOf(run: CollectedRun): Verdict {
  if (run.outcome === 'failed') return 'fail'
  if (run.outcome !== 'collected') return 'skip'
  return run.state === 'succeeded' ? 'pass' : 'warn'
}

function secondsText(value: number | undefined): string {
  return value === undefined ? 'unknown' : `${value} s`
}

/** The job summary: one section per run collected, one line for the rest. */
export function collectReport(runs: CollectedRun[]): Report {
  const handled = runs.filter(r => r.outcome === 'collected' || r.outcome === 'failed')
  const others = runs.filter(r => !handled.includes(r))
  const sections: ReportSection[] = handled.map(run => {
    const runner =
      run.submitStepSeconds !== undefined || run.collectSeconds !== undefined
        ? (run.submitStepSeconds ?? 0) + (run.collectSeconds ?? 0)
        : undefined
    const facts: Array<[string, string]> = [
      ['Run', `${run.runId} on ${run.cluster}`],
      ['Key', run.key],
      ...(run.environment ? [['Environment', run.environment] as [string, string]] : []),
      ...(run.state ? [['State', run.state] as [string, string]] : []),
      [
        'Run length',
        run.runSeconds === undefined ? 'unknown' : formatDuration(run.runSeconds * 1000)
      ],
      [
        'Runner time',
        `${secondsText(runner)} (submit step ${secondsText(run.submitStepSeconds)} + collect ${secondsText(run.collectSeconds)})`
      ],
      ...(run.exportCommit ? [['Export commit', run.exportCommit] as [string, string]] : []),
      ...(run.pull
        ? [
            ['Pull request', `[#${run.pull.number}](${run.pull.url}) (${run.pull.action})`] as [
              string,
              string
            ]
          ]
        : []),
      ...(run.notified !== undefined
        ? [['Messages', run.notified ? 'sent' : 'already sent'] as [string, string]]
        : [])
    ]
    return {
      title: `${run.workflowKey ?? 'run'} ${run.runId}: ${OUTCOME_TEXT[run.outcome]}`,
      verdict: verdictOf(run),
      facts,
      ...(run.error && { text: [run.error] }),
      ...(run.notes.length && { items: run.notes })
    }
  })
  if (others.length)
    sections.push({
      title: 'Not collected now',
      tables: [
        {
          columns: ['Run', 'Key', 'Cluster', 'Why'],
          rows: others.map(r => [
            r.runId,
            r.key,
            r.cluster,
            [OUTCOME_TEXT[r.outcome], ...r.notes].join('; ')
          ])
        }
      ]
    })
  const failed = handled.filter(r => r.outcome === 'failed').length
  const done = handled.length - failed
  return {
    title: `promote collect: ${done} run${done === 1 ? '' : 's'} collected${failed ? `, ${failed} failed` : ''}`,
    verdict: failed ? 'fail' : done ? 'pass' : 'info',
    sections
  }
}
