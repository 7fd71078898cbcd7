/**
 * The shared bundle loads what a step uses and nothing else (src/bundle.ts and the adapter
 * factories import the rest dynamically): each step here runs dist/ under a loader hook that
 * records the chunk files it loaded, and none may hold code of an outside system it did not talk
 * to. A static import slipping in would merge that code into a chunk the step loads.
 * Run `npm run build` first.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { REPO_ROOT } from '../helpers/shared.js'

const HOOK = join(REPO_ROOT, 'test', 'bundle', 'record-chunks.mjs')

/** Code that only the named library or adapter contains, as the build leaves it. */
const MARKERS: Record<string, string> = {
  '@slack/web-api': 'slack_webapi_platform_error',
  nodemailer: 'class SMTPConnection',
  'argo client': 'class ArgoOrchestrator',
  'kfp client': 'class KfpOrchestrator',
  'mlrun client': 'class MlrunOrchestrator',
  'mlflow registry': 'class MlflowRegistry',
  'the CLI': 'promote <command>',
  undici: 'UND_ERR_',
  Octokit: 'octokit-core.js/',
  '@actions/http-client': 'HttpRedirectCodes',
  // @actions/core imports it for platform details we never ask for (exec-deferred.ts).
  '@actions/exec': 'class ToolRunner',
  // The position-keeping YAML parser (dist/bundle/yaml.cjs): only for what js-yaml's fast path
  // declines, and for problems that need a line and column.
  'yaml (reference parser)': 'class LineCounter'
}

/** Runs a dist/ stub in a workspace and names the markers found in the chunks it loaded. */
function loadedLibraries(
  stub: string,
  files: Record<string, string>,
  env: Record<string, string> = {}
): { code: number | null; libraries: string[]; output: string } {
  const workspace = mkdtempSync(join(tmpdir(), 'lazy-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(workspace, name), text)
  const record = join(workspace, '.loaded')
  writeFileSync(record, '')
  const runner = join(workspace, '.runner')
  mkdirSync(runner)
  for (const name of ['output', 'state', 'env', 'path', 'summary'])
    writeFileSync(join(runner, name), '')
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(INPUT_|GITHUB_|STATE_)/.test(key))
  )
  const result = spawnSync(process.execPath, ['--import', HOOK, join(REPO_ROOT, 'dist', stub)], {
    cwd: workspace,
    encoding: 'utf8',
    env: {
      ...clean,
      PROMOTE_LOADED_CHUNKS: record,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_REPOSITORY: 'acme/ml-project',
      GITHUB_OUTPUT: join(runner, 'output'),
      GITHUB_STATE: join(runner, 'state'),
      GITHUB_ENV: join(runner, 'env'),
      GITHUB_PATH: join(runner, 'path'),
      GITHUB_STEP_SUMMARY: join(runner, 'summary'),
      ...env
    }
  })
  const chunks = [...new Set(readFileSync(record, 'utf8').split('\n').filter(Boolean))]
  if (chunks.length === 0) throw new Error(`no chunk recorded: ${result.stderr}`)
  const text = chunks.map(url => readFileSync(fileURLToPath(url), 'utf8')).join('\n')
  return {
    code: result.status,
    libraries: Object.keys(MARKERS).filter(name => text.includes(MARKERS[name]!)),
    output: result.stdout + result.stderr
  }
}

const COMMAND_CONFIG = `project: p
model: {name: m}
clusters:
  local: {kind: command}
environments:
  development: {branch: development, cluster: local}
workflows:
  train: {command: 'echo trained'}
  deploy: {command: 'true'}
`

describe('the shared bundle loads only what a step uses', () => {
  it('the markers name code that is in the bundle (else the checks below prove nothing)', () => {
    const dir = join(REPO_ROOT, 'dist', 'bundle')
    const text = readdirSync(dir)
      .filter(name => /\.c?js$/.test(name))
      .map(name => readFileSync(join(dir, name), 'utf8'))
      .join('\n')
    for (const [name, marker] of Object.entries(MARKERS))
      expect([name, text.includes(marker)]).toEqual([name, true])
  })

  it('notify without a Slack token or email loads neither Slack nor nodemailer', () => {
    const run = loadedLibraries('notify/index.js', {}, { INPUT_EVENT: 'started' })
    expect(run.code).toBe(0)
    expect(run.libraries).toEqual([])
  })

  it('submit-train on a command cluster loads no other orchestrator, no Slack, no mail, no CLI', () => {
    const run = loadedLibraries(
      'submit-train/index.js',
      { 'promote.yaml': COMMAND_CONFIG },
      {
        INPUT_ENVIRONMENT: 'development',
        INPUT_WORKFLOW: 'train'
      }
    )
    expect(run.output).toContain('trained')
    expect(run.libraries).toEqual([])
  })

  it('steps that have not talked to GitHub load neither octokit nor @actions/http-client', () => {
    // @actions/core imports the client (for OIDC tokens) and @actions/github builds an agent with
    // it on load: both wait for the first GitHub client (http-client-deferred.ts, github/client.ts).
    const deploy = loadedLibraries(
      'submit-deploy/index.js',
      { 'promote.yaml': COMMAND_CONFIG },
      { INPUT_ENVIRONMENT: 'development', 'INPUT_GITHUB-TOKEN': '' }
    )
    expect(deploy.output).toContain('submit-deploy needs a GitHub token')
    expect(deploy.libraries).toEqual([])
    const lintTest = loadedLibraries(
      'lint-test/index.js',
      { 'promote.yaml': COMMAND_CONFIG },
      { INPUT_CHAMPION: 'none' }
    )
    expect(lintTest.output).toContain('no PR comment')
    expect(lintTest.libraries).toEqual([])
  })

  it('a promote.yaml with a YAML mistake loads the reference parser, which says where it is', () => {
    const run = loadedLibraries(
      'submit-train/index.js',
      {
        'promote.yaml': COMMAND_CONFIG.replace('model: {name: m}', 'model: {name: m}\nproject: q')
      },
      { INPUT_ENVIRONMENT: 'development', INPUT_WORKFLOW: 'train' }
    )
    expect(run.code).toBe(1)
    expect(run.output).toMatch(/promote\.yaml:3:1 .*project/)
    expect(run.libraries).toEqual(['yaml (reference parser)'])
  })

  it("lint-test loads @actions/exec when it has the team's commands to run, and runs them", () => {
    const run = loadedLibraries(
      'lint-test/index.js',
      { 'promote.yaml': COMMAND_CONFIG },
      { INPUT_CHAMPION: 'none', INPUT_LINT: 'echo linted-by-exec' }
    )
    expect(run.output).toContain('linted-by-exec')
    expect(run.libraries).toEqual(['@actions/exec'])
  })

  it('a proxy configured: undici loads at start, for the agent @actions/http-client builds synchronously', () => {
    const run = loadedLibraries(
      'submit-train/index.js',
      { 'promote.yaml': COMMAND_CONFIG },
      {
        INPUT_ENVIRONMENT: 'development',
        INPUT_WORKFLOW: 'train',
        HTTPS_PROXY: 'http://127.0.0.1:3128'
      }
    )
    expect(run.output).toContain('trained')
    expect(run.libraries).toEqual(['undici'])
  })

  it('the CLI loads its own code, and no client of a system the command does not use', () => {
    const run = loadedLibraries('cli/index.js', {}, {})
    expect(run.libraries).toEqual(['the CLI'])
  })
})
