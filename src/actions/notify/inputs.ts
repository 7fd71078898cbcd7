import { z } from 'zod'
import { booleanInput } from '../common/inputs.js'
import { NOTIFY_EVENTS } from '../../core/notification.js'

/** The notify action's inputs: keys and defaults are exactly action.yml's. */
export const inputSchema = z.object({
  event: z.enum(NOTIFY_EVENTS).default('auto'),
  'job-status': z.string().optional(),
  config: z.string().default('promote.yaml'),
  facts: z.string().optional(),
  channel: z.string().optional(),
  ts: z.string().optional(),
  'thread-ts': z.string().optional(),
  stages: z.string().optional(),
  'slack-token': z.string().optional(),
  'slack-webhook': z.string().optional(),
  'summary-url': z.string().optional(),
  'fail-on-error': booleanInput(false),
  'dry-run': booleanInput(false)
})

export const SECRET_INPUTS = ['slack-token', 'slack-webhook'] as const
