/**
 * The collector updates the Slack message a detached training was announced in (train.yml's
 * start step), with a threaded reply, instead of posting another: the run keeps the message as an
 * annotation (Argo, KFP); MLRun keeps none, so its callback carries it. Against local Argo, KFP
 * and MLRun servers and the Slack Web API fake (bot token mode).
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { collect, type CollectPorts } from '../../src/app/collect.js'
import { notify } from '../../src/app/notify.js'
import { createSlackClient } from '../../src/adapters/slack/web-api.js'
import type { PromoteConfig } from '../../src/core/config/schema.js'
import type { SlackMessageRef } from '../../src/core/detached.js'
import { pipelineFactsSchema } from '../../src/core/facts.js'
import {
  argoSpec,
  context,
  kfpSpec,
  openWorlds,
  ports,
  recordingLog,
  request,
  startWorld,
  submitDetached,
  type Kind,
  type World
} from './world.js'

afterEach(async () => {
  for (const world of [...openWorlds]) await world.close()
})

const CHANNEL = 'C0MLOPS001'

/** promote.yaml's notifications in bot mode: one channel, the token from SLACK_BOT_TOKEN. */
function botConfig(world: World): PromoteConfig {
  return {
    ...world.config,
    notifications: {
      ...world.config.notifications,
      slack: {
        ...world.config.notifications.slack!,
        webhookEnv: undefined,
        tokenEnv: 'SLACK_BOT_TOKEN',
        channel: CHANNEL,
        events: ['started', 'succeeded', 'failed', 'cancelled']
      }
    }
  } as PromoteConfig
}

function botNotify(world: World, config: PromoteConfig): CollectPorts['notify'] {
  const env = { SLACK_BOT_TOKEN: world.slack.token }
  const log = recordingLog(world.lines)
  return (event, facts, message) =>
    notify(
      {
        event,
        facts,
        config,
        context,
        env,
        ...(message && { ts: message.ts, channel: message.channel })
      },
      {
        log,
        slack: token =>
          createSlackClient(token, {
            apiUrl: world.slack.apiUrl,
            retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 }
          }),
        webhook: () => {
          throw new Error('webhook mode is not configured in this test')
        },
        mailer: () => {
          throw new Error('no mail for a succeeded run')
        }
      }
    )
}

/** train.yml's start step: the message the training is announced in. */
async function announce(world: World, config: PromoteConfig): Promise<SlackMessageRef> {
  // What the start step's `facts` input holds, parsed as the notify action parses it.
  const facts = pipelineFactsSchema.parse({
    kind: 'train',
    workflow: 'train',
    environment: 'development'
  })
  const sent = await botNotify(world, config)('started', facts)
  expect(sent?.ts).toBeDefined()
  return { channel: sent!.channel!, ts: sent!.ts! }
}

const kinds: Kind[] = (['argo', 'kfp', 'mlrun'] as Kind[]).filter(kind =>
  kind === 'argo' ? !!argoSpec : kind === 'kfp' ? !!kfpSpec : true
)

describe.each(kinds)('%s', kind => {
  test('the start message is updated in place with a threaded reply; no second message', async () => {
    const world = await startWorld(kind)
    const config = botConfig(world)
    const message = await announce(world, config)
    const { runId, name } = await submitDetached(world, 1, undefined, message)
    world.finishRuns()
    // Argo and KFP: the reconcile reads the message from the run. MLRun: from its callback.
    const callback = kind === 'mlrun' ? { cluster: 'dev', runId: name, message } : undefined
    const result = await collect(
      { ...request(world, callback), config },
      { ...ports(world), notify: botNotify(world, config) }
    )
    expect(result.runs.map(r => r.outcome)).toEqual(['collected'])
    expect(result.runs[0]!.runId).toBe(runId)

    const top = world.slack.messages(CHANNEL)
    expect(top).toHaveLength(1)
    expect(top[0]!.ts).toBe(message.ts)
    expect(top[0]!.edits.length).toBeGreaterThanOrEqual(1)
    expect(top[0]!.text).toMatch(/succeeded/i)
    expect(world.slack.replies(CHANNEL, message.ts).length).toBeGreaterThanOrEqual(1)
    expect(world.slack.calls.filter(c => c.method === 'chat.update')).toEqual([
      expect.objectContaining({ outcome: 'ok' })
    ])
    expect(world.slack.problems).toEqual([])
  })
})

test('MLRun without a callback (the scheduled reconcile) has no message to update: it posts one', async () => {
  const world = await startWorld('mlrun')
  const config = botConfig(world)
  const message = await announce(world, config)
  await submitDetached(world, 1, undefined, message)
  world.finishRuns()
  const result = await collect(
    { ...request(world), config },
    { ...ports(world), notify: botNotify(world, config) }
  )
  expect(result.runs.map(r => r.outcome)).toEqual(['collected'])
  // MLRun keeps no annotations: the start message stays, the result is a message of its own.
  expect(world.slack.messages(CHANNEL)).toHaveLength(2)
  expect(world.slack.calls.filter(c => c.method === 'chat.update')).toEqual([])
})
