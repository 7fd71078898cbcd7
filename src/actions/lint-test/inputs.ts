import { z } from 'zod'
import { booleanInput } from '../common/inputs.js'

/** Keys and defaults are exactly lint-test/action.yml's inputs (a metadata test compares them). */
export const inputSchema = z.object({
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

export const secretKeys = ['github-token'] as const
