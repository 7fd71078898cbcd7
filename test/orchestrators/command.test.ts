import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createOrchestrator } from '../../src/adapters/orchestrators/index.js'
import {
  RunAbortedError,
  RunTimeoutError,
  type SubmitRequest
} from '../../src/adapters/orchestrators/types.js'
import type { Clock } from '../../src/adapters/orchestrators/poll.js'
import { parseDuration } from '../../src/core/duration.js'
import { argumentEnvName } from '../../src/adapters/orchestrators/command.js'

const lines: string[] = []
const log = {
  info: (m: string) => lines.push(m),
  debug: () => {},
  warning: (m: string) => lines.push(`warning: ${m}`),
  error: (m: string) => lines.push(`error: ${m}`),
  group: <T>(_t: string, fn: () => Promise<T>) => fn(),
  secret: () => {}
}

function orchestrator(cwd = mkdtempSync(join(tmpdir(), 'cmd-')), env: Record<string, string> = {}) {
  return createOrchestrator(
    { kind: 'command', env },
    { env: { PATH: process.env.PATH, ...env }, cwd, log, pollScale: 0.01 }
  )
}

function request(command: string | string[], args: Record<string, unknown> = {}): SubmitRequest {
  return {
    workflow: 'train',
    command,
    arguments: args,
    project: 'heart',
    labels: { 'promote-actions/run': 'gh1-train-dev', 'promote-actions/attempt': '1' },
    displayName: 'gh1-train-dev-a1'
  }
}

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

describe('command orchestrator', () => {
  test('passes arguments as PROMOTE_ARGUMENTS and PROMOTE_ARG_<NAME>, streams output, reads the results file', async () => {
    lines.length = 0
    const client = await orchestrator()
    const script = [
      'echo "args=$PROMOTE_ARGUMENTS"',
      'echo "lr=$PROMOTE_ARG_LEARNING_RATE layers=$PROMOTE_ARG_LAYERS"',
      'echo oops >&2',
      `printf '%s' '{"results": {"accuracy": 0.93}, "steps": [{"name": "prep", "state": "completed", "results": {"rows": 10}}, {"name": "fit", "state": "succeeded", "results": {"model_uri": "file:///tmp/m.pkl"}}]}' > "$PROMOTE_RESULTS_FILE"`
    ].join('\n')
    const { runId } = await client.submit(
      request(script, { 'learning-rate': 0.01, layers: [64, 32] })
    )
    expect(runId).toMatch(/^pid-\d+$/)
    const status = await client.wait(runId, { timeoutMs: 10_000 })
    expect(status.state).toBe('succeeded')
    expect(lines).toContain('args={"learning-rate":0.01,"layers":[64,32]}')
    expect(lines).toContain('lr=0.01 layers=[64,32]')
    expect(lines).toContain('oops')
    expect(status.steps.map(s => [s.name, s.state])).toEqual([
      ['prep', 'succeeded'],
      ['fit', 'succeeded']
    ])
    expect(status.results).toEqual({ rows: 10, model_uri: 'file:///tmp/m.pkl', accuracy: 0.93 })
  })

  test('a plain JSON object in the results file is the results', async () => {
    const client = await orchestrator()
    const { runId } = await client.submit(request(`echo '{"auc": 0.8}' > "$PROMOTE_RESULTS_FILE"`))
    const status = await client.wait(runId, { timeoutMs: 10_000 })
    expect(status.results).toEqual({ auc: 0.8 })
    expect(status.steps).toHaveLength(1)
  })

  test('an array command runs without a shell', async () => {
    const client = await orchestrator()
    const { runId } = await client.submit(
      request([process.execPath, '-e', 'console.log("$HOME stays literal")'])
    )
    lines.length = 0
    await client.wait(runId, { timeoutMs: 10_000 })
    expect(lines).toContain('$HOME stays literal')
  })

  test('a failing command: failed, with its exit code and the end of stderr', async () => {
    const client = await orchestrator()
    const { runId } = await client.submit(request('echo "CUDA out of memory" >&2; exit 3'))
    const status = await client.wait(runId, { timeoutMs: 10_000 })
    expect(status.state).toBe('failed')
    expect(status.error).toContain('the command exited with code 3')
    expect(status.error).toContain('CUDA out of memory')
  })

  test('a broken results file fails the run with a clear reason', async () => {
    const client = await orchestrator()
    const { runId } = await client.submit(request(`echo '{not json' > "$PROMOTE_RESULTS_FILE"`))
    const status = await client.wait(runId, { timeoutMs: 10_000 })
    expect(status.state).toBe('failed')
    expect(status.error).toMatch(/results file \(PROMOTE_RESULTS_FILE\) is not valid/)
  })

  test('timeout kills the whole process tree', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmd-tree-'))
    const client = await orchestrator(dir)
    // The command starts a grandchild and waits for it: both must go.
    const { runId } = await client.submit(request('sleep 30 & echo $! > grandchild.pid; wait'))
    const error = await client.wait(runId, { timeoutMs: 500 }).catch(e => e)
    expect(error).toBeInstanceOf(RunTimeoutError)
    expect((error as RunTimeoutError).status.state).toBe('cancelled')
    const pidFile = join(dir, 'grandchild.pid')
    expect(existsSync(pidFile)).toBe(true)
    const grandchild = Number(readFileSync(pidFile, 'utf8'))
    await new Promise(done => setTimeout(done, 100))
    expect(gone(grandchild)).toBe(true)
  })

  test('cancel leaves no timer behind once the command exited (the kill grace period)', async () => {
    // Records the sleeps still pending: one would hold the process open until it ends.
    const pending = new Set<number>()
    const clock: Clock = {
      now: () => Date.now(),
      sleep: (ms, signal) =>
        new Promise<void>((resolve, reject) => {
          const id = pending.size + Math.random()
          pending.add(id)
          const timer = setTimeout(() => {
            pending.delete(id)
            resolve()
          }, ms)
          signal?.addEventListener('abort', () => {
            clearTimeout(timer)
            pending.delete(id)
            reject(new Error('aborted'))
          })
        })
    }
    const client = await createOrchestrator(
      { kind: 'command' },
      { env: { PATH: process.env.PATH }, cwd: tmpdir(), log, clock, pollScale: 1 }
    )
    const { runId } = await client.submit(request('sleep 30'))
    const final = await client.cancel(runId)
    expect(final.state).toBe('cancelled')
    expect(pending.size).toBe(0)
  })

  describe('a timeout longer than setTimeout can hold', () => {
    afterEach(() => {
      jest.useRealTimers()
    })

    test('600h: the command is not cancelled early', async () => {
      // @sinonjs/fake-timers fires an over-long timer after 1 ms, as Node does (TimeoutOverflowWarning).
      jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] })
      const kill = jest.spyOn(process, 'kill')
      try {
        const client = await createOrchestrator(
          { kind: 'command' },
          { env: { PATH: process.env.PATH }, cwd: tmpdir(), log, pollScale: 1 }
        )
        const { runId } = await client.submit(request('sleep 30'))
        const controller = new AbortController()
        const waiting = client
          .wait(runId, { timeoutMs: parseDuration('600h'), signal: controller.signal })
          .catch(e => e)
        await jest.advanceTimersByTimeAsync(60_000)
        for (let i = 0; i < 20; i++) await Promise.resolve()
        // No signal sent: the wait is still waiting.
        expect(kill).not.toHaveBeenCalled()
        jest.useRealTimers()
        controller.abort()
        expect(await waiting).toBeInstanceOf(RunAbortedError)
        expect(kill).toHaveBeenCalled()
      } finally {
        kill.mockRestore()
      }
    })
  })

  test('a workflow without a command is a configuration error', async () => {
    await expect(
      (await orchestrator()).submit({ ...request('x'), command: undefined })
    ).rejects.toThrow(/needs a command/)
  })

  test('argument names become environment variable names', () => {
    expect(argumentEnvName('learning-rate')).toBe('PROMOTE_ARG_LEARNING_RATE')
    expect(argumentEnvName('n.estimators')).toBe('PROMOTE_ARG_N_ESTIMATORS')
  })
})
