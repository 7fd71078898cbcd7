// Every action runs under GitHub's @github/local-action from its .env.example: the entry exports
// run() (and post.ts too), run() never lets an error escape as a stack trace, and the step works
// in GITHUB_WORKSPACE, not in the directory local-action was started from. harness.ts does what
// local-action 7 does with an entrypoint; the process starts in an empty directory, so an action
// that read process.cwd() would not find promote.yaml.
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { parse as parseYaml } from 'yaml'
import { REPO_ROOT } from '../helpers/shared.js'
import { parseDotenv } from './dotenv.js'

const ACTIONS = ['submit-train', 'submit-deploy', 'lint-test', 'notify'] as const
type ActionName = (typeof ACTIONS)[number]
const WITH_POST: readonly ActionName[] = ['submit-train', 'submit-deploy']
const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx')
const HARNESS = join(REPO_ROOT, 'test', 'local-action', 'harness.ts')

interface LocalRun {
  code: number | null
  output: string
  result?: { exitCode: number; outputs: Record<string, string> }
}

let scratch: string
let workspace: string

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'promote-local-action-'))
  // The .env.examples point at examples/quickstart; a copy keeps the clone clean.
  workspace = join(scratch, 'quickstart')
  cpSync(join(REPO_ROOT, 'examples', 'quickstart'), workspace, {
    recursive: true,
    filter: source => !/[/\\](node_modules|data|out|\.promote)$/.test(source)
  })
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function envExample(name: ActionName): Record<string, string> {
  return parseDotenv(readFileSync(join(REPO_ROOT, name, '.env.example'), 'utf8'))
}

function runLocally(name: ActionName, overrides: Record<string, string> = {}): Promise<LocalRun> {
  const startDir = mkdtempSync(join(scratch, 'started-in-'))
  const summary = join(scratch, `${name}-summary.md`)
  writeFileSync(summary, '')
  const args = [
    HARNESS,
    join(REPO_ROOT, name),
    join(REPO_ROOT, 'src', 'actions', name, 'main.ts'),
    join(REPO_ROOT, name, '.env.example'),
    ...(WITH_POST.includes(name) ? [join(REPO_ROOT, 'src', 'actions', name, 'post.ts')] : [])
  ]
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LOCAL_ACTION_OVERRIDES: JSON.stringify({
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: summary,
      ...overrides
    })
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn(TSX, args, { cwd: startDir, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', chunk => (output += chunk))
    child.stderr.on('data', chunk => (output += chunk))
    child.on('error', reject)
    child.on('close', code => {
      const line = output.split('\n').find(l => l.startsWith('LOCAL_ACTION_RESULT '))
      resolvePromise({
        code,
        output,
        ...(line && { result: JSON.parse(line.slice('LOCAL_ACTION_RESULT '.length)) })
      })
    })
  })
}

/** The `::error::` lines, and that nothing in the output is a stack frame. */
function errorsOf(run: LocalRun): string[] {
  expect(run.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
  expect(run.output).not.toMatch(/%0A\s+at /)
  return run.output
    .split('\n')
    .filter(line => line.startsWith('::error'))
    .map(line => line.replace(/^::error[^:]*::/, ''))
}

describe('.env.example of each action', () => {
  it.each(ACTIONS)('%s: exists and sets only inputs its action.yml declares', name => {
    const metadata = parseYaml(readFileSync(join(REPO_ROOT, name, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>
    }
    const declared = Object.keys(metadata.inputs).map(input => `INPUT_${input.toUpperCase()}`)
    const env = envExample(name)
    const inputs = Object.keys(env).filter(key => key.startsWith('INPUT_'))
    expect(inputs.length).toBeGreaterThan(0)
    expect(inputs.filter(key => !declared.includes(key))).toEqual([])
    expect(env.GITHUB_WORKSPACE).toBe('examples/quickstart')
    expect(existsSync(join(REPO_ROOT, env.GITHUB_WORKSPACE!, 'promote.yaml'))).toBe(true)
  })

  it('.env files (credentials) are git-ignored, the examples are not', () => {
    const ignored = readFileSync(join(REPO_ROOT, '.gitignore'), 'utf8').split('\n')
    expect(ignored).toContain('.env')
    expect(ignored).not.toContain('.env*')
  })
})

describe('under local-action, from the .env.example', () => {
  it('submit-train trains the quickstart model in GITHUB_WORKSPACE, then its post step runs', async () => {
    const run = await runLocally('submit-train')
    expect(errorsOf(run)).toEqual([])
    expect(run.code).toBe(0)
    expect(run.result?.exitCode).toBe(0)
    expect(run.result?.outputs).toMatchObject({
      status: 'succeeded',
      'model-uri': 'models:/heart-classifier/1'
    })
    expect(existsSync(join(workspace, '.promote', 'registry'))).toBe(true)
  })

  it('submit-train: a mistake fails the step with its message, no stack trace', async () => {
    const run = await runLocally('submit-train', { INPUT_ENVIRONMENT: 'nowhere' })
    const errors = errorsOf(run)
    expect(run.code).toBe(1)
    expect(run.result?.exitCode).toBe(1)
    expect(errors.join('\n')).toContain("'nowhere'")
  })

  it('submit-deploy without a token stops at the approval check with the fix, its post step quiet', async () => {
    const run = await runLocally('submit-deploy')
    const errors = errorsOf(run)
    expect(run.result?.exitCode).toBe(1)
    expect(errors).toEqual([
      expect.stringContaining('submit-deploy needs a GitHub token to read approvals')
    ])
    // The unexpanded `${{ github.token }}` default is not masked as if it were a token.
    expect(errors[0]).toContain('${{ github.token }}')
  })

  it('lint-test checks the workspace: config valid, and no challenger exported yet', async () => {
    const run = await runLocally('lint-test')
    const errors = errorsOf(run)
    expect(run.result?.exitCode).toBe(1)
    expect(run.result?.outputs.result).toBe('fail')
    expect(run.result?.outputs['failed-checks']).toBe('gates')
    const checks = JSON.parse(run.result!.outputs.checks!) as Array<{
      name: string
      verdict: string
    }>
    expect(checks.find(check => check.name === 'schema')?.verdict).toBe('pass')
    expect(errors.join('\n')).toContain('artifacts/heart-classifier:challenger.yaml does not exist')
  })

  it('notify (dry run) prints the message for the workspace project and sends nothing', async () => {
    const run = await runLocally('notify')
    expect(errorsOf(run)).toEqual([])
    expect(run.result?.exitCode).toBe(0)
    expect(run.output).toContain('Failed · train · quickstart (development)')
    expect(run.output).not.toContain('promote.yaml not found')
  })
})
