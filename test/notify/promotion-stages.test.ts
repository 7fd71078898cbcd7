import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import '../helpers/property.js'
import { pipelineFactsSchema } from '../../src/core/facts.js'
import {
  buildSlackMessage,
  buildStageReply,
  checkSlackLimits,
  type Block
} from '../../src/core/notification.js'
import {
  MAX_STAGES,
  overallStatus,
  parseStages,
  recordStage,
  stageFromFacts,
  STAGE_STATUSES,
  type PromotionStage
} from '../../src/core/promotion-thread.js'
import { blockKitProblems } from '../fakes/slack-server.js'

const textOf = (blocks: Block[]) => JSON.stringify(blocks)

describe('promotion stages', () => {
  const train: PromotionStage = {
    stage: 'train',
    environment: 'development',
    status: 'succeeded',
    model: 'model v7'
  }

  it('replaces a stage of the same kind and environment in place, appends a new one, keeps the model it knew', () => {
    const pending = stageFromFacts(
      'approval-pending',
      pipelineFactsSchema.parse({
        kind: 'deploy',
        environment: 'staging',
        model: { name: 'model', version: '7' }
      })
    )
    const started = stageFromFacts(
      'started',
      pipelineFactsSchema.parse({ kind: 'deploy', environment: 'staging' })
    )
    const stages = recordStage(recordStage([train], pending), started)
    expect(stages).toEqual([
      train,
      { stage: 'deploy', environment: 'staging', status: 'started', model: 'model v7' }
    ])
    expect(
      recordStage(stages, { stage: 'deploy', environment: 'production', status: 'refused' }).map(
        s => s.environment
      )
    ).toEqual(['development', 'staging', 'production'])
  })

  it('a refused deploy is a refused stage, and the promotion stops there', () => {
    const refused = stageFromFacts(
      'failed',
      pipelineFactsSchema.parse({ kind: 'deploy', environment: 'production', state: 'refused' })
    )
    expect(refused.status).toBe('refused')
    expect(overallStatus([train, refused])).toBe('refused')
    expect(overallStatus([train])).toBe('succeeded')
  })

  it('broken stages input warns and shows this stage only; bad entries are left out', () => {
    const warnings: string[] = []
    expect(parseStages('{not json', m => warnings.push(m))).toEqual([])
    expect(parseStages('{"stage":"train"}', m => warnings.push(m))).toEqual([])
    expect(
      parseStages(JSON.stringify([train, { stage: 'x', status: 'exploded' }]), m =>
        warnings.push(m)
      )
    ).toEqual([train])
    expect(warnings).toHaveLength(3)
    expect(warnings[2]).toContain("input 'stages': entry 1 is not a stage")
    const many = Array.from({ length: 30 }, (_, i) => ({ ...train, stage: `s${i}` }))
    expect(parseStages(JSON.stringify(many), () => undefined)).toHaveLength(MAX_STAGES)
  })

  it('the parent lists the stages from the second one on; the reply does not', () => {
    const facts = pipelineFactsSchema.parse({ kind: 'deploy', environment: 'staging' })
    const one = buildSlackMessage({ event: 'started', facts, stages: [train] })
    expect(textOf(one.blocks)).not.toContain('*Promotion*')
    const stages: PromotionStage[] = [
      { ...train, url: 'https://github.com/acme/ml/actions/runs/1' },
      { stage: 'deploy', environment: 'staging', status: 'approval-pending' }
    ]
    const two = buildSlackMessage({ event: 'approval-pending', facts, stages })
    expect(two.blocks[1]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: [
          '*Promotion* · awaiting approval',
          ':white_check_mark: *train* in *development* · model v7 · <https://github.com/acme/ml/actions/runs/1|succeeded>',
          ':hourglass_flowing_sand: *deploy* in *staging* · awaiting approval'
        ].join('\n')
      }
    })
    expect(
      textOf(buildStageReply({ event: 'approval-pending', facts, stages }).blocks)
    ).not.toContain('*Promotion*')
  })

  it('too many stages for one section: whole lines kept, the latest last, the rest counted', () => {
    const url = `https://github.com/acme/ml/actions/runs/${'9'.repeat(900)}`
    const stages = Array.from({ length: MAX_STAGES }, (_, i) => ({
      stage: `stage-${i}`,
      status: 'succeeded' as const,
      url
    }))
    const message = buildSlackMessage({
      event: 'succeeded',
      facts: pipelineFactsSchema.parse({ kind: 'deploy' }),
      stages
    })
    const text = (message.blocks[1] as { text: { text: string } }).text.text
    expect(text).toMatch(/^\*Promotion\* · succeeded\n_18 earlier stages not shown_\n/)
    expect(text.endsWith(`<${url}|succeeded>`)).toBe(true)
    expect(text.split('<').length).toBe(text.split('>').length)
    expect(text.length).toBeLessThanOrEqual(3000)
  })

  it('the approval-pending reply carries the plan; other events do not', () => {
    const facts = pipelineFactsSchema.parse({
      kind: 'deploy',
      environment: 'production',
      reviewUrl: 'https://github.com/acme/ml/actions/runs/9',
      plan: {
        environment: { name: 'production', cluster: 'prod', clusterKind: 'mlrun' },
        model: { name: 'model', version: '7', contentHash: 'abcdef0123456789' },
        live: { id: 12, modelName: 'model', modelVersion: '6', contentHash: '0011223344556677' },
        metrics: [{ name: 'accuracy', candidate: 0.91, live: 0.88 }],
        sameArtifact: { verdict: 'pass', note: 'succeeded in staging as deployment #11' },
        approval: {
          required: true,
          verdict: 'info',
          rule: "GitHub environment 'production'",
          approvers: 'carol'
        },
        workflow: {
          key: 'deploy',
          remoteName: 'deploy',
          project: 'demo',
          timeout: '45m',
          arguments: { replicas: 2 }
        },
        refusals: ['approval: the environment has no required-reviewers rule']
      }
    })
    const reply = buildStageReply({ event: 'approval-pending', facts })
    const text = textOf(reply.blocks)
    expect(text).toContain(
      '*Plan* · deploy *model v7* (`abcdef012345`) to *production* on prod (mlrun)'
    )
    expect(text).toContain('Live now: #12: model v6 (`001122334455`)')
    expect(text).toContain('*Would be refused* (a reviewer should reject it)')
    expect(text).toContain('accuracy  0.91        0.88')
    expect(text).toContain('*Who may approve*\\ncarol')
    expect(text).toContain('replicas')
    expect(text).toContain('<https://github.com/acme/ml/actions/runs/9|review the deployment>')
    expect(textOf(buildStageReply({ event: 'succeeded', facts }).blocks)).not.toContain('*Plan*')
  })

  it('the plan and the stages stay within every Block Kit limit whatever their size (property)', () => {
    // size 'max': long texts and lists are the point; fast-check's default keeps them short.
    const str = fc.string({ unit: 'binary', maxLength: 500, size: 'max' })
    const plan = fc.record({
      environment: fc.record({ name: str, cluster: str, clusterKind: str }),
      model: fc.record({ name: str, version: str, contentHash: str }),
      live: fc.option(fc.record({ id: fc.integer(), modelName: str, contentHash: str }), {
        nil: undefined
      }),
      metrics: fc.array(
        fc.record({
          name: str,
          candidate: fc.oneof(fc.double(), str),
          live: fc.oneof(fc.double(), str)
        }),
        { maxLength: 200, size: 'max' }
      ),
      sameArtifact: fc.record({
        verdict: fc.constantFrom('pass', 'fail', 'warn', 'odd'),
        note: fc.string({ maxLength: 5000, size: 'max' })
      }),
      approval: fc.record({
        required: fc.boolean(),
        verdict: str,
        rule: fc.string({ maxLength: 5000, size: 'max' }),
        approvers: fc.string({ maxLength: 5000, size: 'max' })
      }),
      workflow: fc.record({
        key: str,
        remoteName: str,
        timeout: str,
        arguments: fc.dictionary(str, str, { maxKeys: 150, size: 'max' })
      }),
      refusals: fc.array(fc.string({ maxLength: 3000, size: 'max' }), {
        maxLength: 10,
        size: 'max'
      })
    })
    const stage = fc.record({
      stage: fc.string({ minLength: 1, maxLength: 100, size: 'max' }),
      environment: fc.option(fc.string({ maxLength: 100, size: 'max' }), { nil: undefined }),
      status: fc.constantFrom(...STAGE_STATUSES),
      model: fc.option(fc.string({ maxLength: 200, size: 'max' }), { nil: undefined }),
      url: fc.option(fc.webUrl(), { nil: undefined })
    })
    fc.assert(
      fc.property(plan, fc.array(stage, { maxLength: MAX_STAGES }), (rawPlan, stages) => {
        const facts = pipelineFactsSchema.parse({ kind: 'deploy', plan: rawPlan })
        for (const message of [
          buildSlackMessage({ event: 'approval-pending', facts, stages }),
          buildStageReply({ event: 'approval-pending', facts, stages })
        ]) {
          expect(checkSlackLimits(message)).toEqual([])
          expect(blockKitProblems(message.blocks, message.text)).toEqual([])
        }
      }),
      // No shrinking: a counterexample this large shrinks for minutes; its seed replays it.
      { numRuns: 60, endOnFailure: true }
    )
  })
})
