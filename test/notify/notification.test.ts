import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import '../helpers/property.js'
import { parseFactsInput } from '../../src/app/notify.js'
import { pipelineFactsSchema } from '../../src/core/facts.js'
import {
  buildEmail,
  buildSlackMessage,
  buildStageReply,
  checkSlackLimits,
  resolveEvent,
  slackMention,
  stepStatus,
  type Block
} from '../../src/core/notification.js'
import { blockKitProblems } from '../fakes/slack-server.js'

const facts = pipelineFactsSchema.parse({
  kind: 'train',
  project: 'cicd-flow',
  environment: 'staging',
  workflow: 'train',
  runId: '5f1c2a',
  runUrl: 'https://mlrun.example.com/projects/cicd-flow/jobs/5f1c2a',
  logUrl: 'https://github.com/acme/ml/actions/runs/1001',
  state: 'error',
  error: 'step train failed: ValueError: x < 0',
  model: {
    name: 'model',
    version: '7',
    metrics: { accuracy: 0.91, f1: 0.88 },
    championMetrics: { accuracy: 0.89 }
  },
  deployment: {
    id: 42,
    url: 'https://github.com/acme/ml/deployments/staging',
    environmentUrl: 'https://staging.example.com'
  },
  steps: [
    { name: 'prep-data', state: 'completed', results: { rows: 303, features: 13 } },
    { name: 'train', state: 'error', error: 'ValueError: x < 0', results: {} }
  ],
  commit: 'a'.repeat(40),
  actor: 'octocat',
  startedAt: '2026-01-01T10:00:00Z',
  finishedAt: '2026-01-01T10:12:30Z'
})

const input = {
  event: 'failed' as const,
  facts,
  project: 'cicd-flow',
  mention: 'S0123ABCD',
  summaryUrl: 'https://github.com/acme/ml/actions/runs/1001',
  repositoryUrl: 'https://github.com/acme/ml'
}

const allText = (blocks: Block[]) => JSON.stringify(blocks)

describe('buildSlackMessage', () => {
  it('has a header with the state and emoji, the facts as fields, metrics, steps and buttons', () => {
    const message = buildSlackMessage(input)
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: ':x: Failed · train · cicd-flow (staging)', emoji: true }
    })
    const fields = (message.blocks[1] as { fields: Array<{ text: string }> }).fields.map(
      f => f.text
    )
    expect(fields).toEqual(
      expect.arrayContaining([
        '*Project*\ncicd-flow',
        '*Environment*\nstaging',
        '*Model*\nmodel v7',
        `*Commit*\n<https://github.com/acme/ml/commit/${'a'.repeat(40)}|aaaaaaa>`,
        '*Actor*\noctocat',
        '*Run*\n<https://mlrun.example.com/projects/cicd-flow/jobs/5f1c2a|5f1c2a>',
        '*Duration*\n12m30s'
      ])
    )
    const text = allText(message.blocks)
    expect(text).toContain('<!subteam^S0123ABCD>')
    expect(text).toContain('challenger vs champion')
    expect(text).toMatch(/accuracy +0\.91 +0\.89 +\+0\.02/)
    expect(text).toContain(':white_check_mark: *prep-data* · completed')
    expect(text).toContain(':x: *train* · error')
    // & < > are escaped in mrkdwn.
    expect(text).toContain('x &lt; 0')
    const actions = message.blocks.find(b => b.type === 'actions') as {
      elements: Array<{ text: { text: string }; url: string; style?: string }>
    }
    expect(actions.elements.map(e => [e.text.text, e.url])).toEqual([
      ['View run', facts.runUrl],
      ['GitHub run', facts.logUrl],
      ['Deployment', 'https://github.com/acme/ml/deployments/staging'],
      ['Open environment', 'https://staging.example.com']
    ])
    expect(actions.elements[0]!.style).toBe('danger')
    expect(message.text).toMatch(/^<!subteam\^S0123ABCD> ❌ Failed · train · cicd-flow \(staging\)/)
    expect(message.cuts).toEqual([])
    expect(checkSlackLimits(message)).toEqual([])
    expect(blockKitProblems(message.blocks, message.text)).toEqual([])
  })

  it('does not mention anyone unless the event is a failure', () => {
    const message = buildSlackMessage({ ...input, event: 'succeeded' })
    expect(allText(message.blocks)).not.toContain('subteam')
    expect(message.text).not.toContain('subteam')
    expect(message.text.startsWith('✅ Succeeded')).toBe(true)
  })

  it('the started message says where to follow progress, as the seed did', () => {
    const started = buildSlackMessage({
      ...input,
      event: 'started',
      facts: { ...facts, error: undefined, state: 'running' }
    })
    expect(started.text).toContain('id=5f1c2a, commit=aaaaaaa')
    expect(started.text).toContain(`check progress in ${facts.runUrl}`)
    expect((started.blocks[0] as { text: { text: string } }).text.text).toBe(
      ':rocket: Started · train · cicd-flow (staging)'
    )
  })

  it('cuts a result table too big for one section, keeping whole lines and linking to the summary', () => {
    const results = Object.fromEntries(
      Array.from({ length: 400 }, (_, i) => [`metric_${i}`, i * 1.5])
    )
    const message = buildSlackMessage({
      ...input,
      facts: { ...facts, steps: [{ name: 'evaluate', state: 'completed', results }] }
    })
    expect(checkSlackLimits(message)).toEqual([])
    expect(blockKitProblems(message.blocks, message.text)).toEqual([])
    const section = message.blocks.find(
      b => b.type === 'section' && b.text?.text.includes('evaluate')
    ) as { text: { text: string } }
    expect(section.text.text.length).toBeLessThanOrEqual(3000)
    expect(section.text.text).toMatch(
      /\d+ more lines of evaluate's results cut: <https:\/\/github\.com\/acme\/ml\/actions\/runs\/1001\|see the run summary>/
    )
    expect(section.text.text).toMatch(/```\n[\s\S]*metric_0 +0\n[\s\S]*\n```\n_/)
    expect(message.cuts).toEqual(["evaluate's results"])
  })

  it('keeps to 50 blocks when there are more steps than fit, failed steps first', () => {
    const steps = Array.from({ length: 80 }, (_, i) => ({
      name: `step-${i}`,
      state: i === 70 ? 'failed' : 'completed',
      results: { i }
    }))
    const message = buildSlackMessage({ ...input, facts: { ...facts, steps } })
    expect(message.blocks.length).toBeLessThanOrEqual(50)
    expect(checkSlackLimits(message)).toEqual([])
    const text = allText(message.blocks)
    expect(text).toContain('*step-70* · failed')
    expect(text).toMatch(
      /_\d+ more steps \(\d+ succeeded\) cut: <https:\/\/github\.com\/acme\/ml\/actions\/runs\/1001\|see the run summary>_/
    )
  })

  it('stays within every Block Kit limit whatever the facts (property)', () => {
    const str = fc.string({ unit: 'binary', maxLength: 400 })
    const value = fc.oneof(
      str,
      fc.double({ noNaN: true }),
      fc.integer(),
      fc.array(fc.integer(), { maxLength: 30 })
    )
    const stepArb = fc.record({
      name: str,
      state: fc.constantFrom('completed', 'error', 'running', 'Skipped', 'weird'),
      results: fc.dictionary(str, value, { maxKeys: 60 }),
      error: fc.option(str, { nil: undefined })
    })
    fc.assert(
      fc.property(
        fc.record({
          project: str,
          environment: fc.option(str, { nil: undefined }),
          workflow: fc.option(str, { nil: undefined }),
          runId: fc.option(str, { nil: undefined }),
          runUrl: fc.option(fc.webUrl(), { nil: undefined }),
          error: fc.option(fc.string({ maxLength: 8000 }), { nil: undefined }),
          steps: fc.array(stepArb, { maxLength: 70 }),
          results: fc.dictionary(str, value, { maxKeys: 80 })
        }),
        fc.constantFrom('started', 'approval-pending', 'succeeded', 'failed', 'cancelled' as const),
        (raw, event) => {
          const parsed = pipelineFactsSchema.parse(raw)
          for (const message of [
            buildSlackMessage({ ...input, event, facts: parsed }),
            buildStageReply({ ...input, event, facts: parsed })
          ]) {
            expect(checkSlackLimits(message)).toEqual([])
            expect(blockKitProblems(message.blocks, message.text)).toEqual([])
          }
        }
      ),
      { numRuns: 150 }
    )
  })
})

describe('buildStageReply', () => {
  it('is short, lists the steps, and mentions the group on failure', () => {
    const reply = buildStageReply(input)
    const text = (reply.blocks[0] as { text: { text: string } }).text.text
    expect(text.split('\n')[0]).toBe(
      '<!subteam^S0123ABCD> :x: *train* failed in *staging* after 12m30s · run <https://mlrun.example.com/projects/cicd-flow/jobs/5f1c2a|5f1c2a>'
    )
    expect(text).toContain('✅ prep-data  completed')
    expect(text).toContain('❌ train  error — ValueError: x &lt; 0')
    expect(reply.text).toContain('<!subteam^S0123ABCD>')
  })

  it('asks for a review while approval is pending', () => {
    const reply = buildStageReply({
      ...input,
      event: 'approval-pending',
      facts: { ...facts, error: undefined, kind: 'deploy', workflow: 'deploy' }
    })
    expect(JSON.stringify(reply.blocks)).toContain(
      'Waiting for a reviewer: <https://github.com/acme/ml/actions/runs/1001|review the deployment>.'
    )
  })
})

describe('buildEmail', () => {
  it('says what failed, where, the error and the links, in text and escaped HTML', () => {
    const mail = buildEmail(input)
    expect(mail.subject).toBe('[promote] ❌ Failed: train of cicd-flow in staging (model v7)')
    expect(mail.text).toContain('FAILED: train of cicd-flow in staging')
    expect(mail.text).toMatch(/Environment +staging/)
    expect(mail.text).toContain('Error:\n  step train failed: ValueError: x < 0')
    expect(mail.text).toContain(
      'Orchestrator run: https://mlrun.example.com/projects/cicd-flow/jobs/5f1c2a'
    )
    expect(mail.text).toContain('Deployment: https://github.com/acme/ml/deployments/staging')
    expect(mail.html).toContain(
      '<pre style="background:#f6f6f6;padding:8px;white-space:pre-wrap">step train failed: ValueError: x &lt; 0</pre>'
    )
    expect(mail.html).toContain(
      '<a href="https://github.com/acme/ml/actions/runs/1001">GitHub run</a>'
    )
    expect(mail.html).not.toContain('x < 0')
  })
})

describe('buildEmail limits', () => {
  it('cuts long step lists and result tables, failed steps first, pointing at the summary', () => {
    const steps = Array.from({ length: 150 }, (_, i) => ({
      name: `step-${i}`,
      state: i === 149 ? 'failed' : 'completed',
      results: Object.fromEntries(Array.from({ length: 60 }, (_, j) => [`r${j}`, j]))
    }))
    const mail = buildEmail({ ...input, facts: { ...facts, steps } })
    expect(mail.text).toContain('❌ step-149  failed')
    expect(mail.text).toContain(`… 50 more steps (see the run summary: ${input.summaryUrl})`)
    expect(mail.text).toContain('… 20 more results (see the run summary')
    expect(mail.html).toContain('… 50 more steps (see the run summary')
    expect(mail.text.length).toBeLessThan(100_000)
  })
})

describe('parseFactsInput', () => {
  it('keeps the valid fields of broken facts and warns about the rest', () => {
    const warnings: string[] = []
    const parsed = parseFactsInput('{"project": "p", "runId": "r1", "steps": "not a list"}', w =>
      warnings.push(w)
    )
    expect(parsed).toMatchObject({ project: 'p', runId: 'r1', steps: [] })
    expect(warnings).toEqual([
      expect.stringMatching(
        /^input 'facts' does not match the pipeline facts shape \(steps: .*\): notifying without steps$/
      )
    ])
    expect(parseFactsInput('[1, 2]', w => warnings.push(w))).toMatchObject({ steps: [] })
    expect(warnings[1]).toContain('notifying without facts')
  })
})

describe('events and states', () => {
  it('auto takes the event from the job status, else the facts state', () => {
    expect(resolveEvent('auto', 'success')).toBe('succeeded')
    expect(resolveEvent('auto', 'failure')).toBe('failed')
    expect(resolveEvent('auto', 'cancelled')).toBe('cancelled')
    expect(resolveEvent('auto', undefined, 'Succeeded')).toBe('succeeded')
    expect(resolveEvent('auto', undefined, 'error')).toBe('failed')
    expect(resolveEvent('failed', 'success')).toBe('failed')
    expect(() => resolveEvent('auto', 'skipped')).toThrow(
      "input 'job-status': 'skipped' is not one of success, failure, cancelled"
    )
    expect(() => resolveEvent('auto')).toThrow("'auto' needs the job status")
  })

  it('reads the orchestrators’ state words', () => {
    expect(['completed', 'Succeeded', 'success'].map(stepStatus)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded'
    ])
    expect(['error', 'Failed', 'Error'].map(stepStatus)).toEqual(['failed', 'failed', 'failed'])
    expect(['aborted', 'Terminated', 'canceled'].map(stepStatus)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled'
    ])
  })

  it('mentions user groups, users and @here', () => {
    expect(slackMention('S0123ABCD')).toBe('<!subteam^S0123ABCD>')
    expect(slackMention('U024BE7LH')).toBe('<@U024BE7LH>')
    expect(slackMention('@here')).toBe('<!here>')
    expect(slackMention('')).toBeUndefined()
  })
})
