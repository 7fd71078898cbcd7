import type { SlackMessageRef } from '../../core/detached.js'
import type { ClusterConfig } from '../../core/config/schema.js'

/**
 * One interface over MLRun, Kubeflow Pipelines, Argo Workflows and plain commands.
 * Implementations live beside this file; createOrchestrator() in index.ts picks one.
 */
export type RunState = 'pending' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'skipped'

export const TERMINAL_STATES: readonly RunState[] = ['succeeded', 'failed', 'cancelled', 'skipped']

export interface StepStatus {
  name: string
  state: RunState
  /** The orchestrator's own word for the state (e.g. "Succeeded", "completed"). */
  rawState?: string
  results: Record<string, unknown>
  startedAt?: string
  finishedAt?: string
  error?: string
}

export interface RunStatus {
  runId: string
  /** The pipeline's own id when it differs from runId (MLRun: the KFP workflow the runner started). */
  workflowId?: string
  state: RunState
  rawState: string
  /** Failure reason from the orchestrator. */
  error?: string
  message?: string
  startedAt?: string
  finishedAt?: string
  url?: string
  steps: StepStatus[]
  /** Results of the whole run (merged step results, outputs parameters, results file). */
  results: Record<string, unknown>
  /**
   * Why this orchestrator cannot report output values at all (Kubeflow Pipelines v2beta1), so an
   * empty `results` means "unknown", not "nothing reported".
   */
  resultsUnavailable?: string
}

export interface SubmitRequest {
  /** Remote workflow / pipeline / WorkflowTemplate name. */
  workflow: string
  /** Command line for command clusters. */
  command?: string | string[]
  arguments: Record<string, unknown>
  /** Project (MLRun) or experiment display prefix, with the environment suffix applied. */
  project: string
  /**
   * Labels that identify this submission (LABEL_RUN, LABEL_ATTEMPT, LABEL_SUBMISSION) and trace it
   * to its GitHub run, used to find it again instead of submitting twice. Values are valid
   * Kubernetes label values (at most 63 characters of [A-Za-z0-9._-]).
   */
  labels: Record<string, string>
  /** Free-text facts for people (repository, commit, actor, GitHub run URL): Argo annotations, KFP description. */
  annotations?: Record<string, string>
  /** A human-readable run name. */
  displayName: string
  /** Where the runner loads the project from (MLRun), for this environment. */
  source?: string
  /** The workflow's file in the project source (MLRun `set_workflow` path), when promote.yaml names it. */
  workflowPath?: string
  /** The workflows of promote.yaml with a path: what MLRun creates a missing project with. */
  projectWorkflows?: Array<{ name: string; path: string }>
  pipelineId?: string
  pipelineVersionId?: string
  /**
   * A detached submission asks the orchestrator to tell GitHub when the run ends (MLRun: a
   * webhook run notification; Argo: an exit hook), with the cluster's `callback` settings.
   * Orchestrators that cannot call back (KFP, command) never receive one.
   */
  callback?: SubmitCallback
}

/** What a detached run sends when it ends: a repository_dispatch (src/core/detached.ts). */
export interface SubmitCallback {
  /** POST target: `<GitHub API>/repos/<owner>/<repo>/dispatches`. */
  url: string
  /** The client_payload but the run id, which each orchestrator fills in its own way. */
  submission: string
  cluster: string
  /** The Slack message that announced the run (MLRun's callback carries it: no annotations there). */
  message?: SlackMessageRef | undefined
}

export interface SubmittedRun {
  runId: string
  url?: string
  /** True when an existing run with the same labels was found and adopted. */
  adopted: boolean
}

export interface WaitOptions {
  timeoutMs: number
  signal?: AbortSignal
  /** Called on every status poll (for progress lines). */
  onStatus?: (status: RunStatus) => void
}

/**
 * Labels every submission carries. `run` is the same for every attempt of one GitHub run (and
 * workflow + environment), `attempt` tells the attempts apart: together they find a submission
 * again instead of sending it twice.
 */
export const LABEL_RUN = 'promote-actions/run'
export const LABEL_ATTEMPT = 'promote-actions/attempt'
/** Hash of the job (GitHub run, job, matrix) and of what is submitted (target, arguments). */
export const LABEL_SUBMISSION = 'promote-actions/submission'
/** labelValue(`<owner>-<repo>`): which repository's submissions a collector lists. */
export const LABEL_REPOSITORY = 'promote-actions/repository'
/** `detached` on a run nobody waits for: `promote collect` finishes it. */
export const LABEL_MODE = 'promote-actions/mode'

/**
 * What identifies one submission: `key` (LABEL_RUN, also in run names) holds the start of
 * `submission`, which orchestrators that keep labels or a description check in full. A run found
 * by key alone may be another job's; adoption needs both.
 */
export interface RunIdentity {
  key: string
  submission: string
  /** The arguments sent: MLRun, which keeps no labels, shows them on the runner run. */
  arguments?: Record<string, unknown>
}

/** Where runs live for orchestrators that file them per project and workflow (MLRun). */
export interface RunScope {
  project: string
  workflow: string
}

/** A run found again by its labels. */
export interface FoundRun {
  runId: string
  state: RunState
  /** The attempt label it was submitted with, when the orchestrator keeps it. */
  attempt?: number
  url?: string
}

/** Which submissions to list: those of one repository (LABEL_REPOSITORY), of one mode. */
export interface SubmissionQuery {
  /** labelValue(`<owner>-<repo>`), as LABEL_REPOSITORY holds it. */
  repository: string
  /** `owner/repo`: where only annotations can say it (a KFP description keeps both as one entry). */
  repositoryName: string
  /** LABEL_MODE, e.g. `detached`; undefined lists every mode. */
  mode?: string
  /**
   * Where to look for orchestrators that file runs per project and workflow (MLRun): the
   * projects and workflows of promote.yaml.
   */
  scopes: RunScope[]
}

/** A run as a collector sees it: its identity labels and annotations, read from the orchestrator. */
export interface SubmissionRun {
  runId: string
  /** LABEL_RUN: the submission's key (GitHub run, workflow key, environment, hash). */
  key: string
  /** LABEL_SUBMISSION, where the orchestrator keeps it (not MLRun). */
  submission?: string
  state: RunState
  /** Labels and annotations (or KFP description entries) as kept; MLRun: only what its name tells. */
  labels: Record<string, string>
  annotations: Record<string, string>
  /** MLRun: the project and workflow the runner run belongs to. */
  scope?: RunScope
  createdAt?: string
  url?: string
}

/** Thrown by wait() after the timeout, once the remote run was asked to cancel. */
export class RunTimeoutError extends Error {
  constructor(
    readonly status: RunStatus,
    readonly timeoutMs: number,
    /** Why the run could not be cancelled; undefined when the orchestrator confirmed it ended. */
    readonly cancelError?: string
  ) {
    super(
      cancelError
        ? `run ${status.runId} did not finish within the timeout, and cancelling it failed: ${cancelError}`
        : `run ${status.runId} did not finish within the timeout; it was cancelled`
    )
    this.name = 'RunTimeoutError'
  }
}

/** Thrown by wait() when its signal aborts (job cancelled), once the remote run was asked to cancel. */
export class RunAbortedError extends Error {
  constructor(
    readonly status: RunStatus,
    /** Why the run could not be cancelled; undefined when the orchestrator confirmed it ended. */
    readonly cancelError?: string
  ) {
    super(
      cancelError
        ? `the job was cancelled, and cancelling run ${status.runId} failed: ${cancelError}`
        : `run ${status.runId} was cancelled because the job was cancelled`
    )
    this.name = 'RunAbortedError'
  }
}

/**
 * Thrown by cancel() when the orchestrator refused to stop the run, or did not report it ended
 * within the confirmation window: the run may still be going.
 */
export class CancelFailedError extends Error {
  constructor(
    readonly runId: string,
    readonly reason: string,
    /** The last status read, when there was one. */
    readonly status?: RunStatus
  ) {
    super(`could not cancel run ${runId}: ${reason}`)
    this.name = 'CancelFailedError'
  }
}

export interface Orchestrator {
  readonly kind: ClusterConfig['kind']
  submit(request: SubmitRequest, signal?: AbortSignal): Promise<SubmittedRun>
  getStatus(runId: string): Promise<RunStatus>
  /** Polls until a terminal state; on timeout cancels the remote run and throws. */
  wait(runId: string, options: WaitOptions): Promise<RunStatus>
  /**
   * Stops the run and resolves with the terminal status the orchestrator then reports (it may
   * have ended on its own first); rejects with CancelFailedError when it refuses or does not
   * confirm.
   */
  cancel(runId: string): Promise<RunStatus>
  runUrl(runId: string): string | undefined
  /**
   * Runs of this submission (any attempt), newest first: those with its key whose labels,
   * description or name show the same submission hash. Runs with the key but another hash (another
   * job or other arguments) are left out.
   */
  findRuns(identity: RunIdentity, scope: RunScope): Promise<FoundRun[]>
  /**
   * This repository's submissions (by LABEL_REPOSITORY and LABEL_MODE, wherever the orchestrator
   * keeps them), newest first: what a collector reconciles.
   */
  listSubmissions(query: SubmissionQuery): Promise<SubmissionRun[]>
  /**
   * One run's identity as the orchestrator keeps it; undefined when there is no such run. A
   * callback's payload names a run: this reads what it really is.
   */
  describeRun(runId: string, scope?: RunScope): Promise<SubmissionRun | undefined>
}
