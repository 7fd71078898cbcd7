import { z } from 'zod'
import { booleanInput, durationInput, matrixInput, objectInput } from '../common/inputs.js'

/** The inputs of submit-deploy/action.yml: same names, same defaults (a metadata test compares). */
export const inputSchema = z.object({
  config: z.string().default('promote.yaml'),
  environment: z.string().optional(),
  manifest: z.string().optional(),
  arguments: objectInput(),
  wait: booleanInput(true),
  timeout: durationInput(),
  'github-token': z.string().default('${{ github.token }}'),
  'require-approval': z.enum(['', 'true', 'false']).default(''),
  'override-same-artifact': z.string().optional(),
  rollback: booleanInput(false),
  'rollback-to': z
    .string()
    .regex(/^#?\d+$/, 'expected a deployment id, e.g. 1234567890')
    .optional(),
  'open-promotion-pr': booleanInput(false),
  'promotion-pr-token': z.string().optional(),
  'dry-run': booleanInput(false),
  matrix: matrixInput()
})

export type SubmitDeployInputs = z.output<typeof inputSchema>

export const SECRET_INPUTS: readonly string[] = ['github-token', 'promotion-pr-token']

/** A default expression the runner did not substitute (outside a runner) is no token. */
export function tokenValue(value: string | undefined): string {
  return value && !value.startsWith('${{') ? value : ''
}
