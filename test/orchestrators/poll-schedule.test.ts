/**
 * The default poll schedule's bounds at every run length up to 24 h (a fake clock through the
 * real poller, pollUntilDone): the worst-case delay in noticing a run's end stays within 5 % of
 * its length from 200 s on (and within the MLRun SDK's 10 s before), never over 30 s, and the
 * requests stay fewer than the MLRun SDK's (a request every 10 s) from 7.5 minutes on.
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import {
  fewerFrom,
  noticeOf,
  pollTimes,
  withinShareFrom
} from '../../bench/orchestrator-polling.js'
import { adaptiveSchedule, fixedSchedule } from '../../src/adapters/orchestrators/poll.js'
import '../helpers/property.js'

const DAY = 24 * 3_600_000

describe('the default poll schedule', () => {
  test('the MLRun SDK measured the same way: 62 requests for a 10-minute run, worst delay 10 s', async () => {
    const sdk = await pollTimes(fixedSchedule(10_000), DAY)
    expect(noticeOf(sdk, 600_001)).toEqual({ requests: 62, delayMs: 9_999 })
  })

  test('within 5 % from 200 s, at most 10 s before and 30 s ever, fewer requests than the MLRun SDK from 7.5 min', async () => {
    const sdk = await pollTimes(fixedSchedule(10_000), DAY)
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), async r => {
        const times = await pollTimes(adaptiveSchedule({ random: () => r }), DAY)
        expect(withinShareFrom(times, 0.05)).toBeLessThanOrEqual(200_000)
        for (let k = 0; k + 1 < times.length; k++) {
          const interval = times[k + 1]! - times[k]!
          expect(interval).toBeLessThanOrEqual(times[k]! < 200_000 ? 10_000 : 30_000)
        }
        expect(fewerFrom(times, sdk)).toBeLessThanOrEqual(450_000)
      }),
      { numRuns: 12 }
    )
  })

  test('short runs are noticed sooner than the SDK notices them: a 5 s run within 2.5 s', async () => {
    const times = await pollTimes(adaptiveSchedule({ jitter: 0 }), 60_000)
    for (let end = 1; end <= 5_000; end += 7)
      expect(noticeOf(times, end).delayMs).toBeLessThan(2_500)
  })
})
