import * as z from '../../core/zod.js'
import { parseSlackMessageRef, type SlackMessageRef } from '../../core/detached.js'
import { ConfigurationError } from '../../core/errors.js'
import {
  booleanInput,
  durationInput,
  matrixInput,
  objectInput,
  optionalBooleanInput
} from '../common/inputs.js'

/** The inputs of submit-train/action.yml: same names, same defaults (a metadata test compares). */
export const inputSchema = z.object({
  config: z._default(z.string(), 'promote.yaml'),
  environment: z.optional(z.string()),
  workflow: z._default(z.string(), 'train'),
  arguments: objectInput(),
  /** Default true; empty so that `detach: true` alone needs no `wait: false`, and both true is an error. */
  wait: optionalBooleanInput(),
  detach: booleanInput(false),
  timeout: durationInput(),
  matrix: matrixInput(),
  mode: z._default(z.enum(['train', 'collect']), 'train'),
  cluster: z.optional(z.string()),
  'run-id': z.optional(z.string()),
  'github-token': z._default(z.string(), '${{ github.token }}'),
  'slack-channel': z.optional(z.string()),
  'slack-ts': z.optional(z.string())
})

export type SubmitTrainInputs = z.output<typeof inputSchema>

/**
 * The Slack message the training was announced in (`slack-channel` + `slack-ts`, the outputs of
 * the notify step that posted it): detached, the run keeps it so the collector updates that
 * message; in collect mode, the callback's. Both or neither.
 */
export function slackMessageInput(inputs: SubmitTrainInputs): SlackMessageRef | undefined {
  const channel = inputs['slack-channel']?.trim()
  const ts = inputs['slack-ts']?.trim()
  if (!channel && !ts) return undefined
  if (!channel || !ts)
    throw new ConfigurationError(
      `inputs 'slack-channel' and 'slack-ts' go together (the channel and ts outputs of the notify step that posted the message): only '${channel ? 'slack-channel' : 'slack-ts'}' is set`
    )
  const message = parseSlackMessageRef({ channel, ts })
  if (!message)
    throw new ConfigurationError(
      `inputs 'slack-channel' and 'slack-ts': expected a Slack channel ID (C0123ABCD, not a #name) and a message ts (1733400000.123456), got '${channel}' and '${ts}'`
    )
  return message
}

/** Cluster credentials come from the environment variables the config names; the token is an input. */
export const SECRET_INPUTS: readonly string[] = ['github-token']
