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
import { LocalLedger, DEFAULT_LEDGER_PATH } from '../../adapters/deployments/ledger.js'
import { liveDeployment, shortHash } from '../../app/history.js'
import { loadConfig } from '../../core/config/load.js'
import { ConfigurationError } from '../../core/errors.js'
import { renderText, type Report } from '../../core/report.js'
import { type CliCommand, type CliContext } from '../command.js'

/**
 * `promote demo`: copies examples/quickstart into a temporary git repository and plays the whole
 * promotion flow with the promote CLI itself (each step is `node bin/promote.js <command>` in
 * that repository, exactly what a person would type): train, export, validate, deploy to
 * development, staging (approval asked at the terminal) and production, a second challenger,
 * a worse one stopped by the gates, and a rollback. Every model server it started is stopped at
 * the end, also on failure or Ctrl-C.
 */

const MODEL = 'heart-classifier'
/** A row of the quickstart test set with a clear answer (three vessels, angina, low max rate). */
const PROBE_ROW = [67, 1, 0, 160, 286, 0, 0, 108, 1, 1.5, 1, 3, 2]
const STEP_TIMEOUT_MS = 120_000

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

export interface DemoResult {
  ok: boolean
  dir: string
  deployed: DeployedRow[]
  steps: Array<{ title: string; command: string; outcome: string; seconds: number }>
}

class DemoStopped extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DemoStopped'
  }
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
 * The CLI the steps run: this very bundle's CLI stub when running from one (this file is then a
 * chunk of dist/bundle/, whose stub dist/cli/index.js runs the CLI when executed), else
 * bin/promote.js of the installation (running from the TypeScript sources).
 */
function cliEntry(root: string): string {
  const self = fileURLToPath(import.meta.url)
  if (self.endsWith('.js')) return join(dirname(self), '..', 'cli', 'index.js')
  const bin = join(root, 'bin', 'promote.js')
  if (!existsSync(join(root, 'dist', 'cli', 'index.js'))) {
    throw new ConfigurationError(
      'promote demo: dist/cli/index.js is missing; run npm run build -- cli first'
    )
  }
  return bin
}

/** Writes child output with a gutter, also when a line (a prompt) arrives in pieces. */
function gutter(stream: NodeJS.WritableStream, prefix: string) {
  let atLineStart = true
  return (chunk: Buffer | string) => {
    const text = chunk.toString()
    let out = ''
    for (const char of text) {
      if (atLineStart) out += char === '\n' ? prefix.trimEnd() : prefix
      out += char
      atLineStart = char === '\n'
    }
    stream.write(out)
  }
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
  const result: DemoResult = { ok: false, dir, deployed: [], steps: [] }
  const abort = new AbortController()
  let current: ChildProcess | undefined
  const onSignal = (signal: NodeJS.Signals) => {
    out.write(
      `\n${signal === 'SIGINT' ? 'Interrupted' : `Got ${signal}`}: stopping the demo and its model servers...\n`
    )
    abort.abort()
    current?.kill(signal)
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)

  const git = (...args: string[]) => {
    say(`  $ git ${args.map(a => (/[\s"']/.test(a) ? JSON.stringify(a) : a)).join(' ')}`)
    execFileSync('git', args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] })
  }
  const quietGit = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] })

  const promote = (args: string[], asks = false): Promise<number> => {
    if (abort.signal.aborted) return Promise.reject(new DemoStopped('interrupted'))
    say(`  $ promote ${args.map(a => (/[\s"']/.test(a) ? JSON.stringify(a) : a)).join(' ')}`)
    return new Promise((resolvePromise, reject) => {
      const child = spawn(process.execPath, [bin, ...args], {
        cwd: dir,
        env,
        // An approval question is answered at this terminal.
        stdio: [asks && !options.yes ? 'inherit' : 'ignore', 'pipe', 'pipe']
      })
      current = child
      child.stdout!.on('data', gutter(out, '  │ '))
      child.stderr!.on('data', gutter(out, '  │ '))
      const timer = setTimeout(() => child.kill('SIGTERM'), STEP_TIMEOUT_MS)
      child.on('error', reject)
      child.on('close', (code, signal) => {
        clearTimeout(timer)
        current = undefined
        if (abort.signal.aborted) reject(new DemoStopped('interrupted'))
        else resolvePromise(code ?? (signal ? 128 : 1))
      })
    })
  }

  let stepNumber = 0
  const TOTAL_STEPS = 17
  /** One step of the story: what it shows, the command, and whether it must pass or fail. */
  const step = async (
    title: string,
    why: string,
    args: string[],
    expect: 'pass' | 'fail' = 'pass',
    asks = false
  ) => {
    stepNumber++
    say()
    say(`━━ Step ${stepNumber}/${TOTAL_STEPS} · ${title}`)
    for (const line of why.split('\n')) say(`  ${line}`)
    const t0 = Date.now()
    const code = await promote(args, asks)
    const seconds = (Date.now() - t0) / 1000
    const passed = code === 0
    const outcome = passed ? 'passed' : `failed (exit ${code})`
    result.steps.push({
      title,
      command: `promote ${args[0]}`,
      outcome: expect === 'fail' ? `${outcome}, as expected` : outcome,
      seconds
    })
    if (passed !== (expect === 'pass')) {
      say(`  ✖ ${title}: ${passed ? 'passed, but the demo expected it to fail' : outcome}`)
      throw new DemoStopped(
        `step ${stepNumber} (${title}) ${passed ? 'unexpectedly passed' : 'failed'}`
      )
    }
    say(
      `  ${expect === 'fail' ? '✔ stopped, as it should be' : '✔ done'} in ${seconds.toFixed(1)} s`
    )
  }

  const train = (title: string, why: string, extra: string[] = []) =>
    step(title, why, ['run', '--workflow', 'train', '--env', 'development', ...extra])
  const exportChallenger = async (label: string) => {
    await step(
      `Export ${label} as the challenger`,
      `Writes the registry's metadata of the newest version to artifacts/${MODEL}:challenger.yaml, which is what a PR carries.`,
      ['export', '--model-uri', `models:/${MODEL}@latest`, '--yes']
    )
    git('add', 'artifacts')
    git('commit', '-q', '-m', `Export ${label} as the challenger`)
  }
  /** The first check also runs the repository's lint and tests, as lint-test does on every PR. */
  const validate = (
    title: string,
    why: string,
    expect: 'pass' | 'fail' = 'pass',
    withTests = false
  ) =>
    step(
      title,
      why,
      [
        'validate',
        '--env',
        'development',
        ...(withTests ? ['--lint', 'node scripts/lint.mjs', '--test', 'node --test tests/'] : [])
      ],
      expect
    )

  const deployTo = async (
    environment: string,
    branch: string,
    from: string | undefined,
    why: string
  ) => {
    if (from) {
      git('checkout', '-q', branch)
      git('merge', '-q', '--no-ff', '-m', `Merge ${from} into ${branch}`, from)
    }
    const approval =
      environment === 'development'
        ? ''
        : options.yes
          ? ' (approved with --yes)'
          : ' (you approve it below)'
    await step(
      `Deploy to ${environment}${approval}`,
      why,
      ['deploy', '--env', environment, ...(options.yes ? ['--yes'] : [])],
      'pass',
      environment !== 'development'
    )
  }

  let failure: unknown
  try {
    say(
      `promote demo: the promotion flow of promote-actions, played with the promote CLI on examples/quickstart.`
    )
    say(`Repository: ${dir} (a fresh git repository: branches development, staging and main).`)
    cpSync(join(root, 'examples', 'quickstart'), dir, {
      recursive: true,
      filter: source => !/[\\/](\.promote|out|data|node_modules)$/.test(source)
    })
    quietGit('init', '-q')
    quietGit('symbolic-ref', 'HEAD', 'refs/heads/main')
    quietGit('config', 'user.name', 'promote demo')
    quietGit('config', 'user.email', user)
    quietGit('config', 'commit.gpgsign', 'false')
    quietGit('add', '-A')
    quietGit('commit', '-q', '-m', 'Start from examples/quickstart')
    quietGit('branch', 'staging')
    quietGit('checkout', '-q', '-b', 'development')

    await train(
      'Train a model on development',
      'Runs the `train` workflow of promote.yaml (node src/train.mjs, seed 7) on the `command` cluster: this machine.\nIt fits a logistic regression, logs accuracy/f1/precision/recall and registers version 1 in .promote/registry.'
    )
    await exportChallenger('version 1')
    await validate(
      'Check the challenger (what lint-test does on the PR)',
      'Runs the repository lint and tests, validates promote.yaml and the manifest, and applies the gates.\nThere is no champion yet (nothing on main), so only the absolute thresholds apply.',
      'pass',
      true
    )
    await deployTo(
      'development',
      'development',
      undefined,
      'Starts a V2 model server on loopback and smoke-tests it with rows of the test set; recorded in the local ledger.'
    )
    await deployTo(
      'staging',
      'staging',
      'development',
      'The PR to staging is merged. Staging requires approval; the same artifact must have succeeded on development first.'
    )
    await deployTo(
      'production',
      'main',
      'staging',
      'Staging is promoted to main. The deploy moves the champion tag in the registry to this version.'
    )

    git('checkout', '-q', 'development')
    await train(
      'Train a second challenger (seed 3)',
      'Another seed gives a slightly different model: version 2.',
      ['--arg', 'seed=3']
    )
    await exportChallenger('version 2')
    await validate(
      'Check it against the champion',
      `The champion is the manifest on main (version 1). The gates allow at most a small drop in accuracy and f1.`
    )
    await deployTo('development', 'development', undefined, 'Version 2 goes through the same path.')
    await deployTo('staging', 'staging', 'development', 'Merged into staging.')
    await deployTo(
      'production',
      'main',
      'staging',
      'Promoted to production: version 2 serves there now.'
    )

    git('checkout', '-q', 'development')
    await train(
      'Train a worse challenger',
      'Two epochs at a tiny learning rate: the model barely learns (version 3).',
      ['--arg', 'epochs=2', '--arg', 'learning_rate=0.005']
    )
    await exportChallenger('version 3')
    await validate(
      'Check it: the gates stop it',
      'Its accuracy is below the minimum and far below the champion: the PR check fails and nothing is deployed.',
      'fail'
    )

    git('checkout', '-q', 'main')
    await step(
      'Roll production back',
      'Say version 2 misbehaves in production: the rollback redeploys the previous successful deployment (version 1),\nread from the deployment record, and records a new deployment that says what it restored.',
      ['rollback', '--env', 'production', ...(options.yes ? ['--yes'] : [])],
      'pass',
      true
    )
    await step('Show the production history', 'Every deployment of production, newest first.', [
      'history',
      '--env',
      'production'
    ])
    result.ok = true
  } catch (error) {
    failure = error
  } finally {
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
  }

  try {
    result.deployed = await deployedTable(dir)
  } catch (error) {
    context.stderr.write(
      `promote demo: could not read what is deployed: ${(error as Error).message}\n`
    )
  }
  const stopped = await stopServers(dir)
  const report: Report = {
    title: result.ok ? 'promote demo: the whole flow ran' : 'promote demo: stopped before the end',
    verdict: result.ok ? 'pass' : 'fail',
    facts: [
      ['Repository', options.keep || options.dir ? dir : `${dir} (removed)`],
      ['Took', `${((Date.now() - started) / 1000).toFixed(1)} s`],
      ['Model servers stopped', String(stopped)]
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
      },
      {
        title: 'Steps',
        tables: [
          {
            columns: ['Step', 'Command', 'Outcome', 'Seconds'],
            rows: result.steps.map((s, i) => [
              `${i + 1}. ${s.title}`,
              s.command,
              s.outcome,
              s.seconds.toFixed(1)
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
      `\nThe repository is kept at ${dir} (its model servers are stopped; \`git log --all --graph\` shows the flow).`
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

export const command: CliCommand = {
  name: 'demo',
  summary: 'Play the whole promotion flow on examples/quickstart, on this machine',
  usage: '[--yes] [--keep] [--dir <new directory>]',
  options: {
    yes: { type: 'boolean', short: 'y' },
    keep: { type: 'boolean' },
    dir: { type: 'string' }
  },
  async run(values, _positionals, context) {
    const result = await runDemo(
      {
        yes: values.yes === true,
        keep: values.keep === true,
        ...(typeof values.dir === 'string' && values.dir !== '' && { dir: values.dir })
      },
      context
    )
    return result.ok ? 0 : 1
  }
}
