import * as core from '@actions/core'
import { resolve } from 'node:path'
import { runWorkflow } from '../../app/run-workflow.js'
import { loadConfig } from '../../core/config/load.js'
import { readInputs } from '../common/inputs.js'
import { runAction, workspaceDir } from '../common/run.js'
import { jobSummary, runnerLog } from '../common/log.js'
import { githubRunContext } from '../common/context.js'
import { inputSchema, SECRET_INPUTS, slackMessageInput } from './inputs.js'
import { clearSubmitting, saveSubmitting } from '../common/submission-state.js'
import { STATE } from './state.js'
import { runner } from '../common/surfaces.js'
import { LABEL_SUBMISSION } from '../../adapters/orchestrators/types.js'
import { ConfigurationError } from '../../core/errors.js'

/**
 * Submits a workflow of promote.yaml (train by default) to the environment's cluster, waits for
 * it, and reports. SIGINT/SIGTERM (the job being cancelled) cancels the remote run; if the step is
 * killed before that finishes, the post step cancels it from the saved state. Detached
 * (`detach: true`), it submits with the cluster's callback and returns at once.
 */
export const run = (): Promise<void> => runAction(submitTrain)

async function submitTrain(): Promise<void> {
  const inputs = readInputs(inputSchema, SECRET_INPUTS)
  if (inputs.detach && inputs.wait === true) {
    throw new ConfigurationError(
      "inputs 'detach: true' and 'wait: true' exclude each other: a detached run is not waited for (remove wait, or set detach: false to wait)"
    )
  }
  const cwd = workspaceDir()
  const configPath = resolve(cwd, inputs.config)
  core.saveState(STATE.config, configPath)
  const config = await loadConfig(configPath)
  const context = {
    ...githubRunContext(process.env),
    ...(inputs.matrix && { matrix: inputs.matrix })
  }
  if (inputs.mode === 'collect') {
    // GitHub's git data and pull requests: loaded only by the step that collects.
    const { collectMode } = await import('./collect.js')
    return collectMode(inputs, config, context, cwd)
  }

  const controller = new AbortController()
  let submittedId: string | undefined
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return
    runner.warning(
      `Received ${signal}: the job is being cancelled${submittedId ? `, cancelling run ${submittedId}` : ''}`
    )
    controller.abort(new Error(`cancelled by ${signal}`))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)

  try {
    const result = await runWorkflow({
      config,
      environment: inputs.environment,
      workflowKey: inputs.workflow,
      overrides: inputs.arguments,
      timeout: inputs.timeout,
      wait: inputs.wait ?? true,
      detach: inputs.detach,
      message: slackMessageInput(inputs),
      context,
      log: runnerLog,
      signal: controller.signal,
      orchestrator: { env: process.env, cwd },
      onSubmitting: info => {
        // Before the submission leaves: a step killed mid-submit must not have its run cancelled.
        if (inputs.detach) core.saveState(STATE.detached, 'true')
        saveSubmitting(info, STATE)
      },
      onNotSubmitted: () => clearSubmitting(STATE),
      onSubmitted: (submitted, info) => {
        submittedId = submitted.runId
        core.saveState(STATE.cluster, info.cluster)
        core.saveState(STATE.runId, submitted.runId)
        core.saveState(STATE.project, info.project)
        core.saveState(STATE.workflow, info.workflow)
        runner.setOutput('run-id', submitted.runId)
        const url = submitted.url ?? info.orchestrator.runUrl(submitted.runId)
        if (url) runner.setOutput('run-url', url)
      }
    })
    const { status } = result
    // A run we no longer wait for, or that ended (even by being cancelled), needs no post step;
    // one the orchestrator would not cancel does: the post step tries again.
    if (result.cancelFailed)
      runner.warning(`The post step will try again to cancel run ${status.runId}`)
    else core.saveState(STATE.finished, 'true')
    runner.setOutput('run-id', status.runId)
    runner.setOutput('status', result.detached ? 'submitted' : status.state)
    runner.setOutput('submission', result.labels[LABEL_SUBMISSION] ?? '')
    if (result.facts.runUrl) runner.setOutput('run-url', result.facts.runUrl)
    runner.setOutput('results', JSON.stringify(status.results))
    if (result.modelUri) runner.setOutput('model-uri', result.modelUri)
    runner.setOutput('facts', JSON.stringify(result.facts))
    await jobSummary.summary(result.report)
    if (!result.ok) {
      runner.setFailed(
        `Workflow '${result.workflow.key}' on ${result.environment.name} ${status.state}${status.error ? `: ${status.error}` : ''}`
      )
    } else if (result.modelUri) {
      runner.info(`Model: ${result.modelUri}`)
    }
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
