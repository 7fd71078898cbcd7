import { HttpError } from '../http.js'
import {
  RunAbortedError,
  RunTimeoutError,
  TERMINAL_STATES,
  type RunStatus,
  type WaitOptions
} from './types.js'

/**
 * How long to wait before the next status request, given how long the run has been going.
 * The adaptive schedule polls a short run every second and a long one every 30 s: the
 * detection delay stays near a tenth of the elapsed time, so a 5 s run is noticed within a
 * second, and a 1 h run costs ~160 requests instead of 360 (MLRun SDK, every 10 s) or 720 (KFP
 * SDK, every 5 s). `npm run bench` measures it.
 */
export type PollSchedule = (elapsedMs: number) => number

export interface AdaptiveScheduleOptions {
  minMs?: number
  maxMs?: number
  /** Fraction of the elapsed time to wait. */
  ratio?: number
  /** ± fraction of random spread, so many jobs polling one server do not fall in step. */
  jitter?: number
  random?: () => number
}

export function adaptiveSchedule(options: AdaptiveScheduleOptions = {}): PollSchedule {
  const { minMs = 1000, maxMs = 30_000, ratio = 0.1, jitter = 0.1, random = Math.random } = options
  return elapsedMs => {
    const base = Math.min(maxMs, Math.max(minMs, elapsedMs * ratio))
    return Math.round(base * (1 - jitter + 2 * jitter * random()))
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

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal))
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      const onAbort = () => {
        clearTimeout(timer)
        reject(abortReason(signal!))
      }
      signal?.addEventListener('abort', onAbort, { once: true })
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

export interface PollOptions extends WaitOptions {
  runId: string
  schedule: PollSchedule
  clock: Clock
  getStatus(): Promise<RunStatus>
  cancel(): Promise<void>
  /** Logs a transient polling failure. */
  onRetry?: (error: unknown) => void
}

function transient(error: unknown): boolean {
  if (!(error instanceof HttpError)) return false
  return error.status === undefined || error.status >= 500 || error.status === 429
}

/**
 * Polls until the run reaches a terminal state. On timeout or abort, asks the orchestrator to
 * cancel the run and throws RunTimeoutError / RunAbortedError carrying the last status.
 */
export async function pollUntilDone(options: PollOptions): Promise<RunStatus> {
  const { clock, schedule, signal } = options
  const started = clock.now()
  const deadline = started + options.timeoutMs
  let last: RunStatus = {
    runId: options.runId,
    state: 'pending',
    rawState: 'unknown',
    steps: [],
    results: {}
  }
  let failures = 0

  const stop = async (kind: 'timeout' | 'abort'): Promise<never> => {
    try {
      await options.cancel()
    } catch (error) {
      options.onRetry?.(error)
    }
    const status = await options.getStatus().catch(() => last)
    // Stopped by us: cancelled, whatever word the orchestrator uses (Argo says Failed), unless it
    // finished first.
    const finishedFirst = status.state === 'succeeded' || status.state === 'skipped'
    const final = finishedFirst ? status : { ...status, state: 'cancelled' as const }
    if (kind === 'timeout') throw new RunTimeoutError(final, options.timeoutMs)
    throw new RunAbortedError(final)
  }

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
