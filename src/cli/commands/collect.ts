import {
  CONFIG_OPTION,
  humanContext,
  JSON_OPTION,
  stringValue,
  writeJson,
  type CliCommand
} from '../command.js'

/**
 * `promote collect`: finishes the detached trainings of this repository that ended (export, the
 * challenger pull request with its gate report, messages), once each. With --run-id only that run
 * (what a callback names); without, every submission the clusters list (the scheduled reconcile).
 */
export const command: CliCommand = {
  name: 'collect',
  summary:
    'Collect ended detached trainings: export the challenger, open its pull request, notify (once each)',
  usage: '[--repo <owner/name>] [--cluster <name> --run-id <id>] [--json] [--config promote.yaml]',
  options: {
    ...CONFIG_OPTION,
    repo: {
      type: 'string',
      value: 'owner/name',
      description:
        'the GitHub repository whose submissions to collect (default: GITHUB_REPOSITORY); the token is read from GITHUB_TOKEN or GH_TOKEN'
    },
    cluster: {
      type: 'string',
      value: 'name',
      description: 'the cluster (a key of clusters in promote.yaml) that --run-id is on'
    },
    'run-id': {
      type: 'string',
      value: 'id',
      description:
        'collect only this run (what a callback names); without it, every submission the clusters list'
    },
    ...JSON_OPTION
  },
  async run(values, _positionals, context) {
    const { parseRepository } = await import('../../adapters/github/index.js')
    const { collect } = await import('../../app/collect.js')
    const { collectPorts } = await import('../../app/collect-ports.js')
    const { ConfigurationError } = await import('../../core/errors.js')
    const { terminalLog, terminalReporter } = await import('../log.js')
    const { loadCliConfig, localContext } = await import('../local.js')
    const { env } = context
    const token = env.GITHUB_TOKEN || env.GH_TOKEN
    if (!token)
      throw new ConfigurationError(
        'promote collect needs a GitHub token that may push branches and open pull requests (contents: write, pull-requests: write) in GITHUB_TOKEN or GH_TOKEN'
      )
    const named = stringValue(values, 'repo') ?? env.GITHUB_REPOSITORY
    if (!named)
      throw new ConfigurationError(
        'name the repository with --repo owner/name (or GITHUB_REPOSITORY)'
      )
    let repository: { owner: string; repo: string }
    try {
      repository = parseRepository(named)
    } catch (error) {
      throw new ConfigurationError(`--repo: ${(error as Error).message}`)
    }
    const runId = stringValue(values, 'run-id')
    const cluster = stringValue(values, 'cluster')
    if (runId && !cluster)
      throw new ConfigurationError(
        '--run-id needs --cluster: the cluster (under `clusters`) the run is on'
      )
    const config = await loadCliConfig(values, context)
    const human = humanContext(values, context)
    const log = terminalLog(human)
    const runContext = { ...localContext(context), repository }
    const result = await collect(
      {
        config,
        repository,
        context: runContext,
        env,
        ...(runId && { callback: { runId, cluster } }),
        runnerName: env.RUNNER_NAME
      },
      await collectPorts({
        config,
        token,
        cwd: context.cwd,
        env,
        context: runContext,
        log,
        reporter: terminalReporter(human)
      })
    )
    if (values.json === true) writeJson(context, { ok: result.ok, runs: result.runs })
    return result.ok ? 0 : 1
  }
}
