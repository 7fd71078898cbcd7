import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { LocalLedger, DEFAULT_LEDGER_PATH } from '../adapters/deployments/ledger.js'
import { liveDeployment, shortHash } from '../app/history.js'
import { loadConfig } from '../core/config/load.js'
import { ConfigurationError } from '../core/errors.js'
import { formatValue, renderText, type Report } from '../core/report.js'
import type { CliContext } from './command.js'
import { cancellable } from './signals.js'

/**
 * `promote demo`: copies examples/quickstart into a temporary git repository and plays the whole
 * promotion flow with the promote CLI itself (each step is `promote <command> --json` in that
 * repository, a separate process, exactly what a person would type): train, export, validate,
 * deploy to development, staging (approval asked at the terminal) and production, a second
 * challenger, a worse one stopped by the gates, and a rollback. Each step prints one line with its
 * key fact, read from the command's --json document; a step that goes wrong prints the command's
 * whole output. Every model server it started is stopped at the end, also on failure or Ctrl-C.
 */

const MODEL = 'heart-classifier'
/** A row of the quickstart test set with a clear answer (three vessels, angina, low max rate). */
const PROBE_ROW = [67, 1, 0, 160, 286, 0, 0, 108, 1, 1.5, 1, 3, 2]
const STEP_TIMEOUT_MS = 120_000
const QUESTION_END = '(yes/no) '

export interface DemoOptions {
  /** Approve every deployment without asking. */
  yes: boolean
  /** Keep the temporary repository. */
  keep: boolean
  /** Use this (new or empty) directory instead of a temporary one. */
  dir?: string
}

export interface DeployedRow {
  environment: string
  branch: string
  deployment: string
  version: string
  accuracy: string
  endpoint: string
  answers: string
}

export interface DemoStep {
  title: string
  command: string
  outcome: string
  /** Time the step took, without the time its question waited for an answer. */
  seconds: number
}

export interface DemoResult {
  ok: boolean
  dir: string
  deployed: DeployedRow[]
  steps: DemoStep[]
  /** The whole demo, without the time spent answering questions. */
  seconds: number
  /** Time spent at the approval questions (human think time). */
  answeringSeconds: number
}

class DemoStopped extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DemoStopped'
  }
}

/** What one `promote` step printed, and its --json document when it wrote one. */
interface ChildRun {
  code: number
  stdout: string
  stderr: string
  /** Time between a question appearing and the command going on (the person answering). */
  answeringMs: number
  // The documents differ per command: the fact functions below read the keys docs/cli.md lists.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any
}

/** The directory holding examples/quickstart: above this module (the repo or the npm package), or above cwd. */
export function findExamplesRoot(starts: string[]): string {
  for (const start of starts) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'examples', 'quickstart', 'promote.yaml'))) return dir
      if (dirname(dir) === dir) break
    }
  }
  throw new ConfigurationError(
    `promote demo: cannot find examples/quickstart above ${starts.join(' or ')}`
  )
}

/**
 * The CLI the steps run: the script this process was started with when it is the bundle or
 * bin/promote.js (a bundle's chunk cannot be started on its own), else bin/promote.js of the
 * installation (running from the TypeScript sources).
 */
function cliEntry(root: string): string {
  const script = process.argv[1]
  if (script && /\.(c|m)?js$/.test(script) && existsSync(script)) return script
  const bin = join(root, 'bin', 'promote.js')
  if (!existsSync(join(root, 'dist', 'cli', 'index.js'))) {
    throw new ConfigurationError(
      'promote demo: dist/cli/index.js is missing; run npm run build -- cli first'
    )
  }
  return bin
}

function childEnv(env: NodeJS.ProcessEnv, user: string): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(env)) {
    // Nothing of a surrounding runner or command step leaks into the demo's own runs.
    if (key.startsWith('GITHUB_') || key.startsWith('INPUT_') || key.startsWith('STATE_')) continue
    if (key.startsWith('PROMOTE_') && key !== 'PROMOTE_DEBUG') continue
    if (key === 'GIT_DIR' || key === 'GIT_WORK_TREE' || key === 'GIT_INDEX_FILE') continue
    clean[key] = value
  }
  return { ...clean, PROMOTE_USER: user, GIT_TERMINAL_PROMPT: '0' }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

function metric(value: unknown): string {
  return typeof value === 'number' ? formatValue(value) : '—'
}

function lastLine(text: string): string {
  return (
    text
      .split('\n')
      .map(line => line.trim())
      .filter(Boolean)
      .at(-1) ?? ''
  )
}

/** The command's output with a gutter, for a step that went wrong. */
function gutter(text: string): string {
  return text
    .replace(/\n+$/, '')
    .split('\n')
    .map(line => `  │ ${line}`.trimEnd())
    .join('\n')
}

// The key fact of each kind of step, from its --json document (docs/cli.md).

function trainFact(run: ChildRun, ms: number): string {
  const { runId, state, results = {} } = run.json ?? {}
  return `run ${runId} ${state} in ${seconds(ms)} · version ${results.model_version ?? '—'} · accuracy ${metric(results.accuracy)} · f1 ${metric(results.f1)}`
}

function checkFact(run: ChildRun, ms: number, expectFail: boolean): string {
  const document = run.json ?? {}
  if (expectFail) {
    const failures: string[] = document.gates?.failures ?? []
    const more = failures.length > 1 ? ` (and ${failures.length - 1} more)` : ''
    return `stopped by the gates in ${seconds(ms)}, as it should be: ${failures[0] ?? lastLine(run.stderr)}${more}`
  }
  const checks: Array<{ name: string; verdict: string }> = document.checks ?? []
  const passed = checks.filter(c => c.verdict === 'pass').map(c => c.name)
  const champion = document.champion
    ? `compared with the champion ${document.champion.source}`
    : 'no champion yet: thresholds only'
  return `${passed.join(', ')} passed in ${seconds(ms)} · accuracy ${metric(document.challenger?.metrics?.accuracy)} · ${champion}`
}

function deployFact(run: ChildRun, ms: number): string {
  const document = run.json ?? {}
  const smoke = document.smokeTest?.values ?? {}
  const results = document.results ?? {}
  // The quickstart's tester reports microseconds.
  const latency =
    typeof results.avg_latency === 'number'
      ? `, mean latency ${(results.avg_latency / 1000).toFixed(1)} ms`
      : ''
  const restores = document.rollbackOf
  return [
    `deployment #${document.deploymentId}${restores !== null && restores !== undefined ? ` restores #${restores}` : ''} ${document.status} in ${seconds(ms)}`,
    `version ${document.model?.version ?? results.model_version ?? '—'}`,
    `smoke test ${smoke.total_tests ?? '—'} requests, ${smoke.errors ?? '—'} errors${latency}`,
    ...(document.environmentUrl ? [document.environmentUrl] : [])
  ].join(' · ')
}

function historyFact(run: ChildRun, ms: number): string {
  const rows: Array<{ id: string; state: string; version: string; note: string }> = Array.isArray(
    run.json
  )
    ? run.json
    : []
  const live = rows.find(row => row.state === 'success')
  return `${rows.length} deployments in ${seconds(ms)}${live ? ` · live: #${live.id}, version ${live.version}${live.note ? ` (${live.note})` : ''}` : ''}`
}

export async function runDemo(options: DemoOptions, context: CliContext): Promise<DemoResult> {
  const started = Date.now()
  const out = context.stdout
  const say = (text = '') => out.write(`${text}\n`)
  const root = findExamplesRoot([dirname(fileURLToPath(import.meta.url)), context.cwd])
  const bin = cliEntry(root)
  const interactive = context.stdin.isTTY === true
  if (!options.yes && !interactive) {
    throw new ConfigurationError(
      'promote demo asks you to approve the staging and production deployments, and there is no terminal to ask: run it in a terminal, or pass --yes'
    )
  }
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' })
  } catch {
    throw new ConfigurationError(
      'promote demo needs git on the PATH (it plays the flow in a git repository)'
    )
  }

  let dir: string
  if (options.dir) {
    dir = resolve(context.cwd, options.dir)
    if (existsSync(dir) && readdirSync(dir).length > 0)
      throw new ConfigurationError(`--dir ${options.dir}: the directory is not empty`)
    mkdirSync(dir, { recursive: true })
  } else {
    dir = mkdtempSync(join(context.env.TMPDIR || tmpdir(), 'promote-demo-'))
  }
  const user = 'demo@promote.local'
  const env = childEnv(context.env, user)
  const result: DemoResult = {
    ok: false,
    dir,
    deployed: [],
    steps: [],
    seconds: 0,
    answeringSeconds: 0
  }
  let answeringMs = 0
  let current: ChildProcess | undefined
  let stopped = false

  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] })

  /**
   * Runs `promote <args>` in the demo repository. A question the command asks (an approval) is
   * shown here as it comes, and answered at this terminal (the command's stdin is the terminal).
   */
  const promote = (args: string[], asks: boolean): Promise<ChildRun> => {
    if (stopped) return Promise.reject(new DemoStopped('interrupted'))
    return new Promise((resolvePromise, reject) => {
      const child = spawn(process.execPath, [bin, ...args], {
        cwd: dir,
        env,
        stdio: [asks && !options.yes ? 'inherit' : 'ignore', 'pipe', 'pipe']
      })
      current = child
      const run: ChildRun = { code: 1, stdout: '', stderr: '', answeringMs: 0, json: undefined }
      let askedAt: number | undefined
      const answered = () => {
        if (askedAt === undefined) return
        run.answeringMs += Date.now() - askedAt
        askedAt = undefined
      }
      child.stdout!.on('data', chunk => {
        answered()
        run.stdout += chunk
      })
      child.stderr!.on('data', chunk => {
        answered()
        const text = String(chunk)
        run.stderr += text
        // With --json the question goes to the command's stderr: show it, and time the answer.
        if (asks && !options.yes && run.stderr.endsWith(QUESTION_END)) {
          out.write(`  ? ${run.stderr.slice(run.stderr.lastIndexOf('\n') + 1)}`)
          askedAt = Date.now()
        }
      })
      const timer = setTimeout(() => child.kill('SIGTERM'), STEP_TIMEOUT_MS)
      child.on('error', reject)
      child.on('close', (code, signal) => {
        answered()
        clearTimeout(timer)
        current = undefined
        if (stopped) return reject(new DemoStopped('interrupted'))
        run.code = code ?? (signal ? 128 : 1)
        const jsonLine = run.stdout.trim().split('\n').at(-1) ?? ''
        try {
          run.json =
            jsonLine.startsWith('{') || jsonLine.startsWith('[') ? JSON.parse(jsonLine) : undefined
        } catch {
          run.json = undefined
        }
        resolvePromise(run)
      })
    })
  }

  let stepNumber = 0
  const TOTAL_STEPS = 17
  /** One step of the story: one line with its key fact, or the command's output if it went wrong. */
  const step = async (
    title: string,
    args: string[],
    fact: (run: ChildRun, ms: number) => string,
    { expect = 'pass', asks = false }: { expect?: 'pass' | 'fail'; asks?: boolean } = {}
  ) => {
    stepNumber++
    const label = `${String(stepNumber).padStart(2)}/${TOTAL_STEPS} ${title}`
    const t0 = Date.now()
    const run = await promote(args, asks)
    answeringMs += run.answeringMs
    const ms = Date.now() - t0 - run.answeringMs
    const passed = run.code === 0
    const outcome = passed ? 'passed' : `failed (exit ${run.code})`
    result.steps.push({
      title,
      command: `promote ${args[0]}`,
      outcome: expect === 'fail' && !passed ? `${outcome}, as expected` : outcome,
      seconds: ms / 1000
    })
    if (passed !== (expect === 'pass')) {
      say(`✗ ${label}: ${passed ? 'passed, but the demo expected it to fail' : outcome}`)
      say(`  $ promote ${args.map(a => (/[\s"']/.test(a) ? JSON.stringify(a) : a)).join(' ')}`)
      const output = [run.stderr, run.json === undefined ? run.stdout : ''].join('\n').trim()
      if (output) say(gutter(output))
      throw new DemoStopped(
        `step ${stepNumber} (${title}) ${passed ? 'unexpectedly passed' : `failed: ${lastLine(run.stderr)}`}`
      )
    }
    say(`✓ ${label}  ${fact(run, ms)}`)
  }

  const train = (title: string, extra: string[] = []) =>
    step(
      title,
      ['run', '--workflow', 'train', '--env', 'development', '--json', ...extra],
      trainFact
    )
  const exportChallenger = async (label: string) => {
    const manifest = `artifacts/${MODEL}:challenger.yaml`
    await step(
      `Export ${label} as the challenger`,
      ['export', '--model-uri', `models:/${MODEL}@latest`, '--yes'],
      (_run, ms) => `wrote ${manifest} in ${seconds(ms)}, committed on development`
    )
    git('add', 'artifacts')
    git('commit', '-q', '-m', `Export ${label} as the challenger`)
  }
  /** The first check also runs the repository's lint and tests, as lint-test does on every PR. */
  const validate = (title: string, expect: 'pass' | 'fail' = 'pass', withTests = false) =>
    step(
      title,
      [
        'validate',
        '--env',
        'development',
        '--json',
        ...(withTests ? ['--lint', 'node scripts/lint.mjs', '--test', 'node --test'] : [])
      ],
      (run, ms) => checkFact(run, ms, expect === 'fail'),
      { expect }
    )
  const deployTo = async (environment: string, branch: string, from: string | undefined) => {
    if (from) {
      git('checkout', '-q', branch)
      git('merge', '-q', '--no-ff', '-m', `Merge ${from} into ${branch}`, from)
    }
    const asks = environment !== 'development'
    await step(
      `Deploy to ${environment}${asks && options.yes ? ' (approved with --yes)' : ''}`,
      ['deploy', '--env', environment, '--json', ...(options.yes ? ['--yes'] : [])],
      deployFact,
      { asks }
    )
  }

  let failure: unknown
  try {
    await cancellable(
      signal => {
        say(
          `\n${signal === 'SIGINT' ? 'Interrupted' : `Got ${signal}`}: stopping the demo and its model servers...`
        )
        stopped = true
        current?.kill(signal)
      },
      async () => {
        say(
          'promote demo: the promotion flow of promote-actions, played with the promote CLI on examples/quickstart'
        )
        say(`in ${dir} (a fresh git repository: branches development, staging and main).`)
        say()
        cpSync(join(root, 'examples', 'quickstart'), dir, {
          recursive: true,
          filter: source => !/[\\/](\.promote|out|data|node_modules)$/.test(source)
        })
        git('init', '-q')
        git('symbolic-ref', 'HEAD', 'refs/heads/main')
        git('config', 'user.name', 'promote demo')
        git('config', 'user.email', user)
        git('config', 'commit.gpgsign', 'false')
        git('add', '-A')
        git('commit', '-q', '-m', 'Start from examples/quickstart')
        git('branch', 'staging')
        git('checkout', '-q', '-b', 'development')

        await train('Train a model on development')
        await exportChallenger('version 1')
        await validate('Check the challenger (lint, tests, config, gates)', 'pass', true)
        await deployTo('development', 'development', undefined)
        await deployTo('staging', 'staging', 'development')
        await deployTo('production', 'main', 'staging')

        git('checkout', '-q', 'development')
        await train('Train a second challenger (seed 3)', ['--arg', 'seed=3'])
        await exportChallenger('version 2')
        await validate('Check it against the champion')
        await deployTo('development', 'development', undefined)
        await deployTo('staging', 'staging', 'development')
        await deployTo('production', 'main', 'staging')

        git('checkout', '-q', 'development')
        await train('Train a worse challenger (2 epochs)', [
          '--arg',
          'epochs=2',
          '--arg',
          'learning_rate=0.005'
        ])
        await exportChallenger('version 3')
        await validate('Check it: the gates stop it', 'fail')

        git('checkout', '-q', 'main')
        await step(
          `Roll production back${options.yes ? ' (approved with --yes)' : ''}`,
          ['rollback', '--env', 'production', '--json', ...(options.yes ? ['--yes'] : [])],
          deployFact,
          { asks: true }
        )
        await step(
          'Show the production history',
          ['history', '--env', 'production', '--json'],
          historyFact
        )
        result.ok = true
      }
    )
  } catch (error) {
    failure = error
  }

  try {
    result.deployed = await deployedTable(dir)
  } catch (error) {
    context.stderr.write(
      `promote demo: could not read what is deployed: ${(error as Error).message}\n`
    )
  }
  const serversStopped = await stopServers(dir)
  result.answeringSeconds = answeringMs / 1000
  result.seconds = (Date.now() - started - answeringMs) / 1000
  const took =
    answeringMs > 0
      ? `${seconds(Date.now() - started - answeringMs)} (not counting ${seconds(answeringMs)} at the approval questions)`
      : seconds(Date.now() - started)
  const report: Report = {
    title: result.ok ? 'promote demo: the whole flow ran' : 'promote demo: stopped before the end',
    verdict: result.ok ? 'pass' : 'fail',
    facts: [
      ['Took', took],
      ['Repository', options.keep || options.dir ? dir : `${dir} (removed)`],
      ['Model servers stopped', String(serversStopped)]
    ],
    sections: [
      {
        title: 'What is deployed where',
        tables: [
          {
            columns: [
              'Environment',
              'Branch',
              'Deployment',
              'Model version',
              'Accuracy',
              'Endpoint',
              'Answers'
            ],
            rows: result.deployed.map(r => [
              r.environment,
              r.branch,
              r.deployment,
              r.version,
              r.accuracy,
              r.endpoint,
              r.answers
            ])
          }
        ]
      }
    ]
  }
  say()
  say(renderText(report))
  if (!options.keep && !options.dir) rmSync(dir, { recursive: true, force: true })
  else
    say(
      `\nThe repository is kept at ${dir} (its model servers are stopped; git log --all --graph there shows the flow).`
    )
  if (failure && !(failure instanceof DemoStopped)) throw failure
  if (failure) context.stderr.write(`promote demo: ${(failure as Error).message}\n`)
  return result
}

/** Environment by environment: the live deployment in the ledger and whether its server answers. */
async function deployedTable(dir: string): Promise<DeployedRow[]> {
  const config = await loadConfig(join(dir, 'promote.yaml'))
  const ledger = new LocalLedger(join(dir, DEFAULT_LEDGER_PATH))
  const rows: DeployedRow[] = []
  for (const [environment, env] of Object.entries(config.environments)) {
    const live = liveDeployment(await ledger.list(environment, { limit: 100 }))
    const server = readServer(dir, environment)
    let answers = 'no server'
    if (server) {
      try {
        const response = await fetch(`${server.url}/v2/models/${MODEL}/infer`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            inputs: [
              { name: 'input-0', shape: [1, PROBE_ROW.length], datatype: 'FP32', data: PROBE_ROW }
            ]
          }),
          signal: AbortSignal.timeout(3000)
        })
        const body = (await response.json()) as {
          model_version?: string
          outputs?: Array<{ name: string; data: number[] }>
        }
        const prediction = body.outputs?.find(o => o.name === 'predict')?.data[0]
        answers = response.ok
          ? `yes: version ${body.model_version}, predicts ${prediction}`
          : `HTTP ${response.status}`
      } catch (error) {
        answers = `no (${(error as Error).message})`
      }
    }
    rows.push({
      environment,
      branch: env.branch,
      deployment: live
        ? `#${live.id}${live.payload.rollbackOf !== undefined ? ` (rollback to #${live.payload.rollbackOf})` : ''}`
        : '—',
      version: live
        ? `${live.payload.modelVersion ?? '—'} (${shortHash(live.payload.contentHash)})`
        : '—',
      accuracy:
        live?.payload.metrics.accuracy !== undefined ? String(live.payload.metrics.accuracy) : '—',
      endpoint: server?.url ?? '—',
      answers
    })
  }
  return rows
}

interface ServerRecord {
  pid: number
  url: string
}

function readServer(dir: string, environment: string): ServerRecord | undefined {
  const file = join(dir, '.promote', 'servers', `${environment}.json`)
  if (!existsSync(file)) return undefined
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ServerRecord
  } catch {
    return undefined
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** True when `url` answers as a quickstart model server (so a reused pid is never signalled). */
async function isModelServer(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/v2`, { signal: AbortSignal.timeout(1000) })
    return (
      response.ok && ((await response.json()) as { name?: string }).name === 'promote-quickstart'
    )
  } catch {
    return false
  }
}

/** Stops every model server the demo's deploys recorded; returns how many were running. */
async function stopServers(dir: string): Promise<number> {
  const serversDir = join(dir, '.promote', 'servers')
  if (!existsSync(serversDir)) return 0
  let stopped = 0
  for (const name of readdirSync(serversDir).filter(n => n.endsWith('.json'))) {
    const server = readServer(dir, name.slice(0, -'.json'.length))
    if (!server || !alive(server.pid) || !(await isModelServer(server.url))) continue
    process.kill(server.pid, 'SIGTERM')
    for (let waited = 0; waited < 3000 && alive(server.pid); waited += 25)
      await new Promise(r => setTimeout(r, 25))
    if (alive(server.pid)) process.kill(server.pid, 'SIGKILL')
    stopped++
  }
  return stopped
}
