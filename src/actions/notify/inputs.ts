import * as z from '../../core/zod.js'
import { booleanInput } from '../common/inputs.js'
import { NOTIFY_EVENTS } from '../../core/notification.js'

/** The notify action's inputs: keys and defaults are exactly action.yml's. */
export const inputSchema = z.object({
  event: z._default(z.enum(NOTIFY_EVENTS), 'auto'),
  'job-status': z.optional(z.string()),
  config: z._default(z.string(), 'promote.yaml'),
  facts: z.optional(z.string()),
  channel: z.optional(z.string()),
  ts: z.optional(z.string()),
  'thread-ts': z.optional(z.string()),
  stages: z.optional(z.string()),
  'slack-token': z.optional(z.string()),
  'slack-webhook': z.optional(z.string()),
  'summary-url': z.optional(z.string()),
  'fail-on-error': booleanInput(false),
  'dry-run': booleanInput(false)
})

export const SECRET_INPUTS = ['slack-token', 'slack-webhook'] as const
