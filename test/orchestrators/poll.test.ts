import { describe, expect, test } from '@jest/globals'
import { HttpError } from '../../src/adapters/http.js'
import {
  adaptiveSchedule,
  fixedSchedule,
  pollUntilDone,
  type Clock
} from '../../src/adapters/orchestrators/poll.js'
import {
  RunAbortedError,
  RunTimeoutError,
  type RunState,
  type RunStatus
} from '../../src/adapters/orchestrators/types.js'

/** A clock whose sleeps only move time forward. */
export function fakeClock(start = 0): Clock & { slept: number[] } {
  let now = start
  const slept: number[] = []
  return {
    slept,
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw new Error('aborted')
      slept.push(ms)
      now += ms
    }
  }
}

const status = (state: RunState): RunStatus => ({
  runId: 'r1',
  state,
  rawState: state,
  steps: [],
  results: {}
})

describe('adaptiveSchedule', () => {
  test('starts at the minimum, grows with elapsed time, stops at the cap', () => {
    const schedule = adaptiveSchedule({ jitter: 0 })
    expect(schedule(0)).toBe(1000)
    expect(schedule(5_000)).toBe(1000)
    expect(schedule(60_000)).toBe(6000)
    expect(schedule(10 * 60_000)).toBe(30_000)
    expect(schedule(5 * 3600_000)).toBe(30_000)
  })

  test('jitter stays within ±10%', () => {
    for (const r of [0, 0.25, 0.5, 0.999]) {
      const delay = adaptiveSchedule({ random: () => r })(60_000)
      expect(delay).toBeGreaterThanOrEqual(5400)
      expect(delay).toBeLessThanOrEqual(6600)
    }
  })
})

describe('pollUntilDone', () => {
  test('returns the first terminal status', async () => {
    const states: RunState[] = ['pending', 'running', 'running', 'succeeded']
    const clock = fakeClock()
    const seen: string[] = []
    const result = await pollUntilDone({
      runId: 'r1',
      timeoutMs: 60_000,
      schedule: fixedSchedule(1000),
      clock,
      getStatus: async () => status(states.shift()!),
      cancel: async () => {
        throw new Error('must not cancel')
      },
      onStatus: s => seen.push(s.state)
    })
    expect(result.state).toBe('succeeded')
    expect(seen).toEqual(['pending', 'running', 'running', 'succeeded'])
    expect(clock.slept).toEqual([1000, 1000, 1000])
  })

  test('timeout cancels the run and throws with the last status', async () => {
    const clock = fakeClock()
    let cancelled = 0
    const error = await pollUntilDone({
      runId: 'r1',
      timeoutMs: 10_000,
      schedule: fixedSchedule(3000),
      clock,
      getStatus: async () => status(cancelled ? 'cancelled' : 'running'),
      cancel: async () => {
        cancelled++
      }
    }).catch(e => e)
    expect(error).toBeInstanceOf(RunTimeoutError)
    expect((error as RunTimeoutError).status.state).toBe('cancelled')
    expect(cancelled).toBe(1)
    // The last sleep is cut to end exactly at the deadline.
    expect(clock.slept).toEqual([3000, 3000, 3000, 1000])
  })

  test('abort cancels the run', async () => {
    const controller = new AbortController()
    let polls = 0
    let cancelled = false
    const error = await pollUntilDone({
      runId: 'r1',
      timeoutMs: 60_000,
      signal: controller.signal,
      schedule: fixedSchedule(1000),
      clock: fakeClock(),
      getStatus: async () => {
        if (++polls === 2) controller.abort()
        return status('running')
      },
      cancel: async () => {
        cancelled = true
      }
    }).catch(e => e)
    expect(error).toBeInstanceOf(RunAbortedError)
    expect(cancelled).toBe(true)
  })

  test('transient errors are tolerated a few times in a row, then end the wait', async () => {
    const clock = fakeClock()
    const outcomes: Array<RunState | Error> = [
      new HttpError('503', 503, undefined),
      new HttpError('reset', undefined, undefined, true),
      'running',
      new HttpError('502', 502, undefined),
      'succeeded'
    ]
    const getStatus = async () => {
      const next = outcomes.shift()!
      if (next instanceof Error) throw next
      return status(next)
    }
    const retries: unknown[] = []
    const ok = await pollUntilDone({
      runId: 'r1',
      timeoutMs: 60_000,
      schedule: fixedSchedule(1000),
      clock,
      getStatus,
      cancel: async () => {},
      onRetry: e => retries.push(e)
    })
    expect(ok.state).toBe('succeeded')
    expect(retries).toHaveLength(3)

    const down = () => Promise.reject(new HttpError('503', 503, undefined))
    await expect(
      pollUntilDone({
        runId: 'r1',
        timeoutMs: 60_000,
        schedule: fixedSchedule(1),
        clock,
        getStatus: down,
        cancel: async () => {}
      })
    ).rejects.toThrow('503')
  })

  test('a 4xx ends the wait at once (no retry)', async () => {
    let calls = 0
    await expect(
      pollUntilDone({
        runId: 'r1',
        timeoutMs: 60_000,
        schedule: fixedSchedule(1),
        clock: fakeClock(),
        getStatus: async () => {
          calls++
          throw new HttpError('403 forbidden', 403, undefined)
        },
        cancel: async () => {}
      })
    ).rejects.toThrow('403')
    expect(calls).toBe(1)
  })
})
