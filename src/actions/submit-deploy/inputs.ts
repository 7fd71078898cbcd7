import * as z from '../../core/zod.js'
import { booleanInput, durationInput, matrixInput, objectInput } from '../common/inputs.js'

/** The inputs of submit-deploy/action.yml: same names, same defaults (a metadata test compares). */
export const inputSchema = z.object({
  config: z._default(z.string(), 'promote.yaml'),
  environment: z.optional(z.string()),
  manifest: z.optional(z.string()),
  arguments: objectInput(),
  wait: booleanInput(true),
  timeout: durationInput(),
  'github-token': z._default(z.string(), '${{ github.token }}'),
  'require-approval': z._default(z.enum(['', 'true', 'false']), ''),
  'override-same-artifact': z.optional(z.string()),
  rollback: booleanInput(false),
  'rollback-to': z.optional(
    z.string().check(z.regex(/^#?\d+$/, 'expected a deployment id, e.g. 1234567890'))
  ),
  'open-promotion-pr': booleanInput(false),
  'promotion-pr-token': z.optional(z.string()),
  'dry-run': booleanInput(false),
  matrix: matrixInput()
})

export type SubmitDeployInputs = z.output<typeof inputSchema>

export const SECRET_INPUTS: readonly string[] = ['github-token', 'promotion-pr-token']

/** A default expression the runner did not substitute (outside a runner) is no token. */
export function tokenValue(value: string | undefined): string {
  return value && !value.startsWith('${{') ? value : ''
}
