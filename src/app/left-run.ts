import { isTerminal } from '../adapters/orchestrators/poll.js'
import {
  CancelFailedError,
  type Orchestrator,
  type RunIdentity,
  type RunScope,
  type RunStatus
} from '../adapters/orchestrators/types.js'
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
  /** Runs the orchestrator confirmed stopped (cancel() resolved with a terminal state). */
  cancelled: string[]
  /** Runs found already finished. */
  finished: string[]
  /**
   * Runs that may still be going, each a sentence with the reason and the run's link: a refused or
   * unconfirmed cancel, or a lookup that failed. The post steps fail with these.
   */
  failures: string[]
}

/**
 * Cancels the run a main step left behind (the job was cancelled, or the step killed). With a run
 * id, that run; without one (killed during the submit round trip), the runs of the saved
 * submission (same key, hash and attempt), looked up a few times because the server may still be
 * handling the request that the killed step sent. A cancel counts only once the orchestrator
 * confirms the run ended (Orchestrator.cancel); one it refuses or does not confirm is a failure,
 * with the server's reason, which the caller fails the step with (they are not logged here).
 * `where` (the cluster's name) goes into the failures.
 */
export async function cancelLeftRun(
  orchestrator: Orchestrator,
  left: LeftRun,
  log: Log,
  sleep: (ms: number) => Promise<void>,
  what = 'run',
  where?: string
): Promise<LeftRunOutcome> {
  const on = where ? ` on ${where}` : ''
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
        outcome.failures.push(
          `Could not look for the ${what} of submission ${submission.key}${on}: ${errorMessage(error)}. It may be running`
        )
        return outcome
      }
    }
    if (runIds.length === 0) log.info(`No ${what} of this submission reached the cluster`)
  }
  for (const runId of runIds) {
    // A status that cannot be read does not stop the cancel: the run may be going.
    const status = await orchestrator.getStatus(runId).catch(error => {
      log.warning(`Could not read the state of ${what} ${runId}: ${errorMessage(error)}`)
      return undefined
    })
    if (status && isTerminal(status)) {
      log.info(`${capitalize(what)} ${runId} already ${status.state}: nothing to cancel`)
      outcome.finished.push(runId)
      continue
    }
    log.warning(`The job ended before ${what} ${runId} finished: cancelling it${on}`)
    let final: RunStatus
    try {
      final = await orchestrator.cancel(runId)
    } catch (error) {
      // The truth, loudly: the run may still be using the cluster.
      const reason = error instanceof CancelFailedError ? error.reason : errorMessage(error)
      const url = orchestrator.runUrl(runId)
      outcome.failures.push(
        `Could not cancel ${what} ${runId}${on}: ${reason}. It may still be running${url ? `: ${url}` : ''}`
      )
      continue
    }
    log.info(`Cancelled ${what} ${runId} (${final.rawState})`)
    outcome.cancelled.push(runId)
  }
  return outcome
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
