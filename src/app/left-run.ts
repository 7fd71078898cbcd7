import { isTerminal } from '../adapters/orchestrators/poll.js'
import type { Orchestrator, RunIdentity, RunScope } from '../adapters/orchestrators/types.js'
import { errorMessage } from '../core/errors.js'
import type { Log } from './ports.js'

/** What a post step knows of the run its main step left: the run id, or only what was being sent. */
export interface LeftRun {
  runId?: string | undefined
  /** Saved before the submission was sent: finds a run whose id the main step never heard. */
  submission?: (RunIdentity & { attempt: number }) | undefined
  scope?: RunScope | undefined
}

export interface LeftRunOutcome {
  /** Runs asked to cancel. */
  cancelled: string[]
  /** Runs found already finished. */
  finished: string[]
  /** Cancels that failed, with the reason. */
  failures: string[]
}

/**
 * Cancels the run a main step left behind (the job was cancelled, or the step killed). With a run
 * id, that run; without one (killed during the submit round trip), the runs of the saved
 * submission (same key, hash and attempt), looked up a few times because the server may still be
 * handling the request that the killed step sent.
 */
export async function cancelLeftRun(
  orchestrator: Orchestrator,
  left: LeftRun,
  log: Log,
  sleep: (ms: number) => Promise<void>,
  what = 'run'
): Promise<LeftRunOutcome> {
  const outcome: LeftRunOutcome = { cancelled: [], finished: [], failures: [] }
  let runIds: string[] = left.runId ? [left.runId] : []
  if (!left.runId && left.submission && left.scope) {
    const { submission, scope } = left
    log.info(
      `The main step was stopped while submitting (${submission.key}, attempt ${submission.attempt}): looking for the ${what} on the cluster`
    )
    for (let look = 0; look < 3 && runIds.length === 0; look++) {
      if (look > 0) await sleep(1000 * look)
      try {
        runIds = (await orchestrator.findRuns(submission, scope))
          .filter(run => run.attempt === submission.attempt)
          .map(run => run.runId)
      } catch (error) {
        outcome.failures.push(`could not look for the ${what}: ${errorMessage(error)}`)
        return outcome
      }
    }
    if (runIds.length === 0) log.info(`No ${what} of this submission reached the cluster`)
  }
  for (const runId of runIds) {
    try {
      const status = await orchestrator.getStatus(runId)
      if (isTerminal(status)) {
        log.info(`${capitalize(what)} ${runId} already ${status.state}: nothing to cancel`)
        outcome.finished.push(runId)
        continue
      }
      log.warning(`The job ended before ${what} ${runId} finished: cancelling it`)
      await orchestrator.cancel(runId)
      log.info(`Cancelled ${what} ${runId}`)
      outcome.cancelled.push(runId)
    } catch (error) {
      outcome.failures.push(`could not cancel ${what} ${runId}: ${errorMessage(error)}`)
    }
  }
  for (const failure of outcome.failures) log.warning(failure)
  return outcome
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
