import { describe, expect, it } from '@jest/globals'
import { cliSnapshot } from '../export/cli-snapshot.js'
import { hostileCorpus } from './corpus.js'
import { runValidate } from './run-validate.js'

/**
 * Issue 12's bar for input a pull request controls: `promote validate` neither crashes nor prints
 * an error without its file and line, and stays far below 1 GB. Time is measured by
 * bench/hostile.ts, not here (tests never time anything).
 */
const CLI = cliSnapshot()
/** Problems about the whole file, which no line could point at, and the count of those not listed. */
const WHOLE_FILE =
  /: (?:file is \d+ bytes; the limit is \d+ bytes|\.\.\.and \d+ more problems \(fix the ones above first\))$/

describe('promote validate on pathological input', () => {
  it.each(hostileCorpus().map(hostile => [hostile.name, hostile] as const))(
    '%s',
    (_, hostile) => {
      const run = runValidate(CLI, hostile)
      expect(run.signal).toBeNull()
      expect({ status: run.status, stderr: run.stderr.slice(0, 2000) }).toMatchObject({
        status: hostile.refused ? 1 : 0
      })
      // A crash prints a stack or a JavaScript error name; a user mistake prints neither.
      expect(run.stderr).not.toMatch(/^\s+at |TypeError|RangeError|Maximum call stack/m)
      const errors = run.stderr.split('\n').filter(line => line.startsWith('error: '))
      if (hostile.refused) expect(errors.length).toBeGreaterThan(0)
      for (const line of errors) {
        if (WHOLE_FILE.test(line)) expect(line).toMatch(/^error: \S+?\.ya?ml: /)
        else expect(line).toMatch(/^error: \S+?\.ya?ml:\d+: /)
      }
      // Neutralised: no line of output starts a workflow command.
      expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^::/m)
      expect(run.peakMiB).toBeLessThan(1024)
    },
    120_000
  )
})
