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
  matrix: matrixInput()
})

export type SubmitTrainInputs = z.output<typeof inputSchema>

/** None of the inputs is a secret: credentials come from the environment variables the config names. */
export const SECRET_INPUTS: readonly string[] = []
