import {
  causeLine,
  CONFIG_OPTION,
  humanContext,
  JSON_OPTION,
  listValue,
  stringValue,
  write,
  writeJson,
  type CliCommand
} from '../command.js'
import { ENV_OPTION } from './shared-options.js'

export const command: CliCommand = {
  name: 'run',
  summary: "Submit a workflow (train by default) to an environment's cluster and wait for it",
  usage:
    '[--workflow train] [--env development] [--arg name=value ...] [--timeout 45m] [--no-wait | --detach] [--json]',
  options: {
    ...CONFIG_OPTION,
    workflow: {
      type: 'string',
      value: 'key',
      default: 'train',
      description: 'the workflow to submit, a key of workflows in promote.yaml'
    },
    ...ENV_OPTION,
    arg: {
      type: 'string',
      value: 'name=value',
      multiple: true,
      description:
        "a workflow argument over the config's, its value read as YAML (--arg epochs=10); repeatable"
    },
    timeout: {
      type: 'string',
      value: 'duration',
      description: "how long to wait before cancelling the run (45m, 2h; default: the workflow's)"
    },
    'no-wait': {
      type: 'boolean',
      description: 'submit and return without waiting for the run to finish'
    },
    detach: {
      type: 'boolean',
      description:
        "submit with the cluster's callback and return: the run reports its end to GitHub, promote collect finishes it"
    },
    ...JSON_OPTION
  },
  async run(values, _positionals, context) {
    const { runWorkflow } = await import('../../app/run-workflow.js')
    const { cancelLeftRun } = await import('../../app/left-run.js')
    const { loadConfig } = await import('../../core/config/load.js')
    const { ConfigurationError } = await import('../../core/errors.js')
    const { parseDuration } = await import('../../core/duration.js')
    const local = await import('../local.js')
    const { terminalLog, terminalReporter } = await import('../log.js')
    const { cancellable } = await import('../signals.js')
    const { resolve } = await import('node:path')
    const human = humanContext(values, context)
    const config = await loadConfig(resolve(context.cwd, String(values.config ?? 'promote.yaml')))
    const timeout = stringValue(values, 'timeout')
    if (timeout !== undefined) {
      try {
        parseDuration(timeout)
      } catch (error) {
        throw new ConfigurationError(`--timeout: ${(error as Error).message}`)
      }
    }
    const log = terminalLog(human)
    const detach = values.detach === true
    if (detach && values['no-wait'] === true)
      throw new ConfigurationError('--no-wait and --detach: choose one (--detach never waits)')
    const runContext = {
      ...local.localRunContext(context.cwd, context.env),
      // A detached run's callback and labels name the repository it reports to.
      ...(detach && local.detachRepository(context.cwd, context.env))
    }
    const environment = stringValue(values, 'env')
    if (!environment && !runContext.branch) {
      throw new ConfigurationError(
        `choose an environment with --env (${Object.keys(config.environments).join(', ')}): not on a git branch`
      )
    }
    const wait = values['no-wait'] !== true && !detach

    // Ctrl-C cancels the remote run and waits for the orchestrator to confirm; a second leaves.
    let submitted: Parameters<NonNullable<Parameters<typeof runWorkflow>[0]['onSubmitted']>>
    const result = await cancellable(
      signal =>
        write(human.stderr, `\n${signal}: cancelling the run (Ctrl-C again to leave it running)`),
      signal =>
        runWorkflow({
          config,
          environment,
          workflowKey: String(values.workflow ?? 'train'),
          overrides: local.runArguments(listValue(values, 'arg')),
          timeout,
          wait,
          detach,
          context: runContext,
          log,
          signal,
          orchestrator: { env: context.env, cwd: context.cwd },
          progressIntervalMs: context.stdout.isTTY ? 10_000 : 30_000,
          onSubmitted: (...args) => (submitted = args)
        })
    )
    // A cancel the orchestrator refused or did not confirm is tried once more, as the actions'
    // post steps do, before saying the run may still be going.
    let cancelFailed = result.cancelFailed
    if (cancelFailed && submitted!) {
      const [run, info] = submitted
      const retry = await cancelLeftRun(
        info.orchestrator,
        { runId: run.runId },
        log,
        ms => new Promise(done => setTimeout(done, ms)),
        'run',
        info.cluster
      )
      cancelFailed = retry.failures.length ? retry.failures.join('; ') : undefined
    }
    await terminalReporter(human).summary(result.report)
    if (values.json === true) {
      writeJson(context, {
        ok: result.ok && !cancelFailed,
        environment: result.environment.name,
        workflow: result.facts.workflow,
        runId: result.status.runId,
        state: result.facts.state,
        runUrl: result.facts.runUrl ?? null,
        modelUri: result.modelUri ?? null,
        results: result.status.results,
        error: result.facts.error ?? null,
        cancelFailed: cancelFailed ?? null,
        detached: result.detached ?? null,
        facts: result.facts
      })
    }
    if (cancelFailed) {
      write(
        context.stderr,
        `promote run: run ${result.status.runId} may still be running: ${causeLine(cancelFailed)}`
      )
      return 1
    }
    if (!result.ok) {
      write(
        context.stderr,
        `promote run: ${causeLine(result.facts.error ?? `run ${result.status.runId} ${result.status.state}`)}`
      )
      return 1
    }
    if (result.detached) {
      const { submission, callback, callbackUrl } = result.detached
      write(
        human.stdout,
        `Detached: run ${result.status.runId} (submission ${submission}) goes on without this terminal; ${callback ? `it reports to ${callbackUrl} when it ends` : 'promote collect finds it when it ends'}`
      )
    } else if (!wait) {
      write(
        human.stdout,
        `Not waiting: follow run ${result.status.runId}${result.facts.runUrl ? ` at ${result.facts.runUrl}` : ''}`
      )
    } else if (result.modelUri) {
      write(human.stdout, `Next: promote export --model-uri '${result.modelUri}'`)
    }
    return 0
  }
}
