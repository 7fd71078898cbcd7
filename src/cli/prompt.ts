import { createInterface } from 'node:readline'

export interface ConfirmOptions {
  /** Said after an answer that is neither yes nor no, before asking again. */
  invalid?: string
  /** Only `yes` and `no` count (the seed's export script); otherwise `y` and `n` do too. */
  exact?: boolean
}

/**
 * Asks a yes/no question and asks again on anything else, as the seed's export script does, from
 * a terminal or from piped input alike. Resolves true for yes, false for no or for an input that
 * ends after other answers, and undefined when the input ends before any answer at all (nobody
 * is there to ask: the caller tells how to run without asking).
 */
export async function askYesNo(
  question: string,
  input: NodeJS.ReadableStream & { isTTY?: boolean },
  output: NodeJS.WritableStream,
  options: ConfirmOptions = {}
): Promise<boolean | undefined> {
  const rl = createInterface({ input, output, terminal: false })
  const lines = rl[Symbol.asyncIterator]()
  const yes = options.exact ? ['yes'] : ['yes', 'y']
  const no = options.exact ? ['no'] : ['no', 'n']
  try {
    for (let asked = 0; ; asked++) {
      output.write(question)
      const next = await lines.next()
      // A terminal echoes the answer and its newline; piped input does not.
      if (next.done || input.isTTY !== true) output.write('\n')
      if (next.done) return asked === 0 ? undefined : false
      const answer = String(next.value).trim().toLowerCase()
      if (yes.includes(answer)) return true
      if (no.includes(answer)) return false
      output.write(`${options.invalid ?? "Please answer 'yes' or 'no'."}\n`)
    }
  } finally {
    rl.close()
  }
}

/** {@link askYesNo}, where an input that ends without an answer is a no. */
export async function confirm(
  question: string,
  input: NodeJS.ReadableStream & { isTTY?: boolean },
  output: NodeJS.WritableStream,
  options: ConfirmOptions = {}
): Promise<boolean> {
  return (await askYesNo(question, input, output, options)) === true
}
