/**
 * How quickly, and at what cost, a finished run is noticed: our adaptive poll schedule against
 * the fixed intervals of the MLRun SDK (10 s) and the KFP SDK (5 s), on a fake clock. For runs
 * that finish after 5 s, 60 s, 10 min (and 1 h, 4 h), it reports the status requests made and the
 * delay between the run finishing and the wait returning, as mean and worst case over 200 seeded
 * runs whose end falls anywhere in [t, t + min(t, 10 s)) (and, for ours, with the schedule's jitter).
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
}

function seeded(seed: number): () => number {
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

export async function benchPolling(samples = 200): Promise<PollingResult[]> {
  const results: PollingResult[] = []
  const schedules: Array<{ name: string; make: (seed: number) => PollSchedule }> = [
    {
      name: 'promote-actions (adaptive, 1 s → 30 s)',
      make: seed => adaptiveSchedule({ random: seeded(seed) })
    },
    { name: 'MLRun SDK (every 10 s)', make: () => fixedSchedule(10_000) },
    { name: 'KFP SDK (every 5 s)', make: () => fixedSchedule(5_000) }
  ]
  for (const runSeconds of RUN_SECONDS) {
    for (const schedule of schedules) {
      const requests: number[] = []
      const delays: number[] = []
      const finish = seeded(runSeconds)
      for (let seed = 1; seed <= samples; seed++) {
        // Runs of "about a minute": the end falls anywhere in [t, t + min(t, 10 s)), the same for every schedule.
        const spread = Math.min(runSeconds * 1000, 10_000)
        const measured = await measure(
          schedule.make(seed),
          runSeconds * 1000 + Math.floor(finish() * spread)
        )
        requests.push(measured.requests)
        delays.push(measured.delayMs / 1000)
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
      results.push({
        schedule: schedule.name,
        runSeconds,
        requests: { mean: mean(requests), max: Math.max(...requests) },
        delaySeconds: { mean: mean(delays), max: Math.max(...delays) }
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

export function pollingTable(results: PollingResult[]): string {
  const header = ['run length', 'schedule', 'status requests', 'detection delay (mean / worst)']
  const rows = results.map(r => [
    formatRun(r.runSeconds),
    r.schedule,
    `${r.requests.mean.toFixed(1)} (≤ ${r.requests.max})`,
    `${r.delaySeconds.mean.toFixed(1)} s / ${r.delaySeconds.max.toFixed(1)} s`
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i]!.length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  return [
    line(header),
    `| ${widths.map(w => '-'.repeat(w)).join(' | ')} |`,
    ...rows.map(line)
  ].join('\n')
}
