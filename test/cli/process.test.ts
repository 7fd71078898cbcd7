/**
 * The bundled CLI as a person runs it (bin/promote.js → dist/cli, after `node scripts/build.mjs
 * cli`): --json documents on stdout, Ctrl-C (exit 130, the running pipeline cancelled), a closed
 * pipe, and the last line of stderr naming the cause. The pipeline is the deploy fixture's
 * `command` cluster script (test/deploy/fixture.ts), which records the SIGTERM of a cancel.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { cliSnapshot } from '../export/cli-snapshot.js'
import { createFixture, type Fixture } from '../deploy/fixture.js'

const CLI = cliSnapshot()

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs `promote <args>` in the fixture; with `interruptWhen`, sends SIGINT once it holds (checked
 * as output arrives and every 50 ms), as Ctrl-C at a terminal does.
 */
function promote(
  fixture: Fixture,
  args: string[],
  options: { env?: Record<string, string>; interruptWhen?: (run: Run) => boolean } = {}
): Promise<Run> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: fixture.dir,
      env: {
        ...process.env,
        PROMOTE_POLL_SCALE: '0.01',
        PROMOTE_USER: 'dev@example.com',
        ...options.env
      },
      stdio: ['pipe', 'pipe', 'pipe']
    })
    const run: Run = { code: null, stdout: '', stderr: '' }
    let interrupted = false
    const check = () => {
      if (!interrupted && options.interruptWhen?.(run)) {
        interrupted = true
        child.kill('SIGINT')
      }
    }
    const poll = setInterval(check, 50)
    child.stdout.on('data', chunk => ((run.stdout += chunk), check()))
    child.stderr.on('data', chunk => ((run.stderr += chunk), check()))
    // Left open: a command that asks waits for an answer.
    if (!options.interruptWhen) child.stdin.end()
    child.on('close', code => {
      clearInterval(poll)
      run.code = code
      resolve(run)
    })
  })
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1) ?? ''

function expectNoTrace(stderr: string) {
  expect(stderr).not.toMatch(/^\s+at /m)
  expect(stderr).not.toMatch(/^Node\.js v\d+/m)
}

describe('promote (the bundled CLI)', () => {
  let fixture: Fixture

  beforeAll(async () => {
    fixture = await createFixture()
    await fixture.newChallenger({ accuracy: 0.9 })
  })
  afterAll(() => rmSync(fixture.dir, { recursive: true, force: true }))

  it('deploy --json: one JSON document on stdout, the report on stderr', async () => {
    const run = await promote(fixture, ['deploy', '--env', 'development', '--json'])
    expect(run.code).toBe(0)
    const document = JSON.parse(run.stdout)
    expect(document).toMatchObject({
      ok: true,
      environment: 'development',
      status: 'success',
      smokeTest: { values: { total_tests: 20, errors: 0 }, failure: null },
      model: { name: 'model' },
      facts: { environment: 'development' }
    })
    expect(typeof document.deploymentId).toBe('number')
    expect(run.stderr).toContain('Deployment')
  }, 60_000)

  it('run --json: the run, its state and results as JSON', async () => {
    const run = await promote(fixture, [
      'run',
      '--workflow',
      'deploy',
      '--env',
      'development',
      '--arg',
      'model_uri=models:/model@latest',
      '--json'
    ])
    expect(run.code).toBe(0)
    const document = JSON.parse(run.stdout)
    expect(document).toMatchObject({
      ok: true,
      environment: 'development',
      workflow: 'deploy',
      state: 'succeeded',
      error: null,
      cancelFailed: null
    })
    expect(document.runId).toEqual(expect.any(String))
    expect(document.results).toMatchObject({ total_tests: 20 })
  }, 60_000)

  it('validate --json: the checks, the gates and the challenger', async () => {
    const run = await promote(fixture, ['validate', '--champion', 'none', '--json'])
    const document = JSON.parse(run.stdout)
    expect(document.ok).toBe(run.code === 0)
    expect(document.checks.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['schema', 'gates'])
    )
    expect(document.checks.find((c: { name: string }) => c.name === 'schema')).toMatchObject({
      verdict: 'pass',
      details: expect.stringContaining('1 manifest')
    })
    // The fixture configures no gates: nothing to gate, said as null rather than left out.
    expect(document).toMatchObject({ problems: [], gates: null })
  }, 60_000)

  it('Ctrl-C during run cancels the running pipeline and exits 130', async () => {
    const calls = join(fixture.dir, 'run-slow.jsonl')
    const run = await promote(
      fixture,
      ['run', '--workflow', 'deploy', '--env', 'development', '--arg', 'model_uri=x'],
      {
        env: { DEPLOY_MODE: 'slow', DEPLOY_LOG: calls },
        interruptWhen: () => existsSync(calls)
      }
    )
    expect(run.code).toBe(130)
    expect(run.stderr).toContain('SIGINT: cancelling the run')
    // The pipeline got the cancel (the command cluster's SIGTERM) before the CLI left.
    const { signal } = fixtureCalls(calls).at(-1) ?? {}
    expect(signal).toBe('SIGTERM')
    expectNoTrace(run.stderr)
  }, 60_000)

  it('Ctrl-C during deploy cancels the deploy run and exits 130', async () => {
    const calls = join(fixture.dir, 'deploy-slow.jsonl')
    const run = await promote(fixture, ['deploy', '--env', 'development'], {
      env: { DEPLOY_MODE: 'slow', DEPLOY_LOG: calls },
      interruptWhen: () => existsSync(calls)
    })
    expect(run.code).toBe(130)
    expect(run.stderr).toContain('SIGINT: cancelling the deploy run')
    expect(fixtureCalls(calls).at(-1)?.signal).toBe('SIGTERM')
  }, 60_000)

  it('Ctrl-C with nothing to cancel (a question waiting) exits 130 at once', async () => {
    const run = await promote(fixture, ['export', '--model-uri', 'models:/model/1'], {
      interruptWhen: current => current.stdout.includes('(yes/no)')
    })
    expect(run.code).toBe(130)
    expect(lastLine(run.stderr)).toBe('SIGINT: stopped')
  }, 60_000)

  it('stops quietly when the reader of its output has gone (promote history | head -1)', () => {
    // `true` exits without reading, before node has started: every write meets EPIPE.
    const result = spawnSync(
      'bash',
      [
        '-c',
        '"$0" "$1" history --env development | true; exit "${PIPESTATUS[0]}"',
        process.execPath,
        CLI
      ],
      { cwd: fixture.dir, encoding: 'utf8' }
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  it('a failed command ends stderr with the cause, without a stack or Node trailer', async () => {
    const unknown = await promote(fixture, ['deploy', '--env', 'nowhere'])
    expect(unknown.code).toBe(1)
    expect(lastLine(unknown.stderr)).toMatch(/^promote deploy: .*nowhere/)
    expectNoTrace(unknown.stderr)

    const failing = await promote(fixture, ['deploy', '--env', 'development'], {
      env: { DEPLOY_MODE: 'fail', DEPLOY_LOG: join(fixture.dir, 'fail.jsonl') }
    })
    expect(failing.code).toBe(1)
    // The report is on stdout; the last line of stderr says why, after whatever was logged.
    expect(lastLine(failing.stderr)).toBe(
      'promote deploy: the command exited with code 3: serving endpoint did not become ready'
    )
    expectNoTrace(failing.stderr)
  }, 60_000)
})

function fixtureCalls(file: string): Array<{ signal?: string }> {
  const text = existsSync(file) ? String(spawnSync('cat', [file]).stdout) : ''
  return text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map(line => JSON.parse(line) as { signal?: string })
}
