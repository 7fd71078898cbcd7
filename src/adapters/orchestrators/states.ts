import type { RunState, StepStatus } from './types.js'

/** Maps an orchestrator's word for a state (any case) onto ours. Unknown words count as running. */
export function normalizeState(raw: string | undefined): RunState {
  switch ((raw ?? '').trim().toLowerCase()) {
    case 'succeeded':
    case 'success':
    case 'successful':
    case 'completed':
    case 'complete':
    case 'done':
    case 'ok':
      return 'succeeded'
    case 'failed':
    case 'failure':
    case 'error':
    case 'errored':
      return 'failed'
    case 'canceled':
    case 'cancelled':
    case 'aborted':
    case 'terminated':
      return 'cancelled'
    case 'skipped':
      return 'skipped'
    case 'pending':
    case 'created':
    case 'queued':
    case 'runtime_state_unspecified':
    case '':
      return 'pending'
    default:
      // running, canceling, aborting, paused, ...: not finished yet.
      return 'running'
  }
}

/** Steps as a command's results file may list them: [{name, state, results, error}]. */
export function parseSteps(value: unknown): StepStatus[] {
  if (!Array.isArray(value)) return []
  return value
    .filter((step): step is Record<string, unknown> => typeof step === 'object' && step !== null)
    .map((step, index) => {
      const rawState = typeof step.state === 'string' ? step.state : 'succeeded'
      const results =
        step.results && typeof step.results === 'object' && !Array.isArray(step.results)
          ? (step.results as Record<string, unknown>)
          : {}
      return {
        name: typeof step.name === 'string' ? step.name : `step-${index + 1}`,
        state: normalizeState(rawState),
        rawState,
        results,
        ...(typeof step.error === 'string' && { error: step.error }),
        ...(typeof step.startedAt === 'string' && { startedAt: step.startedAt }),
        ...(typeof step.finishedAt === 'string' && { finishedAt: step.finishedAt })
      }
    })
}

/** Step results merged in order (a later step's key wins), under the run's own results. */
export function mergeResults(
  steps: StepStatus[],
  own: Record<string, unknown> = {}
): Record<string, unknown> {
  const merged: Record<string, unknown> = {}
  for (const step of steps) Object.assign(merged, step.results)
  return { ...merged, ...own }
}
