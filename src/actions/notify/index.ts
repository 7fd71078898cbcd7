import { run } from './main.js'

// run() never throws: a failure fails the step with its message (runAction).
await run()
