import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
// @ts-expect-error: a plain .mjs script without types
import { isKnownNewKey } from '../../scripts/actionlint-exceptions.mjs'
import { REPO_ROOT } from '../helpers/shared.js'

const known = isKnownNewKey as (problem: { message: string; line: number }, text: string) => boolean
const QUEUE_PROBLEM =
  'unexpected key "queue" for "concurrency" section. expected one of "cancel-in-progress", "group"'

describe('queued deploys are never cancelled', () => {
  it.each(['train.yml', 'deploy.yml', 'promote.yml'])(
    '%s queues every waiting run (queue: max, cancel-in-progress false)',
    file => {
      const workflow = parse(
        readFileSync(join(REPO_ROOT, '.github', 'workflows', file), 'utf8')
      ) as {
        jobs: Record<string, { concurrency?: Record<string, unknown> }>
      }
      const concurrency = Object.values(workflow.jobs).map(job => job.concurrency)
      expect(concurrency).toContainEqual(
        expect.objectContaining({ 'cancel-in-progress': false, queue: 'max' })
      )
    }
  )

  it('accepts only the exact `queue: max` line that actionlint 1.7.7 does not know yet', () => {
    const text = 'concurrency:\n  group: x\n  queue: max\n  queue: 5\n  queue: max # keep order\n'
    expect(known({ message: QUEUE_PROBLEM, line: 3 }, text)).toBe(true)
    expect(known({ message: QUEUE_PROBLEM, line: 4 }, text)).toBe(false)
    expect(known({ message: QUEUE_PROBLEM, line: 5 }, text)).toBe(true)
    expect(
      known({ message: 'unexpected key "queues" for "concurrency" section', line: 3 }, text)
    ).toBe(false)
    expect(known({ message: 'unexpected key "queue" for "jobs" section', line: 3 }, text)).toBe(
      false
    )
  })
})
