import { parseRepository } from '../../adapters/github/index.js'
import { collect } from '../../app/collect.js'
import { collectPorts } from '../../app/collect-ports.js'
import { ConfigurationError } from '../../core/errors.js'
import { CONFIG_OPTION, write, type CliCommand } from '../command.js'
import { terminalLog, terminalReporter } from '../log.js'
import { loadCliConfig, localContext, str } from './deploy.js'

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
    repo: { type: 'string' },
    cluster: { type: 'string' },
    'run-id': { type: 'string' },
    json: { type: 'boolean' }
  },
  async run(values, _positionals, context) {
    const { env } = context
    const token = env.GITHUB_TOKEN || env.GH_TOKEN
    if (!token)
      throw new ConfigurationError(
        'promote collect needs a GitHub token that may push branches and open pull requests (contents: write, pull-requests: write) in GITHUB_TOKEN or GH_TOKEN'
      )
    const named = str(values, 'repo') ?? env.GITHUB_REPOSITORY
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
    const runId = str(values, 'run-id')
    const cluster = str(values, 'cluster')
    if (runId && !cluster)
      throw new ConfigurationError(
        '--run-id needs --cluster: the cluster (under `clusters`) the run is on'
      )
    const config = await loadCliConfig(values, context)
    const log = terminalLog(context)
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
      collectPorts({
        config,
        token,
        cwd: context.cwd,
        env,
        context: runContext,
        log,
        ...(values.json !== true && { reporter: terminalReporter(context) })
      })
    )
    if (values.json === true) write(context.stdout, JSON.stringify(result.runs, null, 2))
    return result.ok ? 0 : 1
  }
}
