/** `npm run bench`: speed figures that tests do not assert (tests never time anything). */
import { benchPolling, pollingTable } from './orchestrator-polling.js'

const results = await benchPolling()
console.log(
  'Orchestrator status polling (fake clock; 200 runs each, ending anywhere in [t, t + min(t, 10 s)))\n'
)
console.log(pollingTable(results))
console.log(
  '\nOurs: noticed within ~10% of the elapsed time (at most 30 s); fewer requests than both SDKs from ~10 min on.'
)
