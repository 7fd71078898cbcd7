import * as z from '../../core/zod.js'
import { ConfigurationError } from '../../core/errors.js'
import { booleanInput } from '../common/inputs.js'

/** Keys and defaults are exactly lint-test/action.yml's inputs (a metadata test compares them). */
export const inputSchema = z.object({
  mode: z._default(z.enum(['all', 'commands', 'validate']), 'all'),
  'command-results': z.optional(z.string()),
  lint: z.optional(z.string()),
  test: z.optional(z.string()),
  config: z._default(z.string(), 'promote.yaml'),
  'export-dir': z.optional(z.string()),
  'check-drift': booleanInput(false),
  environment: z.optional(z.string()),
  champion: z._default(z.enum(['auto', 'git', 'registry', 'none']), 'auto'),
  'production-branch': z.optional(z.string()),
  comment: booleanInput(true),
  'github-token': z._default(z.string(), '${{ github.token }}'),
  'fail-on': z._default(z.string(), 'errors')
})

export type LintTestInputs = z.output<typeof inputSchema>

export const secretKeys = ['github-token'] as const

/** One entry of the `checks` output of a `mode: commands` step. */
const commandCheck = z.strictObject({
  name: z.enum(['lint', 'tests']),
  verdict: z.enum(['pass', 'fail', 'warn', 'skip']),
  details: z.string(),
  durationMs: z.optional(z.number().check(z.nonnegative()))
})

/**
 * `command-results` of a `mode: validate` step: the `checks` output of the `mode: commands` step.
 * Empty means that step reported nothing (it failed or was cancelled before running the commands).
 */
export function parseCommandResults(value: string | undefined): z.output<typeof commandCheck>[] {
  if (!value?.trim()) {
    const details =
      'no result from the lint and test step (it failed before running the commands, or was skipped): see its log'
    return [
      { name: 'lint', verdict: 'fail', details },
      { name: 'tests', verdict: 'fail', details }
    ]
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    parsed = undefined
  }
  const result = z.array(commandCheck).safeParse(parsed)
  if (!result.success) {
    throw new ConfigurationError(
      "input 'command-results': expected the `checks` output of a `mode: commands` step, a JSON list of {name, verdict, details}"
    )
  }
  return result.data
}
