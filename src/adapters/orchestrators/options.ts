import type { Log } from '../../app/ports.js'
import { ConfigurationError } from '../../core/errors.js'
import type { Sleep } from '../http.js'
import type { RunScope } from './types.js'
import { adaptiveSchedule, realClock, scaledClock, type Clock, type PollSchedule } from './poll.js'
import { registerSecret } from '../../core/secrets.js'

/** What every orchestrator client gets from its caller. */
export interface OrchestratorOptions {
  /** Where credentials are read from (the variables named by tokenEnv, ...). Default: process.env. */
  env?: NodeJS.ProcessEnv
  /** Working directory of command runs (the checkout). Default: process.cwd(). */
  cwd?: string
  log?: Log
  clock?: Clock
  schedule?: PollSchedule
  /**
   * Multiplies every wait (poll intervals, retry backoff, Retry-After). Default: the
   * PROMOTE_POLL_SCALE environment variable, else 1. Tests use 0.01.
   */
  pollScale?: number
  fetch?: typeof fetch
  /** Per-request HTTP timeout. */
  requestTimeoutMs?: number
  /**
   * Project and workflow of runs this client did not submit or find itself (the post step
   * cancelling the main step's run): MLRun addresses runs through them.
   */
  scope?: RunScope
}

export interface ResolvedOptions {
  env: NodeJS.ProcessEnv
  cwd: string
  log: Log
  /** Sleeps scaled by pollScale (polls, backoff). */
  clock: Clock
  /** The same clock unscaled: timeouts are real time. */
  timerClock: Clock
  schedule: PollSchedule
  /** Sleep for the HTTP client's retries, scaled like the polls. */
  sleep: Sleep
  fetch?: typeof fetch
  requestTimeoutMs: number
  scope?: RunScope
  /** Replaces every secret this client read (log.secret) with ***: for text that leaves the log. */
  scrub(text: string): string
}

export const silentLog: Log = {
  info: () => {},
  debug: () => {},
  warning: () => {},
  error: () => {},
  group: (_title, fn) => fn(),
  secret: () => {}
}

export function resolveOptions(options: OrchestratorOptions = {}): ResolvedOptions {
  const env = options.env ?? process.env
  const fromEnv = Number(env.PROMOTE_POLL_SCALE)
  const scale = options.pollScale ?? (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 1)
  const timerClock = options.clock ?? realClock
  const clock = scaledClock(timerClock, scale)
  // Secrets are masked in the runner's log, not in summaries, outputs or facts: remember them.
  const secrets = new Set<string>()
  const baseLog = options.log ?? silentLog
  const log: Log = {
    info: message => baseLog.info(message),
    debug: message => baseLog.debug(message),
    warning: (message, where) => baseLog.warning(message, where),
    error: (message, where) => baseLog.error(message, where),
    group: (title, fn) => baseLog.group(title, fn),
    secret: value => {
      if (value) secrets.add(value)
      baseLog.secret(value)
    }
  }
  return {
    env,
    cwd: options.cwd ?? process.cwd(),
    log,
    scrub: text => [...secrets].reduce((out, secret) => out.split(secret).join('***'), text),
    clock,
    timerClock,
    schedule: options.schedule ?? adaptiveSchedule(),
    sleep: ms => clock.sleep(ms),
    ...(options.fetch && { fetch: options.fetch }),
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    ...(options.scope && { scope: options.scope })
  }
}

/** Reads a secret named by the config; a named-but-empty variable is a mistake worth saying. */
export function readSecret(
  env: NodeJS.ProcessEnv,
  name: string | undefined,
  log: Log,
  what: string
): string | undefined {
  if (!name) return undefined
  const value = env[name]
  if (!value) {
    throw new ConfigurationError(
      `${what}: the environment variable ${name} is empty or unset (pass the secret to the step as env: ${name}: \${{ secrets.${name} }})`
    )
  }
  registerSecret(value)
  log.secret(value)
  return value
}
