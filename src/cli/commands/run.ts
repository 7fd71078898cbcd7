import { execFileSync } from 'node:child_process'
import { userInfo } from 'node:os'
import { resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import type { RunContext } from '../../app/ports.js'
import { runWorkflow } from '../../app/run-workflow.js'
import { loadConfig } from '../../core/config/load.js'
import { ConfigurationError } from '../../core/errors.js'
import { parseDuration } from '../../core/duration.js'
import { CONFIG_OPTION, write, type CliCommand, type CliContext } from '../command.js'
import { terminalLog, terminalReporter } from '../log.js'

function git(cwd: string, args: string[]): string | undefined {
  try {
    return (
      execFileSync('git', args, {
        cwd,
        stdio: ['ignore', 'pipe', 'ignore'],
        encoding: 'utf8'
      }).trim() || undefined
    )
  } catch {
    return undefined
  }
}

/** The local checkout as the run's context; no GitHub run id, so labels get a generated id. */
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
export function parseArgs(pairs: string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at < 1)
      throw new ConfigurationError(`--arg ${pair}: expected name=value, e.g. --arg epochs=10`)
    const text = pair.slice(at + 1)
    let value: unknown = text
    try {
      value = text === '' ? '' : parseYaml(text, { maxAliasCount: 10 })
    } catch {
      value = text
    }
    result[pair.slice(0, at)] = value === null ? text : value
  }
  return result
}

function list(value: unknown): string[] {
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [value]).map(String)
}

export const command: CliCommand = {
  name: 'run',
  summary: "Submit a workflow (train by default) to an environment's cluster and wait for it",
  usage:
    '[--workflow train] [--env development] [--arg name=value ...] [--timeout 45m] [--no-wait | --detach]',
  options: {
    ...CONFIG_OPTION,
    workflow: { type: 'string', short: 'w', default: 'train' },
    env: { type: 'string', short: 'e' },
    arg: { type: 'string', short: 'a', multiple: true },
    timeout: { type: 'string', short: 't' },
    'no-wait': { type: 'boolean' },
    detach: { type: 'boolean' }
  },
  async run(values, _positionals, context: CliContext) {
    const configPath = resolve(context.cwd, String(values.config ?? 'promote.yaml'))
    const config = await loadConfig(configPath)
    const timeout = values.timeout === undefined ? undefined : String(values.timeout)
    if (timeout !== undefined) {
      try {
        parseDuration(timeout)
      } catch (error) {
        throw new ConfigurationError(`--timeout: ${(error as Error).message}`)
      }
    }
    const log = terminalLog(context)
    const detach = values.detach === true
    const runContext = {
      ...localRunContext(context.cwd, context.env),
      // A detached run's callback and labels name the repository it reports to.
      ...(detach && detachRepository(context.cwd, context.env))
    }
    const environment = values.env === undefined ? undefined : String(values.env)
    if (!environment && !runContext.branch) {
      throw new ConfigurationError(
        `choose an environment with --env (${Object.keys(config.environments).join(', ')}): not on a git branch`
      )
    }

    // Ctrl-C cancels the remote run before exiting; a second Ctrl-C exits at once.
    const controller = new AbortController()
    const onSignal = (signal: NodeJS.Signals) => {
      if (controller.signal.aborted) process.exit(130)
      write(context.stderr, `\n${signal}: cancelling the run (Ctrl-C again to leave it running)`)
      controller.abort(new Error(`cancelled by ${signal}`))
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
    try {
      const result = await runWorkflow({
        config,
        environment,
        workflowKey: String(values.workflow ?? 'train'),
        overrides: parseArgs(list(values.arg)),
        timeout,
        wait: !values['no-wait'],
        detach,
        context: runContext,
        log,
        signal: controller.signal,
        orchestrator: { env: context.env, cwd: context.cwd },
        progressIntervalMs: context.stdout.isTTY ? 10_000 : 30_000
      })
      await terminalReporter(context).summary(result.report)
      if (controller.signal.aborted) return 130
      if (result.ok && result.modelUri) {
        write(context.stdout, `Next: promote export --model-uri '${result.modelUri}'`)
      }
      if (result.detached) {
        write(
          context.stdout,
          `Detached: run ${result.status.runId} (submission ${result.detached.submission}) goes on without this terminal; ${result.detached.callback ? `it reports to ${result.detached.callbackUrl} when it ends` : 'promote collect finds it when it ends'}`
        )
        return 0
      }
      if (!values['no-wait'] || !result.ok) return result.ok ? 0 : 1
      write(
        context.stdout,
        `Not waiting: follow run ${result.status.runId}${result.facts.runUrl ? ` at ${result.facts.runUrl}` : ''}`
      )
      return 0
    } finally {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
}
