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
}

export interface SubmitRequest {
  /** Remote workflow / pipeline / WorkflowTemplate name. */
  workflow: string
  /** Command line for command clusters. */
  command?: string | string[]
  arguments: Record<string, unknown>
  /** Project (MLRun) or experiment display prefix, with the environment suffix applied. */
  project: string
  /** Labels that identify this submission, used to find it again instead of submitting twice. */
  labels: Record<string, string>
  /** A human-readable run name. */
  displayName: string
  pipelineId?: string
  pipelineVersionId?: string
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

export interface Orchestrator {
  readonly kind: ClusterConfig['kind']
  submit(request: SubmitRequest, signal?: AbortSignal): Promise<SubmittedRun>
  getStatus(runId: string): Promise<RunStatus>
  /** Polls until a terminal state; on timeout cancels the remote run and throws. */
  wait(runId: string, options: WaitOptions): Promise<RunStatus>
  cancel(runId: string): Promise<void>
  runUrl(runId: string): string | undefined
}
