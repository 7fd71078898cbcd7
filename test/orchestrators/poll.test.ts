import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { HttpError } from '../../src/adapters/http.js'
import {
  adaptiveSchedule,
  CANCEL_CONFIRM_MS,
  cancelAndConfirm,
  fixedSchedule,
  MAX_TIMER_MS,
  pollUntilDone,
  realClock,
  type Clock
} from '../../src/adapters/orchestrators/poll.js'
import { parseDuration } from '../../src/core/duration.js'
import {
  CancelFailedError,
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
  test('half the elapsed time from 1 s up to 10 s, kept until 5 % of the elapsed time is more, at most 30 s', () => {
    const schedule = adaptiveSchedule({ jitter: 0 })
    expect(schedule(0)).toBe(1000)
    expect(schedule(5_000)).toBe(2500)
    expect(schedule(60_000)).toBe(10_000)
    expect(schedule(199_000)).toBe(10_000)
    expect(schedule(300_000)).toBe(15_000)
    expect(schedule(10 * 60_000)).toBe(30_000)
    expect(schedule(5 * 3600_000)).toBe(30_000)
  })

  test('jitter only ever shortens the interval, by 5 % at most', () => {
    for (const r of [0, 0.25, 0.5, 0.999]) {
      const delay = adaptiveSchedule({ random: () => r })(300_000)
      expect(delay).toBeGreaterThanOrEqual(14_250)
      expect(delay).toBeLessThanOrEqual(15_000)
    }
  })
})

describe('realClock', () => {
  afterEach(() => {
    jest.useRealTimers()
  })

  test('a sleep longer than setTimeout can hold (600h) waits the whole time', async () => {
    jest.useFakeTimers()
    // @sinonjs/fake-timers fires an over-long timer after 1 ms, as Node does.
    let woke = false
    const sleep = realClock.sleep(parseDuration('600h')).then(() => (woke = true))
    await jest.advanceTimersByTimeAsync(60_000)
    expect(woke).toBe(false)
    await jest.advanceTimersByTimeAsync(MAX_TIMER_MS)
    expect(woke).toBe(false)
    await jest.advanceTimersByTimeAsync(parseDuration('600h') - MAX_TIMER_MS - 60_000 - 1)
    expect(woke).toBe(false)
    await jest.advanceTimersByTimeAsync(1)
    await sleep
    expect(woke).toBe(true)
  })

  test('an abort ends a long sleep, whichever chunk it is in', async () => {
    jest.useFakeTimers()
    const controller = new AbortController()
    const sleep = realClock.sleep(MAX_TIMER_MS * 2, controller.signal)
    await jest.advanceTimersByTimeAsync(MAX_TIMER_MS + 5)
    controller.abort(new Error('stop'))
    await expect(sleep).rejects.toThrow('stop')
    expect(jest.getTimerCount()).toBe(0)
  })
})

describe('cancelAndConfirm', () => {
  const secret = 'tok-Secret-99'
  const scrub = (text: string) => text.split(secret).join('***')

  test('counts once the orchestrator reports a terminal state', async () => {
    const states: RunState[] = ['running', 'running', 'cancelled']
    let requests = 0
    const final = await cancelAndConfirm({
      runId: 'r1',
      clock: fakeClock(),
      requestCancel: async () => {
        requests++
      },
      getStatus: async () => status(states.shift()!)
    })
    expect(final.state).toBe('cancelled')
    expect(requests).toBe(1)
  })

  test('a refused request fails with the server reason, scrubbed', async () => {
    const error = await cancelAndConfirm({
      runId: 'r1',
      clock: fakeClock(),
      requestCancel: async () => {
        throw new HttpError(
          `Argo Server: PUT /terminate returned 403: token ${secret} is read-only`,
          403,
          {}
        )
      },
      getStatus: async () => status('running'),
      scrub
    }).catch(e => e)
    expect(error).toBeInstanceOf(CancelFailedError)
    expect((error as CancelFailedError).message).toBe(
      'could not cancel run r1: the orchestrator refused: Argo Server: PUT /terminate returned 403: token *** is read-only'
    )
    expect((error as CancelFailedError).status?.state).toBe('running')
  })

  test('a refused request on a run that ended meanwhile is no failure', async () => {
    const final = await cancelAndConfirm({
      runId: 'r1',
      clock: fakeClock(),
      requestCancel: async () => {
        throw new HttpError('409: already completed', 409, {})
      },
      getStatus: async () => status('succeeded')
    })
    expect(final.state).toBe('succeeded')
  })

  test('an accepted request whose run goes on fails after the confirmation window', async () => {
    const clock = fakeClock()
    let reads = 0
    const error = await cancelAndConfirm({
      runId: 'r1',
      clock,
      requestCancel: async () => {},
      getStatus: async () => {
        reads++
        return { ...status('running'), rawState: 'Running' }
      }
    }).catch(e => e)
    expect(error).toBeInstanceOf(CancelFailedError)
    expect((error as Error).message).toBe(
      'could not cancel run r1: the cancel request was accepted, but the run is still Running 1m later'
    )
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBe(CANCEL_CONFIRM_MS)
    expect(reads).toBe(CANCEL_CONFIRM_MS / 2000 + 1)
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
        return status('cancelled')
      }
    }).catch(e => e)
    expect(error).toBeInstanceOf(RunTimeoutError)
    expect((error as RunTimeoutError).status.state).toBe('cancelled')
    expect((error as RunTimeoutError).cancelError).toBeUndefined()
    expect(cancelled).toBe(1)
    // The last sleep is cut to end exactly at the deadline.
    expect(clock.slept).toEqual([3000, 3000, 3000, 1000])
  })

  test('a timeout whose cancel fails keeps the last state and says why', async () => {
    const error = await pollUntilDone({
      runId: 'r1',
      timeoutMs: 5_000,
      schedule: fixedSchedule(3000),
      clock: fakeClock(),
      getStatus: async () => status('running'),
      cancel: async () => {
        throw new CancelFailedError(
          'r1',
          'the orchestrator refused: 403 forbidden',
          status('running')
        )
      }
    }).catch(e => e)
    expect(error).toBeInstanceOf(RunTimeoutError)
    expect((error as RunTimeoutError).status.state).toBe('running')
    expect((error as RunTimeoutError).cancelError).toBe(
      'could not cancel run r1: the orchestrator refused: 403 forbidden'
    )
    expect((error as Error).message).toContain('and cancelling it failed')
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
        return status('cancelled')
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
      cancel: async () => status('cancelled'),
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
        cancel: async () => status('cancelled')
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
        cancel: async () => status('cancelled')
      })
    ).rejects.toThrow('403')
    expect(calls).toBe(1)
  })
})
