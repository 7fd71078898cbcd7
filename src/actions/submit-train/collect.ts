import { collect } from '../../app/collect.js'
import { collectPorts } from '../../app/collect-ports.js'
import type { PromoteConfig } from '../../core/config/schema.js'
import { resolveEnvironment } from '../../core/config/resolve.js'
import { ConfigurationError } from '../../core/errors.js'
import type { RunContext } from '../../app/ports.js'
import { tokenValue } from '../submit-deploy/inputs.js'
import { jobSummary, runnerLog } from '../common/log.js'
import { runner } from '../common/surfaces.js'
import { slackMessageInput, type SubmitTrainInputs } from './inputs.js'

/**
 * `mode: collect`: the reconcile (every submission of this repository) or one run a callback
 * names. The outputs say what was collected; a run whose collection failed fails the step, and
 * the next reconcile finishes it.
 */
export async function collectMode(
  inputs: SubmitTrainInputs,
  config: PromoteConfig,
  context: RunContext,
  cwd: string
): Promise<void> {
  const token = tokenValue(inputs['github-token'])
  if (!token)
    throw new ConfigurationError(
      "mode: collect needs input 'github-token' with contents: write, pull-requests: write and actions: read (train.yml's open-pr: set the PROMOTION_PR_TOKEN secret, a GitHub App or fine-grained token)"
    )
  if (!context.repository)
    throw new ConfigurationError(
      'mode: collect runs in a GitHub workflow (GITHUB_REPOSITORY unset)'
    )
  const runId = inputs['run-id']?.trim()
  // Without `cluster` (train.yml's open-pr step), the run is on the environment's cluster.
  const cluster =
    inputs.cluster ||
    (runId
      ? resolveEnvironment(config, {
          name: inputs.environment,
          branch: context.branch,
          env: process.env
        }).cluster
      : undefined)
  const result = await collect(
    {
      config,
      repository: context.repository,
      context,
      env: process.env,
      ...(runId && { callback: { runId, cluster, message: slackMessageInput(inputs) } }),
      runnerName: process.env.RUNNER_NAME,
      // A callback (repository_dispatch) or a reconcile announces the run; the attached flow's
      // open-pr step does not: the training job's own notify steps did.
      announce: !runId || context.eventName === 'repository_dispatch'
    },
    await collectPorts({
      config,
      token,
      cwd,
      env: process.env,
      context,
      log: runnerLog,
      reporter: jobSummary
    })
  )
  const collected = result.runs.filter(run => run.outcome === 'collected')
  runner.setOutput('collected', JSON.stringify(collected))
  const pull = collected.find(run => run.pull)?.pull
  if (pull) runner.setOutput('pull-request', pull.url)
  if (!result.ok)
    runner.setFailed(
      `${result.runs.filter(r => r.outcome === 'failed').length} run(s) could not be collected; the next reconcile tries again`
    )
}
