import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { inputSchema } from '../../src/actions/lint-test/inputs.js'
import { startGitHubServer, type GitHubServer } from '../fakes/github-server.js'
import { startFakeMlrun, type FakeMlrun } from '../fakes/mlrun-artifacts-server.js'
import { runDistAction, type ActionRun } from '../helpers/run-dist.js'
import { REPO_ROOT, sharedFile } from '../helpers/shared.js'

const REPO = 'acme/ml-project'
const MARKER = '<!-- promote-actions:lint-test -->'
const CHALLENGER = 'artifacts/model:challenger.yaml'

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com'
    }
  })
}

function write(dir: string, file: string, text: string): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true })
  writeFileSync(join(dir, file), text)
}

function manifest(
  metrics: Record<string, unknown>,
  extra: { key?: string; tag?: string; uri?: string } = {}
): string {
  const metricLines = Object.entries(metrics)
    .map(([k, v]) => `    ${k}: ${typeof v === 'string' ? `'${v}'` : v}`)
    .join('\n')
  return `kind: model
metadata:
  key: ${extra.key ?? 'model'}
  project: cicd-flow
  tag: ${extra.tag ?? 'challenger'}
  version: 3
${extra.uri ? `  uri: ${extra.uri}\n` : ''}spec:
  target_path: .promote/registry/model/versions/3/
  model_file: model.pkl
  metrics:
${metricLines}
`
}

const CONFIG = `project: cicd-flow
model:
  name: model
environments:
  development: {branch: development, cluster: local}
  production: {branch: main, cluster: local}
workflows:
  deploy: {command: 'true'}
gates:
  accuracy: {min: 0.8, maxDrop: 0.02}
  f1_score: {min: 0.7}
`

/** A consumer repo: the champion committed on main (production), a PR branch with the challenger. */
function consumerRepo(
  challenger: string,
  options: { champion?: string; config?: string } = {}
): string {
  const dir = mkdtempSync(join(tmpdir(), 'lint-test-repo-'))
  git(dir, 'init', '-q', '-b', 'main')
  write(dir, 'promote.yaml', options.config ?? CONFIG)
  write(dir, CHALLENGER, options.champion ?? manifest({ accuracy: 0.88, f1_score: 0.86 }))
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'champion')
  git(dir, 'checkout', '-q', '-b', 'development')
  write(dir, CHALLENGER, challenger)
  git(dir, 'commit', '-q', '--allow-empty', '-am', 'challenger')
  return dir
}

function pullRequestEvent(options: { fork?: boolean } = {}) {
  const head = options.fork ? 'contributor/ml-project' : REPO
  return {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      base: { ref: 'main' },
      head: { ref: 'development', repo: { full_name: head } }
    },
    repository: { full_name: REPO, name: 'ml-project', owner: { login: 'acme' } }
  }
}

const errorsOf = (run: ActionRun) => run.commands.filter(c => c.command === 'error')

describe('lint-test action (dist bundle, as the runner runs it)', () => {
  let github: GitHubServer
  beforeAll(async () => {
    github = await startGitHubServer({
      repos: [{ owner: 'acme', repo: 'ml-project', visibility: 'private' }]
    })
  })
  afterAll(() => github.close())
  beforeEach(() => github.setCommentsForbidden(false))

  const run = (
    cwd: string,
    inputs: Record<string, string>,
    options: { fork?: boolean; env?: Record<string, string> } = {}
  ) =>
    runDistAction('lint-test', {
      cwd,
      eventName: 'pull_request',
      event: pullRequestEvent(options),
      inputs: { 'github-token': github.token, ...inputs },
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_REPOSITORY: REPO,
        PROMOTE_HTTP_RETRIES: '2',
        PROMOTE_HTTP_RETRY_DELAY_MS: '1',
        ...options.env
      }
    })

  it('runs lint and tests, gates the challenger against the champion on main, and keeps one sticky comment', async () => {
    const dir = consumerRepo(manifest({ accuracy: 0.87, f1_score: 0.9 }))
    const first = await run(dir, {
      lint: 'echo linting-output',
      test: 'echo tests-ran && test -f promote.yaml'
    })
    expect(first.stderr).toBe('')
    expect(first.exitCode).toBe(0)
    expect(first.outputs.result).toBe('pass')
    expect(first.outputs['failed-checks']).toBe('')
    expect(first.stdout).toContain('::group::Lint: echo linting-output')
    expect(first.stdout).toContain('linting-output')
    expect(first.stdout).toContain('tests-ran')
    const checks = JSON.parse(first.outputs.checks!) as Array<{
      name: string
      verdict: string
      durationMs?: number
    }>
    expect(checks.map(c => [c.name, c.verdict])).toEqual([
      ['lint', 'pass'],
      ['tests', 'pass'],
      ['schema', 'pass'],
      ['drift', 'skip'],
      ['gates', 'pass']
    ])
    expect(typeof checks[0]!.durationMs).toBe('number')
    expect(first.summary).toContain('| metric | challenger | champion | delta | rule | verdict |')
    expect(first.summary).toContain(
      '| accuracy | 0.87 | 0.88 | -0.01 (-1.136%) | drop ≤ 0.02 vs champion (higher is better) | PASS |'
    )
    expect(first.summary).toContain(`main:${CHALLENGER}`)
    const comments = github.comments(REPO, 7)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body.startsWith(MARKER)).toBe(true)
    expect(comments[0]!.body).toContain('Model checks passed')
    expect(first.outputs['comment-url']).toMatch(/issuecomment-/)

    // The next push: the same comment, edited.
    write(dir, CHALLENGER, manifest({ accuracy: 0.7, f1_score: 0.9 }))
    const second = await run(dir, {})
    expect(second.exitCode).toBe(1)
    const after = github.comments(REPO, 7)
    expect(after).toHaveLength(1)
    expect(after[0]!.id).toBe(comments[0]!.id)
    expect(after[0]!.body).toContain('Model checks failed: gates')
    expect(github.violations).toEqual([])
  })

  it('splits in two: mode commands runs only lint and tests, mode validate everything else with their checks', async () => {
    const dir = consumerRepo(manifest({ accuracy: 0.87, f1_score: 0.9 }))
    // The commands step reads no promote.yaml (nor any secret it names): a broken one is not its business.
    write(dir, 'promote.yaml.broken', 'not: [valid')
    const commentsBefore = github.comments(REPO, 7).length
    const commands = await run(dir, {
      mode: 'commands',
      config: 'promote.yaml.broken',
      lint: 'echo linting-output',
      test: 'echo tests-ran && exit 3'
    })
    expect(commands.exitCode).toBe(1)
    expect(commands.stdout).toContain('linting-output')
    expect(commands.outputs['failed-checks']).toBe('tests')
    const commandChecks = JSON.parse(commands.outputs.checks!) as Array<{
      name: string
      verdict: string
    }>
    expect(commandChecks.map(c => [c.name, c.verdict])).toEqual([
      ['lint', 'pass'],
      ['tests', 'fail']
    ])
    expect(commands.summary).toBe('')
    expect(github.comments(REPO, 7)).toHaveLength(commentsBefore)

    const validate = await run(dir, {
      mode: 'validate',
      'command-results': commands.outputs.checks!
    })
    expect(validate.stderr).toBe('')
    expect(validate.exitCode).toBe(1)
    expect(validate.stdout).not.toContain('linting-output')
    expect(validate.outputs['failed-checks']).toBe('tests')
    expect(
      (JSON.parse(validate.outputs.checks!) as Array<{ name: string; verdict: string }>).map(c => [
        c.name,
        c.verdict
      ])
    ).toEqual([
      ['lint', 'pass'],
      ['tests', 'fail'],
      ['schema', 'pass'],
      ['drift', 'skip'],
      ['gates', 'pass']
    ])
    expect(github.comments(REPO, 7).at(-1)!.body).toContain(
      '`echo tests-ran && exit 3` exited with code 3'
    )
  })

  it('mode validate runs no command, and fails lint and tests when the commands step gave nothing', async () => {
    const dir = consumerRepo(manifest({ accuracy: 0.87, f1_score: 0.9 }))
    const refused = await run(dir, { mode: 'validate', lint: 'touch lint-ran' })
    expect(refused.exitCode).toBe(1)
    expect(
      errorsOf(refused)
        .map(e => e.message)
        .join('\n')
    ).toMatch(/mode: validate runs no commands/)
    expect(() => readFileSync(join(dir, 'lint-ran'))).toThrow()

    const nothing = await run(dir, { mode: 'validate', comment: 'false' })
    expect(nothing.exitCode).toBe(1)
    expect(nothing.outputs['failed-checks']).toBe('lint,tests')
    expect(nothing.summary).toContain('no result from the lint and test step')

    const garbage = await run(dir, { mode: 'validate', 'command-results': '{"lint": "ok"}' })
    expect(garbage.exitCode).toBe(1)
    expect(
      errorsOf(garbage)
        .map(e => e.message)
        .join('\n')
    ).toMatch(/input 'command-results': expected the `checks` output of a `mode: commands` step/)
  })

  it('fails on a gate and annotates the metric line; fail-on decides whether the step fails', async () => {
    const dir = consumerRepo(manifest({ accuracy: 0.85, f1_score: 0.9 }))
    const failed = await run(dir, { comment: 'false' })
    expect(failed.exitCode).toBe(1)
    expect(failed.outputs).toMatchObject({ result: 'fail', 'failed-checks': 'gates' })
    const annotation = errorsOf(failed).find(c => c.properties.file === CHALLENGER)!
    expect(annotation.properties.line).toBe('11')
    expect(annotation.message).toMatch(
      /accuracy 0.85 is worse than the champion's 0.88 by 0.03; allowed 0.02/
    )
    expect(failed.summary).toContain(
      'drop ≤ 0.02 vs champion (higher is better) | FAIL: accuracy 0.85 is worse'
    )
    expect(github.comments(REPO, 7).length).toBeLessThanOrEqual(1)

    const reportOnly = await run(dir, { comment: 'false', 'fail-on': 'never' })
    expect(reportOnly.exitCode).toBe(0)
    expect(reportOnly.outputs).toMatchObject({ result: 'pass', 'failed-checks': 'gates' })
    const onlyTests = await run(dir, { comment: 'false', 'fail-on': 'tests,lint' })
    expect(onlyTests.exitCode).toBe(0)
    const bad = await run(dir, { comment: 'false', 'fail-on': 'gates,typo' })
    expect(bad.exitCode).toBe(1)
    expect(bad.stdout).toMatch(
      /fail-on: unknown check 'typo'; use errors, any, never or a list of lint, tests, schema, gates, drift/
    )
  })

  it('annotates bad manifests on their lines: broken URI, non-numeric and missing metrics, a file name that disagrees', async () => {
    const dir = consumerRepo(manifest({ accuracy: 'high' }))
    write(dir, 'artifacts/other:challenger.yaml', manifest({ accuracy: 0.9 }, { key: 'model' }))
    write(
      dir,
      'artifacts/model:champion.yaml',
      manifest({ accuracy: 0.9 }, { uri: 'bogus://model/1', tag: 'champion' })
    )
    const result = await run(dir, { test: 'echo failing >&2; exit 3', comment: 'false' })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failed-checks']).toBe('tests,schema,gates')
    const errors = errorsOf(result)
    const at = (file: string, pattern: RegExp) =>
      errors.find(e => e.properties.file === file && pattern.test(e.message))
    expect(at('artifacts/model:champion.yaml', /unsupported scheme 'bogus/)?.properties.line).toBe(
      '7'
    )
    expect(
      at(
        'artifacts/other:challenger.yaml',
        /key 'model' disagrees with the file name, which says 'other'/
      )?.properties.line
    ).toBe('3')
    expect(at(CHALLENGER, /^spec.metrics.accuracy: .*must be a number/)?.properties.line).toBe('11')
    expect(
      at(CHALLENGER, /the challenger's 'accuracy' is 'high' \(a string\), not a number/)?.properties
        .line
    ).toBe('11')
    expect(
      at(CHALLENGER, /the challenger has no metric 'f1_score' \(metrics: accuracy\)/)?.properties
        .line
    ).toBe('10')
    expect(
      errors.find(e => /Tests failed: echo failing >&2; exit 3 exited with code 3/.test(e.message))
    ).toBeDefined()
    expect(result.summary).toContain('### ❌ Problems')
    expect(result.summary).toMatch(
      /- artifacts\/model:champion.yaml:7:\d+ metadata.uri: .*unsupported scheme 'bogus/
    )
  })

  it('reports in the summary, without failing, when a fork PR cannot be commented on', async () => {
    const dir = consumerRepo(manifest({ accuracy: 0.9, f1_score: 0.9 }))
    github.setCommentsForbidden(true)
    const result = await run(dir, {}, { fork: true })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.result).toBe('pass')
    expect(result.summary).toContain('PR comment not posted')
    expect(result.summary).toMatch(
      /Resource not accessible by integration.*read-only GITHUB_TOKEN.*from the fork contributor\/ml-project/
    )
    expect(
      result.commands.some(c => c.command === 'warning' && /PR comment not posted/.test(c.message))
    ).toBe(true)
    expect(github.violations).toEqual([])
  })

  it('takes the champion from the registry when the production branch has none, and skips comparisons without one', async () => {
    const dir = consumerRepo(manifest({ accuracy: 0.85, f1_score: 0.9 }))
    write(dir, 'model.pkl', 'bytes')
    // A registry champion that the challenger beats; no manifest on main.
    write(dir, '.promote/registry/model/versions/1/model.pkl', 'bytes')
    write(
      dir,
      '.promote/registry/model/versions/1/model.yaml',
      manifest({ accuracy: 0.86, f1_score: 0.8 }).replace('version: 3', 'version: 1')
    )
    write(dir, '.promote/registry/model/tags/champion', '1\n')
    const fromRegistry = await run(dir, { champion: 'registry', comment: 'false' })
    expect(fromRegistry.exitCode).toBe(0)
    expect(fromRegistry.summary).toContain(
      'against the champion models:/model@champion (version 1)'
    )
    const none = await run(dir, { champion: 'none', comment: 'false' })
    expect(none.exitCode).toBe(0)
    expect(none.summary).toContain('no champion to compare with')
    // A champion was asked for but not found: the comparisons are skipped, which warns.
    const missing = await run(dir, {
      champion: 'git',
      'production-branch': 'gone',
      comment: 'false'
    })
    expect(missing.exitCode).toBe(0)
    expect(missing.summary).toContain('Model checks passed with warnings: gates')
    expect(missing.summary).toContain("no champion manifest on branch 'gone'")
    const strict = await run(dir, {
      champion: 'git',
      'production-branch': 'gone',
      comment: 'false',
      'fail-on': 'any'
    })
    expect(strict.exitCode).toBe(1)
    expect(strict.outputs).toMatchObject({ result: 'fail', 'failed-checks': '' })
  })
})

const fixtureFile = sharedFile('fixtures/mlrun-model-challenger.yaml')
const describeWithFixture = fixtureFile ? describe : describe.skip

describeWithFixture('lint-test drift check against MLRun (the real fixture)', () => {
  let mlrun: FakeMlrun
  const fixture = fixtureFile
    ? (parse(readFileSync(fixtureFile, 'utf8')) as Record<string, unknown>)
    : {}
  beforeAll(async () => {
    mlrun = await startFakeMlrun()
  })
  afterAll(() => mlrun.close())

  const config = (url: string) => `project: cicd-flow
model:
  name: model
  registry: {kind: mlrun}
clusters:
  iguazio: {kind: mlrun, url: ${url}}
environments:
  staging: {branch: staging, cluster: iguazio}
  production: {branch: main, cluster: iguazio}
workflows:
  deploy: {}
gates:
  accuracy: {min: 0.85, maxDrop: 0.01}
`

  it('passes an unchanged export, then reports drift on the exact line when the registry changed', async () => {
    mlrun.artifacts.length = 0
    mlrun.store(fixture)
    const text = readFileSync(fixtureFile!, 'utf8')
    const dir = consumerRepo(text, { config: config(mlrun.url), champion: text })
    const clean = await runDistAction('lint-test', {
      cwd: dir,
      eventName: 'push',
      inputs: { 'check-drift': 'true' },
      env: { PROMOTE_HTTP_RETRIES: '2', PROMOTE_HTTP_RETRY_DELAY_MS: '1' }
    })
    expect(clean.stderr).toBe('')
    expect(clean.exitCode).toBe(0)
    expect(clean.summary).toMatch(
      /\| drift \| PASS \| .* \| 1 manifest checked against the mlrun registry \|/
    )

    const changed = structuredClone(fixture) as {
      metadata: Record<string, unknown>
      spec: { metrics: Record<string, number> }
    }
    changed.spec.metrics.accuracy = 0.9
    changed.metadata.hash = 'f'.repeat(40)
    mlrun.store(changed)
    const drifted = await runDistAction('lint-test', {
      cwd: dir,
      eventName: 'push',
      inputs: { 'check-drift': 'true' },
      env: { PROMOTE_HTTP_RETRIES: '2', PROMOTE_HTTP_RETRY_DELAY_MS: '1' }
    })
    expect(drifted.exitCode).toBe(1)
    expect(drifted.outputs['failed-checks']).toBe('drift')
    const lines = text.split('\n')
    const accuracyLine = lines.findIndex(l => l.trim().startsWith('accuracy:')) + 1
    const hashLine = lines.findIndex(l => l.trim().startsWith('hash:')) + 1
    const errors = errorsOf(drifted)
    expect(errors.find(e => /for metric accuracy/.test(e.message))?.properties).toMatchObject({
      file: CHALLENGER,
      line: String(accuracyLine)
    })
    expect(errors.find(e => /for hash/.test(e.message))?.properties).toMatchObject({
      file: CHALLENGER,
      line: String(hashLine)
    })
    expect(drifted.summary).toContain(`| ${CHALLENGER} | metric accuracy | 0.877193 | 0.9 |`)

    mlrun.failNext(100)
    const down = await runDistAction('lint-test', {
      cwd: dir,
      eventName: 'push',
      inputs: { 'check-drift': 'true' },
      env: { PROMOTE_HTTP_RETRIES: '2', PROMOTE_HTTP_RETRY_DELAY_MS: '1' }
    })
    mlrun.failNext(0)
    expect(down.exitCode).toBe(1)
    expect(down.summary).toMatch(
      /drift check: model URI .* the MLRun API at http:\/\/127.0.0.1:\d+ is not answering .*503/
    )
  })
  it('masks the registry secret promote.yaml names and sends it to the registry', async () => {
    mlrun.artifacts.length = 0
    mlrun.store(fixture)
    const text = readFileSync(fixtureFile!, 'utf8')
    const withToken = config(mlrun.url).replace(
      `url: ${mlrun.url}}`,
      `url: ${mlrun.url}, tokenEnv: MLRUN_TOKEN}`
    )
    const dir = consumerRepo(text, { config: withToken, champion: text })
    const before = mlrun.server.requests.length
    const result = await runDistAction('lint-test', {
      cwd: dir,
      eventName: 'push',
      inputs: { 'check-drift': 'true' },
      env: { MLRUN_TOKEN: 'tok-3f9a1c' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.stdout.indexOf('::add-mask::tok-3f9a1c')).toBeGreaterThanOrEqual(0)
    expect(result.stdout.split('tok-3f9a1c').length).toBe(2)
    expect(
      mlrun.server.requests
        .slice(before)
        .every(r => r.headers.authorization === 'Bearer tok-3f9a1c')
    ).toBe(true)
  })

  it('reports a registry secret that was not passed (a fork PR) instead of crashing', async () => {
    const text = readFileSync(fixtureFile!, 'utf8')
    const withToken = config(mlrun.url).replace(
      `url: ${mlrun.url}}`,
      `url: ${mlrun.url}, tokenEnv: MLRUN_TOKEN}`
    )
    const dir = consumerRepo(text, { config: withToken, champion: text })
    const result = await runDistAction('lint-test', {
      cwd: dir,
      eventName: 'push',
      inputs: { 'check-drift': 'true', 'production-branch': 'nowhere' },
      env: { MLRUN_TOKEN: undefined }
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failed-checks']).toBe('drift')
    expect(result.summary).toMatch(
      /drift check: clusters.iguazio: environment variable MLRUN_TOKEN is empty or unset/
    )
    expect(result.summary).toMatch(
      /no champion in the registry: clusters.iguazio: environment variable MLRUN_TOKEN is empty or unset/
    )
    expect(result.summary).toContain('no champion to compare with')
  })
})

describe('lint-test metadata', () => {
  it('declares exactly the inputs of inputSchema, with the same defaults', () => {
    const action = parse(readFileSync(join(REPO_ROOT, 'lint-test', 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>
      runs: { using: string; main: string }
    }
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(inputSchema.shape).sort())
    const defaults = inputSchema.parse({})
    for (const [name, input] of Object.entries(action.inputs)) {
      const zodDefault = (inputSchema.shape as Record<string, { parse(v: unknown): unknown }>)[
        name
      ]!.parse(undefined)
      const declared = input.default
      if (declared === undefined) expect(zodDefault).toBeUndefined()
      else
        expect([declared, String(zodDefault)]).toContain(
          String(defaults[name as keyof typeof defaults])
        )
    }
    expect(action.runs).toEqual({ using: 'node24', main: '../dist/lint-test/index.js' })
  })
})
