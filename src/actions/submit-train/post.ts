import * as core from '@actions/core'
import { createOrchestrator } from '../../adapters/orchestrators/index.js'
import { isTerminal } from '../../adapters/orchestrators/poll.js'
import { loadConfig } from '../../core/config/load.js'
import { errorMessage } from '../../core/errors.js'
import { runnerLog } from '../common/log.js'
import { runAction } from '../common/run.js'
import { STATE } from './state.js'

/**
 * Post step: runs even when the job was cancelled. If the main step submitted a run and did not
 * see it finish, the job was cancelled or the step was killed: cancel the remote run.
 */
export async function post(): Promise<void> {
  const runId = core.getState(STATE.runId)
  if (!runId || core.getState(STATE.finished) === 'true') return
  const clusterName = core.getState(STATE.cluster)
  const config = await loadConfig(core.getState(STATE.config))
  const cluster = config.clusters[clusterName]
  if (!cluster) {
    core.warning(`cannot cancel run ${runId}: cluster '${clusterName}' is no longer in the config`)
    return
  }
  const project = core.getState(STATE.project)
  const workflow = core.getState(STATE.workflow)
  const orchestrator = createOrchestrator(cluster, {
    env: process.env,
    log: runnerLog,
    ...(project && workflow && { scope: { project, workflow } })
  })
  try {
    const status = await orchestrator.getStatus(runId)
    if (isTerminal(status)) {
      core.info(`Run ${runId} already ${status.state}: nothing to cancel`)
      return
    }
    core.warning(`The job ended before run ${runId} finished: cancelling it on ${clusterName}`)
    await orchestrator.cancel(runId)
    core.info(`Cancelled run ${runId}`)
  } catch (error) {
    core.warning(`Could not cancel run ${runId} on ${clusterName}: ${errorMessage(error)}`)
  }
}

/** The post step as the runner and @github/local-action (`--post`) call it: never throws. */
export const run = (): Promise<void> => runAction(post)
