/**
 * Runner time of a 1-hour training, detached against attached (issue 14's goal: at most 30
 * runner-seconds detached, against 3,600 attached), on local servers that speak the real
 * contracts (test/collect/world.ts: Argo, KFP, MLRun, GitHub, Slack, SMTP).
 *
 * Detached, a runner works twice: the submit step (the submission, measured here as
 * runWorkflow with wait: false against the local cluster) and the collect job (one collection:
 * the run read back, the challenger exported, committed and proposed in a PR with the gate report,
 * the messages sent, measured end to end). The hour in between holds no runner: the cluster's run
 * is simply ended after it. Attached, the step holds its runner until it notices the end: the
 * run's hour plus the notice delay of our poll schedule on a fake clock (Argo's event stream
 * notices at once).
 *
 * Both jobs of the detached flow also pay GitHub's job overhead (set up the job, check out, load
 * the action): not measurable here, it is stated as a parameter (JOB_OVERHEAD_SECONDS, what a
 * GitHub-hosted runner typically spends) and added to the detached total.
 */
import { performance } from 'node:perf_hooks'
import { adaptiveSchedule } from '../src/adapters/orchestrators/poll.js'
import { collect } from '../src/app/collect.js'
import { runWorkflow } from '../src/app/run-workflow.js'
import {
  argoSpec,
  context,
  kfpSpec,
  ports,
  request,
  startWorld,
  submitDetached,
  TOKEN,
  type Kind
} from '../test/collect/world.js'
import { noticeOf, pollTimes, seeded } from './orchestrator-polling.js'

export const TRAINING_SECONDS = 3600
/** Set up job + checkout + action download on a GitHub-hosted runner, per job (an assumption). */
export const JOB_OVERHEAD_SECONDS = 8
const REPEAT = 5

export interface DetachedResult {
  kind: Kind
  submitSeconds: number
  collectSeconds: number
  detachedRunnerSeconds: number
  attachedRunnerSeconds: number
}

const quietLog = {
  info: () => {},
  debug: () => {},
  warning: () => {},
  error: () => {},
  group: <T>(_: string, fn: () => Promise<T>) => fn(),
  secret: () => {}
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await fn()
  return (performance.now() - start) / 1000
}

/** Attached: the runner is held until the wait notices the end (our schedule, fake clock). */
async function attachedSeconds(kind: Kind): Promise<number> {
  if (kind === 'argo') return TRAINING_SECONDS // the event stream notices the end as it happens
  const horizon = (TRAINING_SECONDS + 60) * 1000
  const delays: number[] = []
  for (let seed = 1; seed <= 50; seed++) {
    const times = await pollTimes(adaptiveSchedule({ random: seeded(seed) }), horizon)
    delays.push(noticeOf(times, TRAINING_SECONDS * 1000 + seed * 97).delayMs / 1000)
  }
  return TRAINING_SECONDS + delays.reduce((a, b) => a + b, 0) / delays.length
}

async function benchKind(kind: Kind): Promise<DetachedResult> {
  const submits: number[] = []
  const collects: number[] = []
  for (let i = 0; i < REPEAT; i++) {
    const world = await startWorld(kind)
    try {
      // The submit step: the submission and the step's own work, nothing waited for.
      submits.push(
        await timed(() =>
          runWorkflow({
            config: world.config,
            environment: 'development',
            workflowKey: 'train',
            wait: false,
            context: { ...context, runId: String(7000 + i) },
            log: quietLog,
            orchestrator: { env: { ORCH_TOKEN: TOKEN }, pollScale: 0.01 }
          })
        )
      )
      // The run the collector finds (detached labels), ended an hour later.
      const { runId } = await submitDetached(world)
      world.finishRuns()
      collects.push(
        await timed(async () => {
          const result = await collect(request(world, { cluster: 'dev', runId }), ports(world))
          if (!result.ok || result.runs[0]?.outcome !== 'collected')
            throw new Error(`bench: the collection failed: ${JSON.stringify(result.runs)}`)
        })
      )
    } finally {
      await world.close()
    }
  }
  const submitSeconds = median(submits)
  const collectSeconds = median(collects)
  return {
    kind,
    submitSeconds,
    collectSeconds,
    detachedRunnerSeconds: submitSeconds + collectSeconds + JOB_OVERHEAD_SECONDS * 2,
    attachedRunnerSeconds: (await attachedSeconds(kind)) + submitSeconds
  }
}

export async function benchDetached(): Promise<DetachedResult[]> {
  const kinds = (['argo', 'kfp', 'mlrun'] as Kind[]).filter(kind =>
    kind === 'argo' ? !!argoSpec : kind === 'kfp' ? !!kfpSpec : true
  )
  const results: DetachedResult[] = []
  for (const kind of kinds) results.push(await benchKind(kind))
  return results
}

export function detachedTable(results: DetachedResult[]): string {
  const rows = results.map(r => [
    r.kind,
    `${r.submitSeconds.toFixed(2)} s`,
    `${r.collectSeconds.toFixed(2)} s`,
    `${r.detachedRunnerSeconds.toFixed(1)} s`,
    `${r.attachedRunnerSeconds.toFixed(0)} s`
  ])
  const header = [
    'cluster',
    'submit step',
    'collect (one run)',
    `detached total (+ ${JOB_OVERHEAD_SECONDS * 2} s job overhead)`,
    'attached (runner held)'
  ]
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')
  return [line(header), line(widths.map(w => '-'.repeat(w))), ...rows.map(line)].join('\n')
}
