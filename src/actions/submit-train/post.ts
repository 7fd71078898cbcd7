import * as core from '@actions/core'
import { createOrchestrator } from '../../adapters/orchestrators/index.js'
import { resolveOptions } from '../../adapters/orchestrators/options.js'
import { cancelLeftRun } from '../../app/left-run.js'
import { loadConfig } from '../../core/config/load.js'
import { errorMessage } from '../../core/errors.js'
import { runnerLog } from '../common/log.js'
import { leftRun } from '../common/submission-state.js'
import { runAction } from '../common/run.js'
import { STATE } from './state.js'
import { runner } from '../common/surfaces.js'

/**
 * Post step: runs even when the job was cancelled. If the main step submitted a run and did not
 * see it finish, the job was cancelled or the step was killed: cancel the remote run. Killed
 * during the submit round trip, the main step saved no run id, only the submission it was
 * sending: the run is found by that identity and cancelled. A run the main step could not cancel
 * (it saved no `finished`) is cancelled again; a cancel the orchestrator refuses or does not
 * confirm fails this step with the reason. A detached run (`detach: true`) is never cancelled.
 */
export async function post(): Promise<void> {
  // A detached run is meant to outlive this job: the collect workflow reports it.
  if (core.getState(STATE.detached) === 'true') return
  const left = leftRun(STATE)
  if ((!left.runId && !left.submission) || core.getState(STATE.finished) === 'true') return
  const what = left.runId ? `run ${left.runId}` : `the run of submission ${left.submission!.key}`
  const clusterName = core.getState(STATE.cluster)
  let failures: string[]
  try {
    const config = await loadConfig(core.getState(STATE.config))
    const cluster = config.clusters[clusterName]
    if (!cluster) {
      runner.warning(`cannot cancel ${what}: cluster '${clusterName}' is no longer in the config`)
      return
    }
    const options = {
      env: process.env,
      log: runnerLog,
      ...(left.scope && { scope: left.scope })
    }
    const orchestrator = await createOrchestrator(cluster, options)
    const outcome = await cancelLeftRun(
      orchestrator,
      left,
      runnerLog,
      resolveOptions(options).sleep,
      'run',
      clusterName
    )
    failures = outcome.failures
  } catch (error) {
    failures = [`Could not cancel ${what} on ${clusterName}: ${errorMessage(error)}`]
  }
  // The truth, loudly: a run the orchestrator would not stop may still be using the cluster.
  if (failures.length) runner.setFailed(failures.join('\n'))
}

/** The post step as the runner and @github/local-action (`--post`) call it: never throws. */
export const run = (): Promise<void> => runAction(post)
