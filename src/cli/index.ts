import { describeError, main } from './main.js'
import { installInterruptHandling } from './signals.js'

const debug = Boolean(process.env.PROMOTE_DEBUG) || process.argv.includes('--debug')

// `promote ... | head -1`: once the reader has gone, stop quietly, as other command-line tools
// do, instead of printing an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    fail(error)
  })
}

// Whatever escapes a command ends with one line naming the cause, not Node's stack and trailer.
function fail(error: unknown): never {
  try {
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`)
    process.stderr.write(`promote: ${describeError(error)}\n`)
  } catch {
    // stderr itself is gone: nothing left to tell.
  }
  process.exit(1)
}
process.on('uncaughtException', fail)
process.on('unhandledRejection', fail)

installInterruptHandling(process.stderr)

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr
})
process.exitCode = code
