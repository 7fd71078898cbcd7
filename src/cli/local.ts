import { execFileSync } from 'node:child_process'
import { userInfo } from 'node:os'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { LocalLedger, DEFAULT_LEDGER_PATH } from '../adapters/deployments/ledger.js'
import { createRegistry } from '../adapters/registries/index.js'
import { terminalApproval } from '../app/approval.js'
import {
  deploy,
  deployFailed,
  refusedDeployFacts,
  type DeployManifest,
  type DeployOutcome,
  type DeployRequest
} from '../app/deploy.js'
import type { RunContext } from '../app/ports.js'
import { loadConfig } from '../core/config/load.js'
import {
  challengerManifestPath,
  resolveEnvironment,
  type ResolvedEnvironment
} from '../core/config/resolve.js'
import type { PromoteConfig } from '../core/config/schema.js'
import { ConfigurationError, isConfigurationError } from '../core/errors.js'
import { writeFileAtomic } from '../core/fs.js'
import { loadManifest } from '../core/manifest.js'
import { causeLine, type CliContext, type CliValues } from './command.js'
import { terminalLog, terminalReporter } from './log.js'
import { confirm } from './prompt.js'
import { cancellable } from './signals.js'
import { yamlLibrary } from '../core/yaml-library.js'

/**
 * What the commands share once they run: the local checkout as a RunContext, the config, the
 * local deployment ledger, --arg values, and the deploy with the terminal's ports. Only ever
 * imported dynamically (by a command's run), so `promote --version` does not load it.
 */
type Values = CliValues

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

/**
 * The local checkout as `promote run`'s context: no GitHub run id, so labels get a generated id;
 * no commit or branch outside a git repository.
 */
export function localRunContext(cwd: string, env: NodeJS.ProcessEnv): RunContext {
  const branch =
    git(cwd, ['branch', '--show-current']) ?? git(cwd, ['rev-parse', '--abbrev-ref', 'HEAD'])
  let actor = env.USER ?? env.USERNAME
  if (!actor) {
    try {
      actor = userInfo().username
    } catch {
      actor = 'local'
    }
  }
  return {
    sha: git(cwd, ['rev-parse', 'HEAD']) ?? '',
    ref: branch && branch !== 'HEAD' ? `refs/heads/${branch}` : '',
    ...(branch && branch !== 'HEAD' && { branch }),
    actor
  }
}

/**
 * The GitHub repository a detached run reports to: GITHUB_REPOSITORY (owner/repo), else the
 * `origin` remote when it is on github.com; none when neither says.
 */
export function detachRepository(
  cwd: string,
  env: NodeJS.ProcessEnv
): { repository: { owner: string; repo: string } } | undefined {
  const named = /^([^/\s]+)\/([^/\s]+)$/.exec(env.GITHUB_REPOSITORY ?? '')
  if (named) return { repository: { owner: named[1]!, repo: named[2]! } }
  const remote = git(cwd, ['remote', 'get-url', 'origin']) ?? ''
  const match = /github\.com[:/]([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/.exec(remote)
  return match ? { repository: { owner: match[1]!, repo: match[2]! } } : undefined
}

/** `--arg epochs=10 --arg lr=0.01 --arg tags=[a,b]`: values are YAML scalars (10 is a number). */
export function runArguments(pairs: string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at < 1)
      throw new ConfigurationError(`--arg ${pair}: expected name=value, e.g. --arg epochs=10`)
    const text = pair.slice(at + 1)
    let value: unknown = text
    try {
      value = text === '' ? '' : yamlLibrary().parse(text, { maxAliasCount: 10 })
    } catch {
      value = text
    }
    result[pair.slice(0, at)] = value === null ? text : value
  }
  return result
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
      parsed = yamlLibrary().parse(text)
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
    out[text.slice(0, at)] = yamlLibrary().parse(text.slice(at + 1)) ?? ''
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

/**
 * Runs the deploy use case with the CLI's ports and prints the report (to `context`, which is
 * stderr with --json); returns the exit code. Ctrl-C cancels the deploy run (signals.ts).
 */
export async function runCliDeploy(
  config: PromoteConfig,
  request: DeployRequest,
  values: Values,
  context: CliContext,
  run: RunContext
): Promise<{ code: number; outcome: DeployOutcome }> {
  const log = terminalLog(context)
  const ledger = openLedger(values, context)
  let outcome: DeployOutcome
  const startedAt = new Date().toISOString()
  try {
    outcome = await cancellable(
      signal =>
        log.warning(`${signal}: cancelling the deploy run (Ctrl-C again to leave it running)`),
      signal =>
        deploy(request, {
          config,
          store: ledger,
          log,
          context: run,
          approve: cliApprove(values, context, request.environment),
          registry: () => createRegistry(config, context.env, { cwd: context.cwd }),
          orchestrator: { env: context.env, cwd: context.cwd, log },
          signal,
          deploymentsUrl: () => relative(context.cwd, ledger.file) || ledger.file
        })
    )
  } catch (error) {
    // A refusal still leaves its facts (state refused, reason, rule, fix) for `promote notify`.
    const factsFile = str(values, 'facts-file')
    if (factsFile && isConfigurationError(error)) {
      const facts = refusedDeployFacts(request, config, run, error, startedAt)
      await writeFileAtomic(cliPath(context, factsFile), `${JSON.stringify(facts, null, 2)}\n`)
    }
    throw error
  }
  await terminalReporter(context).summary(outcome.report)
  const factsFile = str(values, 'facts-file')
  if (factsFile)
    await writeFileAtomic(
      cliPath(context, factsFile),
      `${JSON.stringify(outcome.facts, null, 2)}\n`
    )
  const failed = deployFailed(outcome)
  // The report is long: the last line of stderr names why the deploy failed.
  if (failed) {
    const reason = outcome.cancelFailed
      ? `the deploy run could not be cancelled: ${outcome.cancelFailed}`
      : (outcome.error ??
        outcome.facts.error ??
        `deployment ${outcome.deployment.id} ${outcome.status}`)
    context.stderr.write(
      `promote ${request.rollback ? 'rollback' : 'deploy'}: ${causeLine(reason)}\n`
    )
  }
  return { code: failed ? 1 : 0, outcome }
}

/** `promote deploy --json` / `rollback --json`: what scripts read (docs/cli.md). */
export function deployDocument(outcome: DeployOutcome, code: number): Record<string, unknown> {
  return {
    ok: code === 0,
    environment: outcome.facts.environment,
    deploymentId: outcome.deployment.id,
    status: outcome.status,
    rollbackOf: outcome.deployment.payload.rollbackOf ?? null,
    model: {
      name: outcome.deployment.payload.modelName ?? null,
      version: outcome.deployment.payload.modelVersion ?? null,
      contentHash: outcome.deployment.payload.contentHash
    },
    runId: outcome.runId ?? null,
    runUrl: outcome.runUrl ?? null,
    environmentUrl: outcome.environmentUrl ?? null,
    smokeTest: {
      values: Object.fromEntries(outcome.smoke.values),
      failure: outcome.smoke.failure ?? null,
      unavailable: outcome.smoke.unavailable ?? null
    },
    results: outcome.results,
    champion: outcome.champion ?? null,
    error: outcome.error ?? null,
    cancelFailed: outcome.cancelFailed ?? null,
    facts: outcome.facts
  }
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
