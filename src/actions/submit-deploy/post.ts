import * as core from '@actions/core'
import {
  createGitHubClient,
  GitHubDeploymentStore,
  parseRepository
} from '../../adapters/github/index.js'
import { createOrchestrator } from '../../adapters/orchestrators/index.js'
import { resolveOptions } from '../../adapters/orchestrators/options.js'
import { cancelLeftRun } from '../../app/left-run.js'
import { loadConfig } from '../../core/config/load.js'
import { errorMessage } from '../../core/errors.js'
import { runnerLog } from '../common/log.js'
import { runAction } from '../common/run.js'
import { githubRunContext } from '../common/context.js'
import { tokenValue } from './inputs.js'
import { leftRun } from '../common/submission-state.js'
import { STATE } from './state.js'
import { runner } from '../common/surfaces.js'
import { registerSecret } from '../../core/secrets.js'

/**
 * Post step: runs even when the job was cancelled. If the main step created a deployment and did
 * not give it a final status, the job was cancelled or the step killed: cancel the remote run and
 * mark the deployment `error`, so GitHub's history does not show it in progress forever. Killed
 * during the submit round trip, the main step saved no run id: the run is found by the submission
 * identity it saved. A run the main step could not cancel (`cancel-failed`) is cancelled again,
 * the deployment's final status kept. A cancel the orchestrator refuses or does not confirm fails
 * this step with the reason.
 */
export async function post(): Promise<void> {
  const deploymentId = core.getState(STATE.deploymentId)
  const finished = core.getState(STATE.finished) === 'true'
  const retryCancel = core.getState(STATE.cancelFailed) === 'true'
  if (!deploymentId || (finished && !retryCancel)) return
  const left = leftRun(STATE)
  const clusterName = core.getState(STATE.cluster)
  let cancelled: string[] = []
  let failures: string[] = []
  if ((left.runId || left.submission) && clusterName) {
    try {
      const config = await loadConfig(core.getState(STATE.config))
      const cluster = config.clusters[clusterName]
      if (!cluster) throw new Error(`cluster '${clusterName}' is no longer in the config`)
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
        'deploy run',
        clusterName
      )
      cancelled = outcome.cancelled
      failures = outcome.failures
    } catch (error) {
      const what = left.runId ? `deploy run ${left.runId}` : 'the deploy run'
      failures = [
        `Could not cancel ${what} on ${clusterName}: ${errorMessage(error)}. It may still be running`
      ]
    }
  }
  // The truth, loudly: a run the orchestrator would not stop may still be deploying.
  if (failures.length) runner.setFailed(failures.join('\n'))
  // The main step gave the deployment its final status; it only left the cancel to retry.
  if (finished) return
  const token = tokenValue(core.getInput('github-token'))
  if (token) registerSecret(token)
  try {
    const { owner, repo } = parseRepository(process.env.GITHUB_REPOSITORY)
    const store = new GitHubDeploymentStore(await createGitHubClient(token), { owner, repo })
    const context = githubRunContext(process.env)
    await store.setStatus(deploymentId, 'error', {
      ...(context.runUrl && { logUrl: context.runUrl }),
      description: `The job was cancelled before the deploy finished${cancelled.length ? `; run ${cancelled.join(', ')} was cancelled` : ''}${failures.length ? '; the run could not be cancelled and may still be going' : ''}`
    })
    runnerLog.info(`Deployment #${deploymentId} marked error (the job was cancelled)`)
  } catch (error) {
    runner.warning(`Could not mark deployment #${deploymentId} as error: ${errorMessage(error)}`)
  }
}

/** The post step as the runner and @github/local-action (`--post`) call it: never throws. */
export const run = (): Promise<void> => runAction(post)
