import { z } from 'zod'
import { ConfigurationError } from '../../core/errors.js'
import { booleanInput } from '../common/inputs.js'

/** Keys and defaults are exactly lint-test/action.yml's inputs (a metadata test compares them). */
export const inputSchema = z.object({
  mode: z.enum(['all', 'commands', 'validate']).default('all'),
  'command-results': z.string().optional(),
  lint: z.string().optional(),
  test: z.string().optional(),
  config: z.string().default('promote.yaml'),
  'export-dir': z.string().optional(),
  'check-drift': booleanInput(false),
  environment: z.string().optional(),
  champion: z.enum(['auto', 'git', 'registry', 'none']).default('auto'),
  'production-branch': z.string().optional(),
  comment: booleanInput(true),
  'github-token': z.string().default('${{ github.token }}'),
  'fail-on': z.string().default('errors')
})

export type LintTestInputs = z.output<typeof inputSchema>

export const secretKeys = ['github-token'] as const

/** One entry of the `checks` output of a `mode: commands` step. */
const commandCheck = z.strictObject({
  name: z.enum(['lint', 'tests']),
  verdict: z.enum(['pass', 'fail', 'warn', 'skip']),
  details: z.string(),
  durationMs: z.number().nonnegative().optional()
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
