import { CONFIG_OPTION, JSON_OPTION, writeJson, type CliCommand } from '../command.js'
import { LEDGER_OPTION } from './shared-options.js'

/**
 * `promote history --env production`: the promotion history (id, time, state, model, version,
 * hash, creator) from the local ledger, or from GitHub deployments with --github.
 */
export const command: CliCommand = {
  name: 'history',
  summary: 'List the deployments of an environment (local ledger, or GitHub with --github)',
  usage: '[--env <environment>] [--limit <n>] [--json] [--github --repo <owner/name>]',
  options: {
    ...CONFIG_OPTION,
    env: {
      type: 'string',
      value: 'environment',
      description: 'the environment to list (default: every environment of promote.yaml)'
    },
    limit: {
      type: 'string',
      value: 'n',
      default: '30',
      description: 'how many deployments to list per environment, newest first'
    },
    github: {
      type: 'boolean',
      description:
        'read GitHub deployments instead of the local ledger (token in GITHUB_TOKEN or GH_TOKEN)'
    },
    repo: {
      type: 'string',
      value: 'owner/name',
      description:
        'the repository for --github (default: GITHUB_REPOSITORY, else the origin remote)'
    },
    ...LEDGER_OPTION,
    ...JSON_OPTION
  },
  async run(values, _positionals, context) {
    const { historyReport, historyRows, loadHistory } = await import('../../app/history.js')
    const { environmentNames } = await import('../../core/config/resolve.js')
    const { ConfigurationError } = await import('../../core/errors.js')
    const { terminalReporter } = await import('../log.js')
    const { loadCliConfig, openLedger, str } = await import('../local.js')
    const limit = Number(str(values, 'limit') ?? '30')
    if (!Number.isInteger(limit) || limit <= 0)
      throw new ConfigurationError(
        `--limit ${String(values.limit)}: expected a positive whole number`
      )
    let store: import('../../adapters/deployments/types.js').DeploymentStore
    let source: string
    if (values.github === true) {
      const github = await githubStore(str(values, 'repo'), context.env, context.cwd)
      store = github.store
      source = github.source
    } else {
      const ledger = openLedger(values, context)
      store = ledger
      source = ledger.file
    }
    let environments: string[]
    const named = str(values, 'env')
    if (named) environments = [named]
    else {
      const config = await loadCliConfig(values, context).catch(() => undefined)
      environments = config
        ? environmentNames(config)
        : values.github === true
          ? []
          : await (store as ReturnType<typeof openLedger>).environments()
      if (environments.length === 0)
        throw new ConfigurationError('choose an environment with --env')
    }
    const all: Record<string, ReturnType<typeof historyRows>> = {}
    for (const environment of environments) {
      const records = await loadHistory(store, environment, limit)
      if (values.json === true) all[environment] = historyRows(records)
      else await terminalReporter(context).summary(historyReport(environment, records, source))
    }
    if (values.json === true) writeJson(context, named ? all[named] : all)
    return 0
  }
}

/** GitHub deployments for --github: the token from GITHUB_TOKEN/GH_TOKEN, the repository from --repo, GITHUB_REPOSITORY or origin. */
async function githubStore(
  repoOption: string | undefined,
  env: NodeJS.ProcessEnv,
  cwd: string
): Promise<{
  store: import('../../adapters/deployments/types.js').DeploymentStore
  source: string
}> {
  const { createGitHubClient, GitHubDeploymentStore, parseRepository } =
    await import('../../adapters/github/index.js')
  const { ConfigurationError } = await import('../../core/errors.js')
  const token = env.GITHUB_TOKEN || env.GH_TOKEN
  if (!token) {
    throw new ConfigurationError(
      '--github needs a token with read access to deployments in GITHUB_TOKEN or GH_TOKEN (e.g. GH_TOKEN=$(gh auth token))'
    )
  }
  const repository = repoOption ?? env.GITHUB_REPOSITORY ?? (await originRepository(cwd))
  if (!repository)
    throw new ConfigurationError(
      '--github: name the repository with --repo owner/name (no GitHub origin remote found)'
    )
  let where: { owner: string; repo: string }
  try {
    where = parseRepository(repository)
  } catch (error) {
    throw new ConfigurationError(`--repo: ${(error as Error).message}`)
  }
  const store = new GitHubDeploymentStore(await createGitHubClient(token), where)
  return { store, source: `GitHub deployments of ${where.owner}/${where.repo}` }
}

async function originRepository(cwd: string): Promise<string | undefined> {
  const { execFileSync } = await import('node:child_process')
  try {
    const url = execFileSync('git', ['remote', 'get-url', 'origin'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore']
    }).trim()
    const match = /github\.com[:/]([^/]+)\/(.+?)(\.git)?$/.exec(url)
    return match ? `${match[1]}/${match[2]}` : undefined
  } catch {
    return undefined
  }
}
