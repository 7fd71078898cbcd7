import { createInterface } from 'node:readline'

/**
 * Asks a yes/no question and asks again on anything else, as the seed's export script does.
 * Resolves false on end of input (nothing was agreed to).
 */
export async function confirm(
  question: string,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream
): Promise<boolean> {
  const rl = createInterface({ input, output, terminal: false })
  const lines = rl[Symbol.asyncIterator]()
  try {
    for (;;) {
      output.write(question)
      const next = await lines.next()
      if (next.done) {
        output.write('\n')
        return false
      }
      const answer = String(next.value).trim().toLowerCase()
      if (answer === 'yes' || answer === 'y') return true
      if (answer === 'no' || answer === 'n') return false
      output.write("Please answer 'yes' or 'no'.\n")
    }
  } finally {
    rl.close()
  }
}
