import { errorMessage } from '../../core/errors.js'
import { formatDuration } from '../../core/duration.js'
import { HttpError } from '../http.js'
import {
  CancelFailedError,
  RunAbortedError,
  RunTimeoutError,
  TERMINAL_STATES,
  type RunStatus,
  type WaitOptions
} from './types.js'

/**
 * How long to wait before the next status request, given how long the run has been going.
 *
 * The default schedule keeps the worst-case delay in noticing the end within 5 % of the run's
 * length once that is 200 s or more, never longer than 30 s, and costs fewer requests than the
 * MLRun SDK (a status request every 10 s: mlrun/run.py wait_for_pipeline_completion →
 * retry_until_successful(10, ...)) for every run from 7.5 minutes on. No schedule can do both for
 * short runs: 5 % of a run shorter than 200 s is less than the SDK's 10 s, so being that prompt
 * means asking more often than the SDK. Short runs are polled at half the elapsed time from 1 s up
 * to the SDK's 10 s (a run is never noticed later than the SDK's worst case); those early requests
 * are paid back by 7.5 minutes. `npm run bench` measures it; test/orchestrators/poll-schedule.test.ts
 * checks the bounds at every run length up to 24 h.
 */
export type PollSchedule = (elapsedMs: number) => number

export interface AdaptiveScheduleOptions {
  /** First interval. */
  minMs?: number
  /** While short: this fraction of the elapsed time... */
  growth?: number
  /** ...up to this interval (the MLRun SDK's), kept until `ratio` of the elapsed time exceeds it. */
  settleMs?: number
  /** Then this fraction of the elapsed time: the worst-case delay as a share of the run's length. */
  ratio?: number
  maxMs?: number
  /**
   * Up to this fraction shorter, at random, so many jobs polling one server do not fall in step.
   * Only ever shorter: the worst case stays the bound above.
   */
  jitter?: number
  random?: () => number
}

export function adaptiveSchedule(options: AdaptiveScheduleOptions = {}): PollSchedule {
  const {
    minMs = 1000,
    growth = 0.5,
    settleMs = 10_000,
    ratio = 0.05,
    maxMs = 30_000,
    jitter = 0.05,
    random = Math.random
  } = options
  return elapsedMs => {
    const share = elapsedMs * ratio
    const base =
      share >= settleMs
        ? Math.min(maxMs, share)
        : Math.min(settleMs, Math.max(minMs, elapsedMs * growth))
    // Rounded down: the bound above holds to the millisecond.
    return Math.floor(base * (1 - jitter * random()))
  }
}

export function fixedSchedule(intervalMs: number): PollSchedule {
  return () => intervalMs
}

export interface Clock {
  now(): number
  /** Resolves after ms, or rejects when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/**
 * The longest delay setTimeout honours (2^31 - 1 ms, 24.8 days): a longer one fires at once, with
 * a TimeoutOverflowWarning. Longer sleeps are made of timers no longer than this.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal))
      let left = Math.max(0, ms)
      let timer: ReturnType<typeof setTimeout>
      const next = () => {
        const chunk = Math.min(left, MAX_TIMER_MS)
        left -= chunk
        timer = setTimeout(() => {
          if (left > 0) return next()
          signal?.removeEventListener('abort', onAbort)
          resolve()
        }, chunk)
      }
      const onAbort = () => {
        clearTimeout(timer)
        reject(abortReason(signal!))
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      next()
    })
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('aborted')
}

/** A clock whose sleeps are scaled (PROMOTE_POLL_SCALE=0.01 makes tests a hundred times faster). */
export function scaledClock(clock: Clock, scale: number): Clock {
  if (scale === 1) return clock
  return { now: () => clock.now(), sleep: (ms, signal) => clock.sleep(ms * scale, signal) }
}

export function isTerminal(status: RunStatus): boolean {
  return TERMINAL_STATES.includes(status.state)
}

/** Status requests that fail this many times in a row (after the HTTP client's own retries) end the wait. */
const MAX_CONSECUTIVE_POLL_FAILURES = 4

/** How long a cancel may take to show: a run still going after this is reported as not cancelled. */
export const CANCEL_CONFIRM_MS = 60_000
const CANCEL_CHECK_EVERY_MS = 2000

export interface ConfirmCancelOptions {
  runId: string
  clock: Clock
  /** Sends the orchestrator's stop request (terminate, abort, a signal). */
  requestCancel(): Promise<void>
  getStatus(): Promise<RunStatus>
  /** Removes secrets from the server's words before they are reported. */
  scrub?: (text: string) => string
  confirmWithinMs?: number
}

/**
 * Asks the orchestrator to stop a run and resolves with the terminal status it then reports. A
 * cancel counts only once the orchestrator says the run ended: a refused request, or a run still
 * going after the confirmation window, rejects with CancelFailedError and the server's reason.
 */
export async function cancelAndConfirm(options: ConfirmCancelOptions): Promise<RunStatus> {
  const { runId, clock } = options
  const scrub = options.scrub ?? (text => text)
  try {
    await options.requestCancel()
  } catch (error) {
    // A run that ended meanwhile may refuse to be stopped (MLRun answers 409): nothing is left running.
    const now = await options.getStatus().catch(() => undefined)
    if (now && isTerminal(now)) return now
    throw new CancelFailedError(
      runId,
      `the orchestrator refused: ${scrub(errorMessage(error))}`,
      now
    )
  }
  const windowMs = options.confirmWithinMs ?? CANCEL_CONFIRM_MS
  // Counted in checks, not wall time, so a scaled clock (tests) shortens the window too.
  const checks = Math.max(1, Math.ceil(windowMs / CANCEL_CHECK_EVERY_MS))
  let last: RunStatus | undefined
  let lastError: unknown
  for (let check = 0; ; check++) {
    try {
      last = await options.getStatus()
      lastError = undefined
      if (isTerminal(last)) return last
    } catch (error) {
      lastError = error
    }
    if (check >= checks) break
    await clock.sleep(CANCEL_CHECK_EVERY_MS)
  }
  throw new CancelFailedError(
    runId,
    lastError !== undefined
      ? `its status could not be read after the cancel request: ${scrub(errorMessage(lastError))}`
      : `the cancel request was accepted, but the run is still ${last?.rawState ?? 'going'} ${formatDuration(windowMs)} later`,
    last
  )
}

export interface PollOptions extends WaitOptions {
  runId: string
  schedule: PollSchedule
  clock: Clock
  getStatus(): Promise<RunStatus>
  /** Stops the run and resolves with its terminal status (cancelAndConfirm), or rejects. */
  cancel(): Promise<RunStatus>
  /** Logs a transient polling failure. */
  onRetry?: (error: unknown) => void
  /** Elapsed time the schedule starts from (a wait that began with another method). */
  elapsedMs?: number
}

function transient(error: unknown): boolean {
  if (!(error instanceof HttpError)) return false
  return error.status === undefined || error.status >= 500 || error.status === 429
}

/**
 * Stops a run the wait gave up on (timeout or abort) and throws RunTimeoutError /
 * RunAbortedError. The status is `cancelled` only when the orchestrator confirmed the run ended;
 * when it did not, the error carries why (`cancelError`) and the last status seen.
 */
export async function stopRun(
  kind: 'timeout' | 'abort',
  cancel: () => Promise<RunStatus>,
  last: RunStatus,
  timeoutMs: number
): Promise<never> {
  let final: RunStatus
  let cancelError: string | undefined
  try {
    const confirmed = await cancel()
    // Stopped by us: cancelled, whatever word the orchestrator uses (Argo says Failed), unless it
    // finished first.
    const finishedFirst = confirmed.state === 'succeeded' || confirmed.state === 'skipped'
    final = finishedFirst ? confirmed : { ...confirmed, state: 'cancelled' }
  } catch (error) {
    cancelError = errorMessage(error)
    final = (error instanceof CancelFailedError && error.status) || last
  }
  if (kind === 'timeout') throw new RunTimeoutError(final, timeoutMs, cancelError)
  throw new RunAbortedError(final, cancelError)
}

/**
 * Polls until the run reaches a terminal state. On timeout or abort, asks the orchestrator to
 * cancel the run and throws RunTimeoutError / RunAbortedError carrying the last status.
 */
export async function pollUntilDone(options: PollOptions): Promise<RunStatus> {
  const { clock, schedule, signal } = options
  const started = clock.now() - (options.elapsedMs ?? 0)
  const deadline = started + options.timeoutMs
  let last: RunStatus = {
    runId: options.runId,
    state: 'pending',
    rawState: 'unknown',
    steps: [],
    results: {}
  }
  let failures = 0
  const stop = (kind: 'timeout' | 'abort') =>
    stopRun(kind, () => options.cancel(), last, options.timeoutMs)

  for (;;) {
    if (signal?.aborted) return stop('abort')
    try {
      last = await options.getStatus()
      failures = 0
      options.onStatus?.(last)
      if (isTerminal(last)) return last
    } catch (error) {
      if (signal?.aborted) return stop('abort')
      if (!transient(error) || ++failures >= MAX_CONSECUTIVE_POLL_FAILURES) throw error
      options.onRetry?.(error)
    }
    const now = clock.now()
    if (now >= deadline) return stop('timeout')
    try {
      await clock.sleep(Math.min(schedule(now - started), deadline - now), signal)
    } catch {
      if (signal?.aborted) return stop('abort')
      throw new Error('poll sleep failed')
    }
  }
}
