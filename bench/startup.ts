/**
 * Start-up and size of the shipped bundle (issue 15), measured on the built dist/ (run
 * `npm run build` first). Each timed row alternates with bare `node -e 0`, run for run, and is
 * reported as the ratio of the two medians, so a busy machine slows both alike. Printed: goal,
 * measured, pass or FAIL per row. `BENCH_RUNS` sets the runs per row (default 15); `BENCH_NODE`
 * names another node binary for the spawned rows (runners start actions with node24; the
 * in-process row always uses this process).
 */
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Writable } from 'node:stream'
import { main as cliMain } from '../src/cli/main.js'

const ROOT = join(import.meta.dirname, '..')
const DIST = join(ROOT, 'dist')
const ACTIONS = ['submit-train', 'submit-deploy', 'lint-test', 'notify'] as const
/** The real MLRun export the team shares (../shared); the validate rows need it. */
const MLRUN_EXPORT = join(ROOT, '..', 'shared', 'fixtures', 'mlrun-model-challenger.yaml')
const RUNS = Number(process.env.BENCH_RUNS) || 15
/** The node that runs the spawned rows, bare and with our code alike. */
export const BENCH_NODE = process.env.BENCH_NODE || process.execPath

export interface Row {
  name: string
  goal: string
  measured: string
  pass: boolean
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function timed(args: string[], cwd: string, env: NodeJS.ProcessEnv): { ms: number; code: number } {
  const started = process.hrtime.bigint()
  const result = spawnSync(BENCH_NODE, args, { cwd, env, stdio: 'ignore' })
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, code: result.status ?? -1 }
}

interface Command {
  name: string
  args: string[]
  cwd: string
  env: NodeJS.ProcessEnv
  /** The exit code the command must end with, or the row measures something else. */
  exitCode: number
  /** The goal; without one the row is reported only. */
  maxRatio?: number
}

/** Medians of the command and of bare node, run alternately, and their ratio. */
function ratioRow(command: Command): Row {
  const bare: number[] = []
  const own: number[] = []
  for (let run = 0; run < RUNS; run++) {
    bare.push(timed(['-e', '0'], command.cwd, command.env).ms)
    const result = timed(command.args, command.cwd, command.env)
    if (result.code !== command.exitCode)
      throw new Error(
        `${command.name}: exited ${result.code}, expected ${command.exitCode} (npm run build first?)`
      )
    own.push(result.ms)
  }
  const ratio = median(own) / median(bare)
  return {
    name: command.name,
    goal: command.maxRatio === undefined ? '(reported)' : `<= ${command.maxRatio}x bare node`,
    measured: `${ratio.toFixed(2)}x (${median(own).toFixed(0)} ms vs ${median(bare).toFixed(0)} ms)`,
    pass: command.maxRatio === undefined || ratio <= command.maxRatio
  }
}

/**
 * The chunks of dist/bundle/ a set of entries can load: the ids each entry of
 * dist/bundle/index.js asks for (`__nccwpck_require__.e(<id>)`), then the ids those chunks ask for
 * in turn, to the end. Static, so it bounds what a step loads from above.
 */
export function reachableChunks(entries: (name: string) => boolean): Set<string> {
  const bundle = join(DIST, 'bundle')
  const index = readFileSync(join(bundle, 'index.js'), 'utf8')
  const chunkIds = (text: string) => [...text.matchAll(/\.e\((\d+)\)/g)].map(m => m[1]!)
  const pending: string[] = []
  // One entry per line: `"submit-train": async () => (await Promise.all([...e(id)...]) ...`;
  // the CLI's spans the lines up to the next entry or the object's end. What index.js holds
  // outside the entries (the runtime, and shared code such as undici-deferred.ts) any step runs.
  const lines = index.split('\n')
  let shared = ''
  for (let at = 0; at < lines.length; at++) {
    const entry = /^"?([a-z][a-z-]*(?:\/post)?)"?: async \(\) =>/.exec(lines[at]!)
    if (!entry) {
      shared += lines[at]
      continue
    }
    let text = lines[at]!
    while (at + 1 < lines.length && !/^("?[a-z][a-z/-]*"?: async|\})/.test(lines[at + 1]!))
      text += lines[++at]
    if (entries(entry[1]!)) pending.push(...chunkIds(text))
  }
  pending.push(...chunkIds(shared))
  const seen = new Set<string>()
  while (pending.length) {
    const id = pending.pop()!
    if (seen.has(id)) continue
    seen.add(id)
    pending.push(...chunkIds(readFileSync(join(bundle, `${id}.index.js`), 'utf8')))
  }
  return seen
}

function sizeRows(): Row[] {
  const size = (path: string) => statSync(path).size
  // Everything dist/ ships as JavaScript: the shared bundle's chunks and the entry stubs.
  let all = 0
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (/\.c?js$/.test(name)) all += size(path)
    }
  }
  walk(DIST)
  // What the four actions can load: the bundle's runtime, their stubs, and every chunk reachable
  // from their entries (a chunk the CLI shares with them counted once; CLI-only chunks not).
  let actions = size(join(DIST, 'bundle', 'index.js'))
  for (const action of ACTIONS) {
    for (const stub of ['index.js', 'post.js']) {
      const path = join(DIST, action, stub)
      if (existsSync(path)) actions += size(path)
    }
  }
  for (const id of reachableChunks(name => name !== 'cli'))
    actions += size(join(DIST, 'bundle', `${id}.index.js`))
  // The yaml library, required (not imported) when a file needs its reference parse.
  actions += size(join(DIST, 'bundle', 'yaml.cjs'))
  return [
    {
      name: 'JavaScript the four actions can load',
      goal: '<= 3 MB',
      measured: `${(actions / 1e6).toFixed(2)} MB`,
      pass: actions / 1e6 <= 3
    },
    {
      name: 'JavaScript in dist/ (four actions + CLI)',
      goal: '(reported)',
      measured: `${(all / 1e6).toFixed(2)} MB`,
      pass: true
    }
  ]
}

/** A command cluster whose training does nothing: what is left is the step's own cost. */
const NO_OP_CONFIG = `project: bench
model: {name: model}
clusters:
  local: {kind: command}
environments:
  development: {branch: development, cluster: local}
workflows:
  train: {command: 'true'}
  deploy: {command: 'true'}
`

/** A runner's environment for a step in an empty workspace: no promote.yaml, no inputs. */
function runnerEnv(workspace: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(INPUT_|GITHUB_|STATE_|RUNNER_)/.test(key)) env[key] = value
  }
  const files = join(workspace, '.runner')
  mkdirSync(files, { recursive: true })
  for (const name of ['output', 'state', 'env', 'path', 'summary']) {
    writeFileSync(join(files, name), '')
  }
  writeFileSync(join(files, 'event.json'), '{}')
  return {
    ...env,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'acme/ml-project',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_EVENT_PATH: join(files, 'event.json'),
    GITHUB_OUTPUT: join(files, 'output'),
    GITHUB_STATE: join(files, 'state'),
    GITHUB_ENV: join(files, 'env'),
    GITHUB_PATH: join(files, 'path'),
    GITHUB_STEP_SUMMARY: join(files, 'summary'),
    RUNNER_TEMP: files
  }
}

/** A git repository with examples/mlrun's promote.yaml and the real MLRun export committed. */
function mlrunRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-validate-'))
  copyFileSync(join(ROOT, 'examples', 'mlrun', 'promote.yaml'), join(dir, 'promote.yaml'))
  mkdirSync(join(dir, 'artifacts'))
  copyFileSync(MLRUN_EXPORT, join(dir, 'artifacts', 'model:challenger.yaml'))
  const git = (...args: string[]) =>
    spawnSync('git', args, {
      cwd: dir,
      stdio: 'ignore',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'bench',
        GIT_AUTHOR_EMAIL: 'bench@example.invalid',
        GIT_COMMITTER_NAME: 'bench',
        GIT_COMMITTER_EMAIL: 'bench@example.invalid'
      }
    })
  git('init', '-q', '-b', 'master')
  git('add', '-A')
  git('commit', '-q', '-m', 'champion')
  return dir
}

// Champion from git only: the registry (an MLRun server) is not part of what is measured.
const VALIDATE_ARGS = ['validate', '--champion', 'git']

/** `promote validate` inside this process: the first call, and the median of the next ones. */
async function inProcessValidate(cwd: string): Promise<Row> {
  const sink = () =>
    new Writable({
      write: (_chunk, _encoding, done) => done()
    })
  const once = async () => {
    const started = process.hrtime.bigint()
    const code = await cliMain(VALIDATE_ARGS, {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdin: process.stdin,
      stdout: sink(),
      stderr: sink()
    })
    if (code !== 0) throw new Error(`promote validate exited ${code} in process`)
    return Number(process.hrtime.bigint() - started) / 1e6
  }
  const first = await once()
  const warm: number[] = []
  for (let run = 0; run < RUNS; run++) warm.push(await once())
  const ms = median(warm)
  return {
    name: 'promote validate, in process (MLRun export)',
    goal: '<= 20 ms',
    measured: `${ms.toFixed(1)} ms (first call ${first.toFixed(1)} ms)`,
    pass: ms <= 20
  }
}

export async function benchStartup(): Promise<Row[]> {
  const rows: Row[] = sizeRows()
  const workspace = mkdtempSync(join(tmpdir(), 'bench-start-'))
  const env = runnerEnv(workspace)
  for (const action of ACTIONS) {
    rows.push(
      ratioRow({
        name: `${action}: start, failing at once (no promote.yaml, no inputs)`,
        args: [join(DIST, action, 'index.js')],
        cwd: workspace,
        env,
        exitCode: 1,
        maxRatio: 1.5
      })
    )
  }
  // What a real step costs, next to the failing starts above: submit-train reads a valid
  // promote.yaml and its inputs, runs a training command that does nothing, and writes its
  // outputs and summary.
  const project = mkdtempSync(join(tmpdir(), 'bench-run-'))
  writeFileSync(join(project, 'promote.yaml'), NO_OP_CONFIG)
  rows.push(
    ratioRow({
      name: 'submit-train: a whole run of a no-op training command',
      args: [join(DIST, 'submit-train', 'index.js')],
      cwd: project,
      env: { ...runnerEnv(project), INPUT_ENVIRONMENT: 'development', INPUT_WORKFLOW: 'train' },
      exitCode: 0
    })
  )
  const cli = join(ROOT, 'bin', 'promote.js')
  rows.push(
    ratioRow({
      name: 'promote --version',
      args: [cli, '--version'],
      cwd: workspace,
      env: process.env,
      exitCode: 0,
      maxRatio: 1.5
    })
  )
  try {
    statSync(MLRUN_EXPORT)
  } catch {
    console.log(`(skipping the validate rows: ${MLRUN_EXPORT} is absent)`)
    return rows
  }
  const repository = mlrunRepository()
  rows.push(
    ratioRow({
      name: 'promote validate (MLRun export)',
      args: [cli, ...VALIDATE_ARGS],
      cwd: repository,
      env: { ...process.env, NO_COLOR: '1' },
      exitCode: 0,
      maxRatio: 2
    })
  )
  rows.push(await inProcessValidate(repository))
  return rows
}

export function startupTable(rows: Row[]): string {
  const header = ['row', 'goal', 'measured', 'result']
  const cells = rows.map(row => [row.name, row.goal, row.measured, row.pass ? 'pass' : 'FAIL'])
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map(c => c[i]!.length)))
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`
  return [line(header), line(widths.map(w => '-'.repeat(w))), ...cells.map(c => line(c))].join('\n')
}

// `npx tsx bench/startup.ts`: these rows alone (`npm run bench` prints them after the polling ones).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const version = spawnSync(BENCH_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim()
  console.log(`Start-up (spawned rows: node ${version}, ${RUNS} alternating runs each)\n`)
  console.log(startupTable(await benchStartup()))
}
