import { execFileSync } from 'node:child_process'
import { userInfo } from 'node:os'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { LocalLedger, DEFAULT_LEDGER_PATH } from '../../adapters/deployments/ledger.js'
import { createRegistry } from '../../adapters/registries/index.js'
import { terminalApproval } from '../../app/approval.js'
import {
  deploy,
  deployFailed,
  refusedDeployFacts,
  type DeployManifest,
  type DeployOutcome,
  type DeployRequest
} from '../../app/deploy.js'
import type { RunContext } from '../../app/ports.js'
import { loadConfig } from '../../core/config/load.js'
import {
  challengerManifestPath,
  resolveEnvironment,
  type ResolvedEnvironment
} from '../../core/config/resolve.js'
import type { PromoteConfig } from '../../core/config/schema.js'
import { ConfigurationError, isConfigurationError } from '../../core/errors.js'
import { writeFileAtomic } from '../../core/fs.js'
import { loadManifest } from '../../core/manifest.js'
import { CONFIG_OPTION, type CliCommand, type CliContext } from '../command.js'
import { terminalLog, terminalReporter } from '../log.js'
import { confirm } from '../prompt.js'

/**
 * `promote deploy`: the submit-deploy action on a laptop. Deployment records go to a local
 * ledger (.promote/deployments.json) with the same semantics as GitHub deployments; approval is
 * asked of the person at the terminal (or given with --yes).
 */
type Values = Record<string, string | boolean | (string | boolean)[] | undefined>

export const LEDGER_OPTION = { ledger: { type: 'string', default: DEFAULT_LEDGER_PATH } } as const

function git(cwd: string, args: string[]): string | undefined {
  try {
    return (
      execFileSync('git', args, {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore']
      }).trim() || undefined
    )
  } catch {
    return undefined
  }
}

export function localUser(context: CliContext): string {
  return (
    context.env.PROMOTE_USER ||
    git(context.cwd, ['config', 'user.email']) ||
    context.env.USER ||
    (() => {
      try {
        return userInfo().username
      } catch {
        return 'local'
      }
    })()
  )
}

/** The local checkout as a RunContext: its HEAD commit and branch, the person at the terminal. */
export function localContext(context: CliContext): RunContext {
  const sha = git(context.cwd, ['rev-parse', 'HEAD'])
  const branch = git(context.cwd, ['rev-parse', '--abbrev-ref', 'HEAD'])
  const actor = localUser(context)
  return {
    sha: sha ?? 'local',
    ref: branch ? `refs/heads/${branch}` : 'local',
    ...(branch && branch !== 'HEAD' && { branch }),
    actor,
    triggeringActor: actor,
    eventName: 'cli'
  }
}

export function str(values: Values, key: string): string | undefined {
  const value = values[key]
  return typeof value === 'string' && value !== '' ? value : undefined
}

export function cliPath(context: CliContext, path: string): string {
  return isAbsolute(path) ? path : resolve(context.cwd, path)
}

export async function loadCliConfig(values: Values, context: CliContext): Promise<PromoteConfig> {
  return loadConfig(cliPath(context, str(values, 'config') ?? 'promote.yaml'))
}

export function cliEnvironment(
  config: PromoteConfig,
  values: Values,
  run: RunContext
): ResolvedEnvironment {
  return resolveEnvironment(config, { name: str(values, 'env'), branch: run.branch })
}

export function openLedger(values: Values, context: CliContext): LocalLedger {
  return new LocalLedger(cliPath(context, str(values, 'ledger') ?? DEFAULT_LEDGER_PATH), {
    creator: localUser(context)
  })
}

/** --arg name=value (repeatable; values parsed as YAML scalars) and --arguments '{"a": 1}'. */
export function cliArguments(values: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const text = str(values, 'arguments')
  if (text) {
    let parsed: unknown
    try {
      parsed = parseYaml(text)
    } catch (error) {
      throw new ConfigurationError(
        `--arguments: not valid YAML/JSON: ${(error as Error).message.split('\n')[0]}`
      )
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new ConfigurationError('--arguments: expected an object, e.g. {"replicas": 2}')
    Object.assign(out, parsed)
  }
  const pairs = values.arg
  for (const pair of Array.isArray(pairs) ? pairs : pairs !== undefined ? [pairs] : []) {
    const text = String(pair)
    const at = text.indexOf('=')
    if (at <= 0) throw new ConfigurationError(`--arg ${text}: expected name=value`)
    out[text.slice(0, at)] = parseYaml(text.slice(at + 1)) ?? ''
  }
  return out
}

export function cliApprove(values: Values, context: CliContext, environment: ResolvedEnvironment) {
  return (what: string) =>
    terminalApproval({
      environment: environment.name,
      required: environment.requiresApproval,
      assumeYes: values.yes === true,
      interactive: context.stdin.isTTY === true,
      user: localUser(context),
      what,
      ask: question => confirm(question, context.stdin, context.stdout)
    })
}

/** Runs the deploy use case with the CLI's ports and prints the report; returns the exit code. */
export async function runCliDeploy(
  config: PromoteConfig,
  request: DeployRequest,
  values: Values,
  context: CliContext,
  run: RunContext
): Promise<{ code: number; outcome: DeployOutcome }> {
  const log = terminalLog(context)
  const ledger = openLedger(values, context)
  const controller = new AbortController()
  const onSignal = () => {
    log.warning('interrupted: cancelling the deploy run')
    controller.abort()
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  let outcome: DeployOutcome
  const startedAt = new Date().toISOString()
  try {
    outcome = await deploy(request, {
      config,
      store: ledger,
      log,
      context: run,
      approve: cliApprove(values, context, request.environment),
      registry: () => createRegistry(config, context.env, { cwd: context.cwd }),
      orchestrator: { env: context.env, cwd: context.cwd, log },
      signal: controller.signal,
      deploymentsUrl: () => relative(context.cwd, ledger.file) || ledger.file
    })
  } catch (error) {
    // A refusal still leaves its facts (state refused, reason, rule, fix) for `promote notify`.
    const factsFile = str(values, 'facts-file')
    if (factsFile && isConfigurationError(error)) {
      const facts = refusedDeployFacts(request, config, run, error, startedAt)
      await writeFileAtomic(cliPath(context, factsFile), `${JSON.stringify(facts, null, 2)}\n`)
    }
    throw error
  } finally {
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
  }
  await terminalReporter(context).summary(outcome.report)
  const factsFile = str(values, 'facts-file')
  if (factsFile)
    await writeFileAtomic(
      cliPath(context, factsFile),
      `${JSON.stringify(outcome.facts, null, 2)}\n`
    )
  return { code: deployFailed(outcome) ? 1 : 0, outcome }
}

export async function cliManifest(
  config: PromoteConfig,
  values: Values,
  context: CliContext
): Promise<DeployManifest> {
  const path = str(values, 'manifest') ?? challengerManifestPath(config)
  const loaded = await loadManifest(cliPath(context, path), {
    knownTags: [config.model.challengerTag, config.model.championTag]
  })
  return { path: isAbsolute(path) ? path : join(path), raw: loaded.raw, record: loaded.record }
}

export const command: CliCommand = {
  name: 'deploy',
  summary:
    'Deploy the committed challenger to an environment (approval, deployment record, smoke test)',
  usage:
    '--env <environment> [--yes] [--manifest <file>] [--override-same-artifact <reason>] [options]',
  options: {
    ...CONFIG_OPTION,
    env: { type: 'string', short: 'e' },
    manifest: { type: 'string', short: 'm' },
    yes: { type: 'boolean', short: 'y' },
    'override-same-artifact': { type: 'string' },
    arg: { type: 'string', multiple: true },
    arguments: { type: 'string' },
    timeout: { type: 'string' },
    'no-wait': { type: 'boolean' },
    'facts-file': { type: 'string' },
    ...LEDGER_OPTION
  },
  async run(values, _positionals, context) {
    const config = await loadCliConfig(values, context)
    const run = localContext(context)
    const environment = cliEnvironment(config, values, run)
    const manifest = await cliManifest(config, values, context)
    const override = str(values, 'override-same-artifact')
    const timeout = str(values, 'timeout')
    const { code } = await runCliDeploy(
      config,
      {
        environment,
        manifest,
        arguments: cliArguments(values),
        wait: values['no-wait'] !== true,
        ...(timeout && { timeout }),
        ...(override && { overrideSameArtifact: override })
      },
      values,
      context,
      run
    )
    return code
  }
}
