/**
 * Ctrl-C in the CLI. While a command runs something that can be cancelled (a remote run, a deploy
 * run, the demo's steps), the first SIGINT or SIGTERM aborts that work's AbortSignal, and the use
 * case cancels the remote run and waits for the orchestrator to confirm it, as the actions do; a
 * second one leaves at once. With nothing to cancel, the CLI leaves at once. The exit code is the
 * one shells give a process killed by the signal: 130 for SIGINT, 143 for SIGTERM.
 */

type Signal = 'SIGINT' | 'SIGTERM'

let interruptedBy: Signal | undefined
const scopes: Array<{ controller: AbortController; onInterrupt: (signal: Signal) => void }> = []

export function exitCodeFor(signal: Signal): number {
  return signal === 'SIGTERM' ? 143 : 130
}

/** The signal that interrupted this process, if one did: main() exits with its code. */
export function interruption(): Signal | undefined {
  return interruptedBy
}

/** Installed once by the executable (not by tests that call main() in process). */
export function installInterruptHandling(
  stderr: NodeJS.WritableStream,
  exit: (code: number) => void = code => process.exit(code)
): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      const scope = scopes.at(-1)
      if (!scope || interruptedBy) {
        stderr.write(
          scope
            ? `\n${signal} again: leaving without waiting for the cancel to be confirmed\n`
            : `\n${signal}: stopped\n`
        )
        exit(exitCodeFor(signal))
        return
      }
      interruptedBy = signal
      scope.onInterrupt(signal)
      scope.controller.abort(new Error(`interrupted by ${signal}`))
    })
  }
}

/**
 * Runs `work` with an AbortSignal that the first Ctrl-C aborts, after `onInterrupt` has said what
 * is being cancelled.
 */
export async function cancellable<T>(
  onInterrupt: (signal: Signal) => void,
  work: (signal: AbortSignal) => Promise<T>
): Promise<T> {
  const scope = { controller: new AbortController(), onInterrupt }
  scopes.push(scope)
  try {
    return await work(scope.controller.signal)
  } finally {
    scopes.splice(scopes.indexOf(scope), 1)
  }
}
