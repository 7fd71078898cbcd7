import * as core from '@actions/core'
import {
  createGitHubClient,
  GitHubDeploymentStore,
  parseRepository
} from '../../adapters/github/index.js'
import { createOrchestrator } from '../../adapters/orchestrators/index.js'
import { isTerminal } from '../../adapters/orchestrators/poll.js'
import { loadConfig } from '../../core/config/load.js'
import { errorMessage } from '../../core/errors.js'
import { runnerLog } from '../common/log.js'
import { runAction } from '../common/run.js'
import { githubRunContext } from '../common/context.js'
import { tokenValue } from './inputs.js'
import { STATE } from './state.js'

/**
 * Post step: runs even when the job was cancelled. If the main step created a deployment and did
 * not give it a final status, the job was cancelled or the step killed: cancel the remote run and
 * mark the deployment `error`, so GitHub's history does not show it in progress forever.
 */
export async function post(): Promise<void> {
  const deploymentId = core.getState(STATE.deploymentId)
  if (!deploymentId || core.getState(STATE.finished) === 'true') return
  const runId = core.getState(STATE.runId)
  const clusterName = core.getState(STATE.cluster)
  let cancelled = false
  if (runId && clusterName) {
    try {
      const config = await loadConfig(core.getState(STATE.config))
      const cluster = config.clusters[clusterName]
      if (!cluster) throw new Error(`cluster '${clusterName}' is no longer in the config`)
      const orchestrator = createOrchestrator(cluster, { env: process.env, log: runnerLog })
      const status = await orchestrator.getStatus(runId)
      if (isTerminal(status)) {
        runnerLog.info(`Deploy run ${runId} already ${status.state}`)
      } else {
        core.warning(
          `The job ended before deploy run ${runId} finished: cancelling it on ${clusterName}`
        )
        await orchestrator.cancel(runId)
        cancelled = true
      }
    } catch (error) {
      core.warning(`Could not cancel deploy run ${runId} on ${clusterName}: ${errorMessage(error)}`)
    }
  }
  const token = tokenValue(core.getInput('github-token'))
  if (token) core.setSecret(token)
  try {
    const { owner, repo } = parseRepository(process.env.GITHUB_REPOSITORY)
    const store = new GitHubDeploymentStore(createGitHubClient(token), { owner, repo })
    const context = githubRunContext(process.env)
    await store.setStatus(deploymentId, 'error', {
      ...(context.runUrl && { logUrl: context.runUrl }),
      description: `The job was cancelled before the deploy finished${cancelled ? `; run ${runId} was cancelled` : ''}`
    })
    runnerLog.info(`Deployment #${deploymentId} marked error (the job was cancelled)`)
  } catch (error) {
    core.warning(`Could not mark deployment #${deploymentId} as error: ${errorMessage(error)}`)
  }
}

/** The post step as the runner and @github/local-action (`--post`) call it: never throws. */
export const run = (): Promise<void> => runAction(post)
