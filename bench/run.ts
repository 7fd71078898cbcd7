/** `npm run bench`: speed figures that tests do not assert (tests never time anything). */
import { adaptiveSchedule, fixedSchedule } from '../src/adapters/orchestrators/poll.js'
import {
  benchPolling,
  boundsTable,
  OURS,
  pollingTable,
  scheduleBounds,
  seeded
} from './orchestrator-polling.js'
import { benchStartup, startupTable } from './startup.js'

const results = await benchPolling()
console.log(
  'Orchestrator status polling (fake clock; 200 runs each, ending anywhere in [t, t + min(t, 10 s)))\n'
)
console.log(pollingTable(results))
console.log(
  '\nBounds over every run length up to 24 h (from the request times; ours over 50 jitter seeds)\n'
)
console.log(
  boundsTable([
    await scheduleBounds(OURS, seed => adaptiveSchedule({ random: seeded(seed) })),
    await scheduleBounds('MLRun SDK (every 10 s)', () => fixedSchedule(10_000), 1),
    await scheduleBounds('KFP SDK (every 5 s)', () => fixedSchedule(5_000), 1)
  ])
)
console.log(
  '\nArgo with its event stream (the default when the server offers it): one request for the whole wait, the end noticed from the event.'
)

const { benchDetached, detachedTable, TRAINING_SECONDS } = await import('./detached.js')
console.log(
  `\nRunner time of a ${TRAINING_SECONDS / 3600}-hour training (local servers, median of 5; the hour itself on a fake clock)\n`
)
console.log(detachedTable(await benchDetached()))
console.log(
  '\nStart-up and size of dist/ (medians of runs alternating with bare `node -e 0`; build first)\n'
)
console.log(startupTable(await benchStartup()))
