import { z } from 'zod'
import {
  booleanInput,
  durationInput,
  matrixInput,
  objectInput,
  optionalBooleanInput
} from '../common/inputs.js'

/** The inputs of submit-train/action.yml: same names, same defaults (a metadata test compares). */
export const inputSchema = z.object({
  config: z.string().default('promote.yaml'),
  environment: z.string().optional(),
  workflow: z.string().default('train'),
  arguments: objectInput(),
  /** Default true; empty so that `detach: true` alone needs no `wait: false`, and both true is an error. */
  wait: optionalBooleanInput(),
  detach: booleanInput(false),
  timeout: durationInput(),
  matrix: matrixInput(),
  mode: z.enum(['train', 'collect']).default('train'),
  cluster: z.string().optional(),
  'run-id': z.string().optional(),
  'github-token': z.string().default('${{ github.token }}')
})

export type SubmitTrainInputs = z.output<typeof inputSchema>

/** Cluster credentials come from the environment variables the config names; the token is an input. */
export const SECRET_INPUTS: readonly string[] = ['github-token']
