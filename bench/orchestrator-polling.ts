/**
 * How quickly, and at what cost, a finished run is noticed: our adaptive poll schedule against
 * the fixed intervals of the MLRun SDK (10 s) and the KFP SDK (5 s), on a fake clock. For runs
 * that finish after 5 s, 60 s, 10 min (and 1 h, 4 h), it reports the status requests made and the
 * delay between the run finishing and the wait returning, as mean and worst case over 200 seeded
 * runs whose end falls anywhere in [t, t + min(t, 10 s)) (and, for ours, with the schedule's jitter).
 *
 * The bounds over every run length come from the times of the status requests themselves
 * (pollTimes): the worst case for a run ending at T is a run ending just after a request, noticed
 * at the next one. The MLRun SDK's schedule is its wait loop: mlrun/run.py
 * wait_for_pipeline_completion calls retry_until_successful(10, timeout, ...), whose Retryer
 * (mlrun/utils/retryer.py) asks at once and then sleeps 10 s after every answer that is not final.
 */
import {
  adaptiveSchedule,
  fixedSchedule,
  pollUntilDone,
  type Clock,
  type PollSchedule
} from '../src/adapters/orchestrators/poll.js'
import type { RunStatus } from '../src/adapters/orchestrators/types.js'

export interface PollingResult {
  schedule: string
  runSeconds: number
  requests: { mean: number; max: number }
  delaySeconds: { mean: number; max: number }
  /** The largest delay as a share of its run's length. */
  worstShare: number
}

export function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

async function measure(
  schedule: PollSchedule,
  runMs: number
): Promise<{ requests: number; delayMs: number }> {
  let now = 0
  const clock: Clock = {
    now: () => now,
    sleep: async ms => {
      now += ms
    }
  }
  let requests = 0
  const status = (done: boolean): RunStatus => ({
    runId: 'bench',
    state: done ? 'succeeded' : 'running',
    rawState: done ? 'Succeeded' : 'Running',
    steps: [],
    results: {}
  })
  await pollUntilDone({
    runId: 'bench',
    timeoutMs: runMs * 10 + 3_600_000,
    schedule,
    clock,
    getStatus: async () => {
      requests++
      return status(now >= runMs)
    },
    cancel: async () => status(true)
  })
  return { requests, delayMs: now - runMs }
}

export const RUN_SECONDS = [5, 60, 600, 3600, 4 * 3600]

/** When each status request of a wait is made, for a run still going at horizonMs. */
export async function pollTimes(schedule: PollSchedule, horizonMs: number): Promise<number[]> {
  let now = 0
  const times: number[] = []
  const clock: Clock = {
    now: () => now,
    sleep: async ms => {
      now += ms
    }
  }
  const status = (done: boolean): RunStatus => ({
    runId: 'bench',
    state: done ? 'succeeded' : 'running',
    rawState: done ? 'Succeeded' : 'Running',
    steps: [],
    results: {}
  })
  await pollUntilDone({
    runId: 'bench',
    timeoutMs: horizonMs * 2,
    schedule,
    clock,
    getStatus: async () => {
      times.push(now)
      return status(now >= horizonMs)
    },
    cancel: async () => status(true)
  })
  return times
}

/** Requests made, and how late, for a run ending at endMs: the first request at or after it sees the end. */
export function noticeOf(times: number[], endMs: number): { requests: number; delayMs: number } {
  let low = 0
  let high = times.length - 1
  while (low < high) {
    const middle = (low + high) >> 1
    if (times[middle]! >= endMs) high = middle
    else low = middle + 1
  }
  return { requests: low + 1, delayMs: times[low]! - endMs }
}

/**
 * The run length from which the worst-case delay stays within `share` of it: a run ending in
 * (t[k], t[k+1]] is noticed at t[k+1], late by more than share × its length while shorter than
 * t[k+1] / (1 + share).
 */
export function withinShareFrom(times: number[], share: number): number {
  let from = 0
  for (let k = 0; k + 1 < times.length; k++) {
    const limit = times[k + 1]! / (1 + share)
    if (limit > times[k]!) from = Math.max(from, limit)
  }
  return from
}

/** The run length from which `ours` makes fewer requests than `theirs` (runs up to both horizons). */
export function fewerFrom(ours: number[], theirs: number[]): number {
  const horizon = Math.min(ours[ours.length - 1]!, theirs[theirs.length - 1]!)
  // The counts step up just after a request: ours just after each of ours, theirs just after each of theirs.
  const candidates = [...ours.map(t => t + 1), ...theirs].filter(t => t > 0 && t <= horizon)
  let last = 0
  for (const end of candidates) {
    if (noticeOf(ours, end).requests >= noticeOf(theirs, end).requests) last = Math.max(last, end)
  }
  return last
}

export interface ScheduleBounds {
  schedule: string
  /** Worst case, over the seeds, of the run length from which the delay stays within 5 %. */
  within5PercentFromSeconds: number
  /** Worst case, over the seeds, of the run length from which it asks less than the MLRun SDK. */
  fewerThanMlrunFromSeconds: number
  /** The longest delay for any run length, and for runs of 200 s or more. */
  worstDelaySeconds: number
}

const MLRUN_SDK = fixedSchedule(10_000)

/** Bounds of a schedule over every run length up to 24 h, for `seeds` jitter seeds. */
export async function scheduleBounds(
  name: string,
  make: (seed: number) => PollSchedule,
  seeds = 50,
  horizonMs = 24 * 3_600_000
): Promise<ScheduleBounds> {
  const sdk = await pollTimes(MLRUN_SDK, horizonMs)
  let within = 0
  let fewer = 0
  let worst = 0
  for (let seed = 1; seed <= seeds; seed++) {
    const times = await pollTimes(make(seed), horizonMs)
    within = Math.max(within, withinShareFrom(times, 0.05))
    fewer = Math.max(fewer, fewerFrom(times, sdk))
    for (let k = 0; k + 1 < times.length; k++) worst = Math.max(worst, times[k + 1]! - times[k]!)
  }
  return {
    schedule: name,
    within5PercentFromSeconds: within / 1000,
    fewerThanMlrunFromSeconds: fewer / 1000,
    worstDelaySeconds: worst / 1000
  }
}

export const OURS = 'promote-actions (½ elapsed up to 10 s, then 5 %, ≤ 30 s)'

export async function benchPolling(samples = 200): Promise<PollingResult[]> {
  const results: PollingResult[] = []
  const schedules: Array<{ name: string; make: (seed: number) => PollSchedule }> = [
    {
      name: OURS,
      make: seed => adaptiveSchedule({ random: seeded(seed) })
    },
    { name: 'MLRun SDK (every 10 s)', make: () => fixedSchedule(10_000) },
    { name: 'KFP SDK (every 5 s)', make: () => fixedSchedule(5_000) }
  ]
  for (const runSeconds of RUN_SECONDS) {
    for (const schedule of schedules) {
      const requests: number[] = []
      const delays: number[] = []
      let worstShare = 0
      const finish = seeded(runSeconds)
      for (let seed = 1; seed <= samples; seed++) {
        // Runs of "about a minute": the end falls anywhere in [t, t + min(t, 10 s)), the same for every schedule.
        const spread = Math.min(runSeconds * 1000, 10_000)
        const runMs = runSeconds * 1000 + Math.floor(finish() * spread)
        const measured = await measure(schedule.make(seed), runMs)
        requests.push(measured.requests)
        delays.push(measured.delayMs / 1000)
        worstShare = Math.max(worstShare, measured.delayMs / runMs)
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
      results.push({
        schedule: schedule.name,
        runSeconds,
        requests: { mean: mean(requests), max: Math.max(...requests) },
        delaySeconds: { mean: mean(delays), max: Math.max(...delays) },
        worstShare
      })
    }
  }
  return results
}

function formatRun(seconds: number): string {
  return seconds < 60
    ? `${seconds} s`
    : seconds < 3600
      ? `${seconds / 60} min`
      : `${seconds / 3600} h`
}

function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i]!.length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  return [
    line(header),
    `| ${widths.map(w => '-'.repeat(w)).join(' | ')} |`,
    ...rows.map(line)
  ].join('\n')
}

export function pollingTable(results: PollingResult[]): string {
  return markdownTable(
    [
      'run length',
      'schedule',
      'status requests',
      'detection delay (mean / worst)',
      'worst / length'
    ],
    results.map(r => [
      formatRun(r.runSeconds),
      r.schedule,
      `${r.requests.mean.toFixed(1)} (≤ ${r.requests.max})`,
      `${r.delaySeconds.mean.toFixed(1)} s / ${r.delaySeconds.max.toFixed(1)} s`,
      `${(100 * r.worstShare).toFixed(1)} %`
    ])
  )
}

export function boundsTable(bounds: ScheduleBounds[]): string {
  const seconds = (s: number) => (s >= 86_400 ? 'never (24 h)' : formatLength(s))
  return markdownTable(
    [
      'schedule',
      'worst delay ≤ 5 % of the run from',
      'fewer requests than the MLRun SDK from',
      'longest delay'
    ],
    bounds.map(b => [
      b.schedule,
      seconds(b.within5PercentFromSeconds),
      seconds(b.fewerThanMlrunFromSeconds),
      `${b.worstDelaySeconds.toFixed(0)} s`
    ])
  )
}

function formatLength(seconds: number): string {
  return seconds < 60 ? `${seconds.toFixed(0)} s` : `${(seconds / 60).toFixed(1)} min`
}
