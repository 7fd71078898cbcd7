import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ConfigurationError } from '../../core/errors.js'
import type { ClusterConfig } from '../../core/config/schema.js'
import type { ResolvedOptions } from './options.js'
import { isTerminal, stopRun } from './poll.js'
import { mergeResults, parseSteps } from './states.js'
import {
  LABEL_ATTEMPT,
  LABEL_RUN,
  CancelFailedError,
  LABEL_SUBMISSION,
  type FoundRun,
  type Orchestrator,
  type RunIdentity,
  type RunStatus,
  type SubmissionRun,
  type SubmitRequest,
  type SubmittedRun,
  type WaitOptions
} from './types.js'

type CommandCluster = Extract<ClusterConfig, { kind: 'command' }>

/** How long a cancelled command gets to stop after SIGTERM before SIGKILL. */
const KILL_GRACE_MS = 5000
const STDERR_TAIL_LINES = 20

interface LocalRun {
  runId: string
  runKey: string
  submission: string
  attempt: number
  child: ChildProcess
  resultsFile: string
  tempDir: string
  startedAt: string
  finishedAt?: string
  exit: Promise<void>
  exitCode?: number | null
  exitSignal?: NodeJS.Signals | null
  spawnError?: Error
  cancelled: boolean
  stderrTail: string[]
  final?: RunStatus
}

/** Name of the per-argument variable: `learning-rate` -> PROMOTE_ARG_LEARNING_RATE. */
export function argumentEnvName(name: string): string {
  return `PROMOTE_ARG_${name.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}`
}

function argumentValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** The run id of a command run names its process, so the post step can stop it. */
export function commandRunId(pid: number): string {
  return `pid-${pid}`
}

export function pidOf(runId: string): number | undefined {
  const match = /^pid-(\d+)$/.exec(runId)
  return match ? Number(match[1]) : undefined
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Signals the whole process tree: the command runs in its own process group. */
function killTree(pid: number, signal: NodeJS.Signals): void {
  try {
    if (process.platform === 'win32') {
      spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore' })
    } else {
      process.kill(-pid, signal)
    }
  } catch {
    try {
      process.kill(pid, signal)
    } catch {
      // Already gone.
    }
  }
}

/**
 * Runs a command line on this machine (the runner or a laptop): `python project_run.py
 * --workflow-name train`, `argo submit --wait ...`. Arguments arrive as PROMOTE_ARGUMENTS (JSON)
 * and PROMOTE_ARG_<NAME>; the command may write {"results": {...}, "steps": [...]} (or a plain
 * object of results) to the file named by PROMOTE_RESULTS_FILE.
 */
export class CommandOrchestrator implements Orchestrator {
  readonly kind = 'command' as const
  private readonly runs = new Map<string, LocalRun>()

  constructor(
    private readonly cluster: CommandCluster,
    private readonly options: ResolvedOptions
  ) {}

  async submit(request: SubmitRequest): Promise<SubmittedRun> {
    const command = request.command
    if (!command || (Array.isArray(command) && command.length === 0)) {
      throw new ConfigurationError(
        `workflow '${request.workflow}' runs on a command cluster, so it needs a command (workflows.${request.workflow}.command)`
      )
    }
    const tempDir = mkdtempSync(join(this.options.env.RUNNER_TEMP || tmpdir(), 'promote-run-'))
    const resultsFile = join(tempDir, 'results.json')
    const env: NodeJS.ProcessEnv = { ...this.options.env, ...this.cluster.env }
    for (const [name, value] of Object.entries(request.arguments))
      env[argumentEnvName(name)] = argumentValue(value)
    Object.assign(env, {
      PROMOTE_ARGUMENTS: JSON.stringify(request.arguments),
      PROMOTE_RESULTS_FILE: resultsFile,
      PROMOTE_WORKFLOW: request.workflow,
      PROMOTE_PROJECT: request.project,
      PROMOTE_RUN_KEY: request.labels[LABEL_RUN] ?? '',
      PROMOTE_SUBMISSION: request.labels[LABEL_SUBMISSION] ?? '',
      PROMOTE_ATTEMPT: request.labels[LABEL_ATTEMPT] ?? '1'
    })
    const cwd = resolve(this.options.cwd, this.cluster.cwd ?? '.')
    const detached = process.platform !== 'win32'
    // A string is a shell command line (as typed in a README); an array is exec'd as is.
    const child =
      typeof command === 'string'
        ? spawn(command, { cwd, env, shell: true, detached, stdio: ['ignore', 'pipe', 'pipe'] })
        : spawn(command[0]!, command.slice(1), {
            cwd,
            env,
            detached,
            stdio: ['ignore', 'pipe', 'pipe']
          })

    const run: LocalRun = {
      runId: '',
      runKey: request.labels[LABEL_RUN] ?? '',
      submission: request.labels[LABEL_SUBMISSION] ?? '',
      attempt: Number(request.labels[LABEL_ATTEMPT] ?? 1),
      child,
      resultsFile,
      tempDir,
      startedAt: new Date().toISOString(),
      exit: Promise.resolve(),
      cancelled: false,
      stderrTail: []
    }
    run.exit = new Promise<void>(done => {
      child.on('error', error => {
        run.spawnError = error
        run.finishedAt = new Date().toISOString()
        done()
      })
      child.on('close', (code, signal) => {
        run.exitCode = code
        run.exitSignal = signal
        run.finishedAt = new Date().toISOString()
        done()
      })
    })
    this.stream(child.stdout!, line => this.options.log.info(line))
    this.stream(child.stderr!, line => {
      this.options.log.info(line)
      run.stderrTail.push(line)
      if (run.stderrTail.length > STDERR_TAIL_LINES) run.stderrTail.shift()
    })
    // A spawn failure (no such cwd, no such program) surfaces on the next tick.
    await new Promise(setImmediate)
    run.runId = child.pid !== undefined ? commandRunId(child.pid) : `failed-${Date.now()}`
    this.runs.set(run.runId, run)
    return { runId: run.runId, adopted: false }
  }

  private stream(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
    let buffer = ''
    stream.setEncoding('utf8')
    stream.on('data', (chunk: string) => {
      buffer += chunk
      const lines = buffer.split(/\r?\n/)
      buffer = lines.pop() ?? ''
      for (const line of lines) onLine(line)
    })
    stream.on('end', () => {
      if (buffer) onLine(buffer)
      buffer = ''
    })
  }

  async getStatus(runId: string): Promise<RunStatus> {
    const run = this.runs.get(runId)
    if (!run) {
      // Another process started it (the post step asks about the main step's command).
      const pid = pidOf(runId)
      const running = pid !== undefined && alive(pid)
      return {
        runId,
        state: running ? 'running' : 'cancelled',
        rawState: running ? 'running' : 'gone',
        steps: [],
        results: {}
      }
    }
    if (run.final) return run.final
    if (!run.finishedAt) {
      return {
        runId,
        state: 'running',
        rawState: 'running',
        startedAt: run.startedAt,
        steps: [],
        results: {}
      }
    }
    run.final = this.finalStatus(run)
    rmSync(run.tempDir, { recursive: true, force: true })
    return run.final
  }

  private finalStatus(run: LocalRun): RunStatus {
    const base = { runId: run.runId, startedAt: run.startedAt, finishedAt: run.finishedAt! }
    if (run.spawnError) {
      const error = `could not start the command: ${run.spawnError.message}`
      return { ...base, state: 'failed', rawState: 'spawn-error', error, steps: [], results: {} }
    }
    let results: Record<string, unknown> = {}
    let steps: RunStatus['steps'] = []
    let resultsError: string | undefined
    let text: string | undefined
    try {
      text = readFileSync(run.resultsFile, 'utf8')
    } catch {
      // The command wrote no results: fine.
    }
    if (text !== undefined && text.trim() !== '') {
      try {
        const parsed = JSON.parse(text) as unknown
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
          throw new Error('expected a JSON object')
        const record = parsed as Record<string, unknown>
        if ('results' in record || 'steps' in record) {
          steps = parseSteps(record.steps)
          const own =
            record.results && typeof record.results === 'object'
              ? (record.results as Record<string, unknown>)
              : {}
          results = mergeResults(steps, own)
        } else {
          results = record
        }
      } catch (error) {
        resultsError = `the results file (PROMOTE_RESULTS_FILE) is not valid: ${(error as Error).message}`
      }
    }
    const signal = run.exitSignal
    const code = run.exitCode
    const state = run.cancelled ? 'cancelled' : code === 0 && !resultsError ? 'succeeded' : 'failed'
    const rawState = signal ? `killed by ${signal}` : `exit ${code}`
    let error: string | undefined
    if (state === 'failed') {
      error =
        resultsError && code === 0
          ? resultsError
          : [
              `the command exited with ${signal ? `signal ${signal}` : `code ${code}`}`,
              ...run.stderrTail.slice(-5)
            ].join('\n')
    }
    if (steps.length === 0)
      steps = [
        {
          name: 'command',
          state,
          rawState,
          results,
          startedAt: run.startedAt,
          finishedAt: run.finishedAt!
        }
      ]
    return { ...base, state, rawState, ...(error && { error }), steps, results }
  }

  async wait(runId: string, options: WaitOptions): Promise<RunStatus> {
    const run = this.runs.get(runId)
    if (!run) throw new Error(`unknown command run ${runId}`)
    const stopSleep = new AbortController()
    const timer = this.options.timerClock.sleep(options.timeoutMs, stopSleep.signal).then(
      () => 'timeout' as const,
      () => 'stopped' as const
    )
    const aborted = new Promise<'abort'>(done => {
      if (options.signal?.aborted) done('abort')
      options.signal?.addEventListener('abort', () => done('abort'), { once: true })
    })
    const outcome = await Promise.race([run.exit.then(() => 'exit' as const), timer, aborted])
    stopSleep.abort()
    if (outcome === 'exit') {
      const status = await this.getStatus(runId)
      options.onStatus?.(status)
      return status
    }
    return stopRun(
      outcome === 'timeout' ? 'timeout' : 'abort',
      () => this.cancel(runId),
      await this.getStatus(runId),
      options.timeoutMs
    )
  }

  async cancel(runId: string): Promise<RunStatus> {
    const run = this.runs.get(runId)
    const pid = run?.child.pid ?? pidOf(runId)
    if (pid === undefined || run?.finishedAt || (!run && !alive(pid))) return this.getStatus(runId)
    if (run) run.cancelled = true
    killTree(pid, 'SIGTERM')
    const exited = run ? run.exit.then(() => true) : this.waitGone(pid)
    // The grace timer stops as soon as the command exits: a pending timer would hold this
    // process open for the rest of it.
    const stopGrace = new AbortController()
    const graceOver = this.options.clock.sleep(KILL_GRACE_MS, stopGrace.signal).then(
      () => false,
      () => true
    )
    const stopped = await Promise.race([exited, graceOver])
    stopGrace.abort()
    if (!stopped) {
      killTree(pid, 'SIGKILL')
      if (run) await run.exit
      else await this.waitGone(pid)
    }
    const status = await this.getStatus(runId)
    if (!isTerminal(status))
      throw new CancelFailedError(runId, `process ${pid} is still running after SIGKILL`, status)
    return status
  }

  private async waitGone(pid: number): Promise<boolean> {
    for (let i = 0; i < 100 && alive(pid); i++) await new Promise(done => setTimeout(done, 50))
    return !alive(pid)
  }

  runUrl(): string | undefined {
    return undefined
  }

  /** Only this process's runs can be found: a command run does not outlive its job. */
  async findRuns(identity: RunIdentity): Promise<FoundRun[]> {
    const found: FoundRun[] = []
    for (const run of this.runs.values()) {
      if (run.runKey !== identity.key || run.submission !== identity.submission) continue
      found.unshift({
        runId: run.runId,
        state: (await this.getStatus(run.runId)).state,
        attempt: run.attempt
      })
    }
    return found
  }

  /**
   * A command run is a child of the process that started it and ends with it: nothing outlives
   * the step for a collector to find.
   */
  listSubmissions(): Promise<SubmissionRun[]> {
    return Promise.resolve([])
  }

  async describeRun(runId: string): Promise<SubmissionRun | undefined> {
    for (const run of this.runs.values()) {
      if (run.runId !== runId) continue
      return {
        runId,
        key: run.runKey,
        submission: run.submission,
        state: (await this.getStatus(runId)).state,
        labels: {
          [LABEL_RUN]: run.runKey,
          [LABEL_SUBMISSION]: run.submission,
          [LABEL_ATTEMPT]: String(run.attempt)
        },
        annotations: {},
        createdAt: run.startedAt
      }
    }
    return undefined
  }
}
