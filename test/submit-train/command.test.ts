import { describe, expect, test } from '@jest/globals'
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runDistAction } from '../helpers/run-dist.js'
import { REPO_ROOT } from '../helpers/shared.js'
import { until } from './kits.js'

const FAST = { PROMOTE_POLL_SCALE: '0.01' }

/** Gone, or a zombie waiting for a PID 1 that does not reap (as in some containers). */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return true
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? false
  } catch {
    return true
  }
}

/** A consumer repo whose development environment trains with a command on this machine. */
function repo(trainCommand: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'promote-cmd-'))
  writeFileSync(
    join(dir, 'promote.yaml'),
    [
      'project: heart',
      'model: {name: model}',
      'environments:',
      '  development: {branch: development, cluster: local}',
      'deployment: {workflow: train}',
      'workflows:',
      '  train:',
      `    command: ${JSON.stringify(trainCommand)}`,
      '    arguments: {epochs: 3}'
    ].join('\n')
  )
  writeFileSync(
    join(dir, 'train.js'),
    [
      "const { writeFileSync } = require('node:fs')",
      'const args = JSON.parse(process.env.PROMOTE_ARGUMENTS)',
      "console.log('training for', process.env.PROMOTE_ARG_EPOCHS, 'epochs')",
      'writeFileSync(process.env.PROMOTE_RESULTS_FILE, JSON.stringify({',
      "  steps: [{ name: 'prep', state: 'succeeded', results: { rows: 303 } }, { name: 'fit', state: 'succeeded', results: { accuracy: 0.9, epochs: args.epochs } }],",
      "  results: { model_uri: 'store://models/heart/model#0:latest' }",
      '}))'
    ].join('\n')
  )
  return dir
}

describe('submit-train bundle on the command cluster (the runner itself)', () => {
  test('runs the command with the arguments and reports its results file', async () => {
    const cwd = repo('node train.js')
    const run = await runDistAction('submit-train', {
      cwd,
      inputs: { arguments: 'epochs: 7' },
      env: FAST
    })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('training for 7 epochs')
    expect(run.outputs.status).toBe('succeeded')
    expect(run.outputs['model-uri']).toBe('store://models/heart/model#0:latest')
    expect(JSON.parse(run.outputs.results!)).toEqual({
      rows: 303,
      accuracy: 0.9,
      epochs: 7,
      model_uri: 'store://models/heart/model#0:latest'
    })
    expect(run.summary).toContain('| fit | succeeded |')
    expect(run.commands.filter(c => c.command === 'group')).toHaveLength(1)
  })

  test('a failing command fails the step with its exit code and stderr', async () => {
    const cwd = repo('echo "ValueError: no rows in data/heart.csv" >&2; exit 2')
    const run = await runDistAction('submit-train', { cwd, env: FAST })
    expect(run.exitCode).toBe(1)
    const errors = run.commands
      .filter(c => c.command === 'error')
      .map(c => c.message)
      .join('\n')
    expect(errors).toContain('exited with code 2')
    expect(errors).toContain('ValueError: no rows in data/heart.csv')
  })

  test('SIGINT stops the command and its children', async () => {
    const cwd = repo('sleep 60 & echo $! > child.pid; wait')
    const run = await runDistAction('submit-train', {
      cwd,
      env: FAST,
      onSpawn: child => {
        void until(
          () =>
            existsSync(join(cwd, 'child.pid')) &&
            readFileSync(join(cwd, 'child.pid'), 'utf8').trim() !== ''
        ).then(() => child.kill('SIGINT'))
      }
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('cancelled')
    const pid = Number(readFileSync(join(cwd, 'child.pid'), 'utf8'))
    await until(() => gone(pid), 5000)
  })
})

test('the post step stops a command the killed main step left running', async () => {
  const cwd = repo('sleep 60 & echo $! > child.pid; wait')
  const pidFile = join(cwd, 'child.pid')
  const main = await runDistAction('submit-train', {
    cwd,
    env: FAST,
    onSpawn: child => {
      // Killed once the run id is saved (the runner's state file) and the command has started.
      let out = ''
      child.stdout!.on('data', chunk => (out += chunk))
      void until(
        () =>
          out.includes('Submitted run') &&
          existsSync(pidFile) &&
          readFileSync(pidFile, 'utf8').trim() !== ''
      ).then(() => child.kill('SIGKILL'))
    }
  })
  expect(main.signal).toBe('SIGKILL')
  const pid = Number(readFileSync(pidFile, 'utf8'))
  expect(gone(pid)).toBe(false)
  const post = await runDistAction('submit-train', {
    entry: 'post.js',
    cwd,
    state: main.state,
    env: FAST
  })
  expect(post.exitCode).toBe(0)
  expect(post.stdout).toContain(`Cancelled run ${main.state['run-id']}`)
  await until(() => gone(pid), 5000)
})

describe('promote run (CLI bundle)', () => {
  const cli = join(REPO_ROOT, 'bin', 'promote.js')
  const gitRepo = (command: string) => {
    const cwd = repo(command)
    execFileSync('git', ['init', '-q', '-b', 'development'], { cwd })
    return cwd
  }
  const promote = (cwd: string, args: string[]) =>
    new Promise<{ code: number | null; out: string; err: string }>(done => {
      const child = spawn(process.execPath, [cli, 'run', ...args], {
        cwd,
        env: { ...process.env, ...FAST },
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let out = ''
      let err = ''
      child.stdout.on('data', c => (out += c))
      child.stderr.on('data', c => (err += c))
      child.on('close', code => done({ code, out, err }))
    })

  test('trains on the branch’s environment with --arg overrides and prints the report', async () => {
    const cwd = gitRepo('node train.js')
    const result = await promote(cwd, ['--arg', 'epochs=12'])
    expect(result.err).toBe('')
    expect(result.code).toBe(0)
    expect(result.out).toContain('training for 12 epochs')
    expect(result.out).toContain('PASS  train on development: succeeded')
    expect(result.out).toMatch(/accuracy\s+0\.9/)
    expect(result.out).toContain(
      "Next: promote export --model-uri 'store://models/heart/model#0:latest'"
    )
  })

  test('a failed run exits 1 with the error in the report', async () => {
    const cwd = gitRepo('echo broken >&2; exit 4')
    const result = await promote(cwd, ['--env', 'development'])
    expect(result.code).toBe(1)
    expect(result.out).toContain('FAIL  train on development: failed')
    expect(result.out).toContain('exited with code 4')
  })

  test('bad options: one clear message', async () => {
    const cwd = gitRepo('true')
    const badArg = await promote(cwd, ['--arg', 'epochs'])
    expect(badArg.code).toBe(1)
    expect(badArg.err).toContain('--arg epochs: expected name=value')
    const badEnv = await promote(cwd, ['--env', 'prod'])
    expect(badEnv.err).toContain("unknown environment 'prod'; defined: development")
    const badTimeout = await promote(cwd, ['--timeout', 'soon'])
    expect(badTimeout.err).toContain('--timeout: invalid duration')
  })
})
