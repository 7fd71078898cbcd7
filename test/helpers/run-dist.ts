import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from './shared.js'

export interface ActionRun {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  state: Record<string, string>
  /** Workflow commands the action printed (::error file=...::message). */
  commands: Array<{ command: string; properties: Record<string, string>; message: string }>
  workDir: string
}

export interface RunActionOptions {
  inputs?: Record<string, string | undefined>
  env?: Record<string, string | undefined>
  /** Working directory (the consumer's checkout). */
  cwd?: string
  /** GITHUB_EVENT_PATH payload. */
  event?: unknown
  eventName?: string
  /** Saved state for a post step (GITHUB_STATE from the main step). */
  state?: Record<string, string>
  /**
   * The step's entry stub under dist/<name>/: index.js (runs.main, the default) or post.js
   * (runs.post). Every stub starts its entry of the shared bundle, dist/bundle/.
   */
  entry?: 'index.js' | 'post.js'
  timeoutMs?: number
  /** Called with the child once it started (e.g. to signal it). */
  onSpawn?: (child: import('node:child_process').ChildProcess) => void
  /** Resolves when stdout contains this text (with onSpawn). */
}

/** Parses GITHUB_OUTPUT / GITHUB_STATE files: `name<<delimiter\nvalue\ndelimiter` or `name=value`. */
export function parseCommandFile(text: string): Record<string, string> {
  const result: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]!)
      result[name!] = value.join('\n')
    } else if (line.includes('=')) {
      const at = line.indexOf('=')
      result[line.slice(0, at)] = line.slice(at + 1)
    }
  }
  return result
}

function parseWorkflowCommands(stdout: string): ActionRun['commands'] {
  const commands: ActionRun['commands'] = []
  for (const line of stdout.split('\n')) {
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!match) continue
    const properties: Record<string, string> = {}
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const at = pair.indexOf('=')
      properties[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1).replace(/%2C/g, ','))
    }
    commands.push({
      command: match[1]!,
      properties,
      message: match[3]!.replace(/%0A/g, '\n').replace(/%25/g, '%')
    })
  }
  return commands
}

/**
 * Runs dist/<name>/index.js (or post.js) as the GitHub runner does: inputs as INPUT_*
 * variables, outputs/summary/state through files, the event payload through GITHUB_EVENT_PATH.
 */
export async function runDistAction(
  name: string,
  options: RunActionOptions = {}
): Promise<ActionRun> {
  const workDir = mkdtempSync(join(tmpdir(), `run-${name}-`))
  const files = {
    output: join(workDir, 'output'),
    summary: join(workDir, 'summary.md'),
    state: join(workDir, 'state'),
    env: join(workDir, 'env'),
    path: join(workDir, 'path'),
    event: join(workDir, 'event.json')
  }
  for (const file of [files.output, files.summary, files.state, files.env, files.path])
    writeFileSync(file, '')
  writeFileSync(files.event, JSON.stringify(options.event ?? {}))

  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    // A clean runner: nothing of the parent's GitHub context leaks in.
    if (
      value !== undefined &&
      !key.startsWith('INPUT_') &&
      !key.startsWith('GITHUB_') &&
      !key.startsWith('STATE_')
    )
      env[key] = value
  }
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: options.eventName ?? 'workflow_dispatch',
    GITHUB_WORKSPACE: options.cwd ?? workDir,
    GITHUB_REPOSITORY: 'acme/ml-project',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: 'refs/heads/development',
    GITHUB_REF_NAME: 'development',
    GITHUB_RUN_ID: '1001',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_JOB: 'job',
    GITHUB_ACTOR: 'octocat',
    GITHUB_TRIGGERING_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'promote',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    RUNNER_TEMP: workDir,
    RUNNER_OS: 'Linux'
  })
  for (const [key, value] of Object.entries(options.inputs ?? {})) {
    if (value !== undefined) env[`INPUT_${key.replace(/ /g, '_').toUpperCase()}`] = value
  }
  for (const [key, value] of Object.entries(options.state ?? {})) env[`STATE_${key}`] = value
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key]
    else env[key] = value
  }

  const script = join(REPO_ROOT, 'dist', name, options.entry ?? 'index.js')
  if (!existsSync(script)) throw new Error(`${script} is missing: run npm run build`)
  const child = spawn(process.execPath, [script], {
    cwd: options.cwd ?? workDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  options.onSpawn?.(child)
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(resolve =>
    child.on('close', (code, sig) => resolve([code, sig]))
  )
  clearTimeout(timer)
  return {
    exitCode,
    signal,
    stdout,
    stderr,
    outputs: parseCommandFile(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    state: parseCommandFile(readFileSync(files.state, 'utf8')),
    commands: parseWorkflowCommands(stdout),
    workDir
  }
}
