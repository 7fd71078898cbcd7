/**
 * promote collect against local servers that speak the real contracts (world.ts): Argo, KFP,
 * MLRun, GitHub (checked against @octokit/openapi), Slack's incoming webhook and SMTP.
 *
 * Exactly once: one callback or one reconcile makes one export commit and one PR with the gate
 * report; a second reconcile changes nothing; a callback racing a reconcile makes one; a
 * collector that died after any step is finished by the next; a failed run is announced (Slack
 * and email) without a PR; the GitHub token never appears in a body, a log line or the summary.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { LABEL_MODE, LABEL_REPOSITORY } from '../../src/adapters/orchestrators/types.js'
import { collect, COLLECTED_REF_PREFIX, NOTIFIED_REF_PREFIX } from '../../src/app/collect.js'
import { submissionIdentity } from '../../src/app/submission.js'
import {
  argoSpec,
  context,
  effects,
  FULL,
  GITHUB_RUN,
  kfpSpec,
  openWorlds,
  ports,
  request,
  startWorld,
  submitDetached,
  TOKEN,
  type Kind,
  type World
} from './world.js'

afterEach(async () => {
  for (const world of [...openWorlds]) await world.close()
})

const kinds: Kind[] = (['argo', 'kfp', 'mlrun'] as Kind[]).filter(kind =>
  kind === 'argo' ? !!argoSpec : kind === 'kfp' ? !!kfpSpec : true
)

describe.each(kinds)('%s', kind => {
  let world: World
  beforeEach(async () => {
    world = await startWorld(kind)
  })

  test('a run still going is left for later; once it ended one reconcile collects it, a second changes nothing', async () => {
    const { key } = await submitDetached(world)
    const first = await collect(request(world), ports(world))
    expect(first.runs.map(r => [r.key, r.outcome])).toEqual([[key, 'running']])
    expect(effects(world).collected).toEqual([])

    world.finishRuns()
    const second = await collect(request(world), ports(world))
    expect(second.ok).toBe(true)
    const after = effects(world)
    expect(after.collected).toEqual([`${COLLECTED_REF_PREFIX}${key}`])
    expect(after.slack).toBe(1)
    expect(after.mails).toBe(0)
    if (kind === 'kfp') {
      // KFP's v2beta1 API returns no output values: no model URI, so nothing to propose.
      expect(after.pulls).toEqual([])
      expect(second.runs[0]!.notes.join(' ')).toContain('no model URI')
    } else {
      expect(after.exportCommits).toBe(1)
      expect(after.challengerBranches).toEqual([`refs/heads/promote/challenger/${key}`])
      expect(after.pulls).toHaveLength(1)
      const pull = after.pulls[0]!
      expect(pull.base).toBe('development')
      expect(pull.head).toBe(`promote/challenger/${key}`)
      // The gate report: challenger 0.91 against the champion's 0.93 on main (maxDrop 0.05).
      expect(pull.body).toContain('main:artifacts/heart:champion.yaml')
      expect(pull.body).toMatch(/accuracy[^\n]*0\.91[^\n]*0\.93/)
      // The manifest is on the branch, committed on top of development.
      const manifest = world.github
        .git(FULL)
        .fileAt(`promote/challenger/${key}`, 'artifacts/heart:challenger.yaml')
      expect(manifest).toContain('accuracy: 0.91')
    }
    const before = JSON.stringify(effects(world))
    const third = await collect(request(world), ports(world))
    expect(third.runs.map(r => r.outcome)).toEqual(['already-collected'])
    expect(JSON.stringify(effects(world))).toBe(before)
    expect(world.github.violations).toEqual([])
    expect(world.violations()).toEqual([])
  })

  test('a callback and a reconcile racing make one export commit, one PR, one message', async () => {
    const { runId, key } = await submitDetached(world)
    world.finishRuns()
    const [a, b] = await Promise.all([
      collect(request(world, { cluster: 'dev', runId, submission: 'whatever' }), ports(world)),
      collect(request(world), ports(world))
    ])
    expect([a.ok, b.ok]).toEqual([true, true])
    const after = effects(world)
    expect(after.collected).toEqual([`${COLLECTED_REF_PREFIX}${key}`])
    expect(after.slack).toBe(1)
    if (kind !== 'kfp') {
      expect(after.challengerBranches).toHaveLength(1)
      expect(after.pulls).toHaveLength(1)
      // Both may have made a commit object; only one is on a branch.
      const git = world.github.git(FULL)
      expect(git.refSha(after.challengerBranches[0]!)).toBeDefined()
    }
    expect(world.github.violations).toEqual([])
  })

  test('a failed run: failure message and email, no export, no PR', async () => {
    await world.close()
    world = await startWorld(kind, 'failed')
    await submitDetached(world)
    world.finishRuns()
    const result = await collect(request(world), ports(world))
    expect(result.runs.map(r => [r.outcome, r.state])).toEqual([['collected', 'failed']])
    const after = effects(world)
    expect(after.pulls).toEqual([])
    expect(after.exportCommits).toBe(0)
    expect(after.slack).toBe(1)
    expect(after.mails).toBe(1)
    expect(world.slack.webhookMessages[0]!.text).toMatch(/fail/i)
    expect(world.github.violations).toEqual([])
  })
})

describe('crash windows (argo)', () => {
  const maybe = argoSpec ? test : test.skip
  maybe(
    'a collector that died after the export commit or after the PR is finished by the next without doubles',
    async () => {
      const world = await startWorld('argo')
      const { key } = await submitDetached(world)
      world.finishRuns()
      // 1. Dies after committing the export (the PR lookup fails): the branch exists, nothing else.
      world.github.failNext({ status: 500, method: 'GET', path: '/pulls' })
      const crashed = await collect(request(world), ports(world))
      expect(crashed.runs[0]!.outcome).toBe('failed')
      expect(effects(world)).toMatchObject({
        exportCommits: 1,
        pulls: [],
        notified: [],
        collected: []
      })
      expect(effects(world).challengerBranches).toHaveLength(1)

      // 2. Dies after opening the PR (the message claim fails): no second commit, one PR, no message.
      world.github.failNext({ status: 500, method: 'POST', path: '/git/refs' })
      const crashedAgain = await collect(request(world), ports(world))
      expect(crashedAgain.runs[0]!.outcome).toBe('failed')
      expect(effects(world)).toMatchObject({
        exportCommits: 1,
        notified: [],
        collected: [],
        slack: 0
      })
      expect(effects(world).pulls).toHaveLength(1)

      // 3. Finished: the PR is found by its head (updated, not doubled), the messages go out once.
      const next = await collect(request(world), ports(world))
      expect(next.runs[0]).toMatchObject({ outcome: 'collected', notified: true })
      expect(next.runs[0]!.pull?.action).toBe('updated')
      const after = effects(world)
      expect(after).toMatchObject({
        exportCommits: 1,
        slack: 1,
        notified: [`${NOTIFIED_REF_PREFIX}${key}`],
        collected: [`${COLLECTED_REF_PREFIX}${key}`]
      })
      expect(after.pulls).toHaveLength(1)
      expect(world.github.violations).toEqual([])
    }
  )

  maybe(
    'a collector that died after claiming the messages: the next one sends none and marks the run done',
    async () => {
      const world = await startWorld('argo')
      const { key } = await submitDetached(world)
      world.finishRuns()
      const git = world.github.git(FULL)
      // The claim exists (whoever made it sent, or died sending): never a second message.
      git.setRef(`${NOTIFIED_REF_PREFIX}${key}`, git.refSha('refs/heads/development')!)
      const result = await collect(request(world), ports(world))
      expect(result.runs[0]).toMatchObject({ outcome: 'collected', notified: false })
      expect(effects(world)).toMatchObject({
        slack: 0,
        collected: [`${COLLECTED_REF_PREFIX}${key}`]
      })
      expect(effects(world).pulls).toHaveLength(1)
    }
  )
  maybe(
    'the summary states the run length and the runner seconds of the submit step and the collect job',
    async () => {
      const world = await startWorld('argo')
      const { runId } = await submitDetached(world)
      world.finishRuns()
      const created = (await world.orchestrator.describeRun(runId))!.createdAt!
      const at = (offset: number) => new Date(Date.parse(created) + offset * 1000).toISOString()
      world.github.setJobs(FULL, Number(GITHUB_RUN), 1, [
        {
          name: 'train (development)',
          started_at: at(-20),
          completed_at: at(5),
          steps: [
            { name: 'Set up job', started_at: at(-20), completed_at: at(-15) },
            { name: 'Train', started_at: at(-4), completed_at: at(3) }
          ]
        }
      ])
      world.github.setJobs(FULL, 6001, 1, [
        { name: 'collect', runner_name: 'runner-7', started_at: at(100), steps: [] }
      ])
      const result = await collect(request(world), ports(world, Date.parse(created) + 112_000))
      const run = result.runs[0]!
      expect(run.submitStepSeconds).toBe(7)
      expect(run.collectSeconds).toBe(12)
      const summary = world.lines.join('\n')
      expect(summary).toContain('19 s (submit step 7 s + collect 12 s)')
      expect(summary).toMatch(/Run length/)
    }
  )

  maybe(
    'the GitHub token never appears in a request body, the PR, a message, a log line or the summary',
    async () => {
      const world = await startWorld('argo')
      await submitDetached(world)
      world.finishRuns()
      await collect(request(world), ports(world))
      const token = world.github.token
      const bodies = world.github.requests.map(r => JSON.stringify(r.body ?? ''))
      expect(bodies.some(b => b.includes(token))).toBe(false)
      expect(JSON.stringify(world.github.pulls(FULL))).not.toContain(token)
      expect(JSON.stringify(world.slack.webhookMessages)).not.toContain(token)
      expect(world.lines.join('\n')).not.toContain(token)
      expect(world.lines.join('\n')).not.toContain(TOKEN)
    }
  )

  maybe('a callback for a run of another repository is left alone', async () => {
    const world = await startWorld('argo')
    const target = { workflow: 'train', project: 'heart', arguments: {} }
    const identity = submissionIdentity({
      context: { ...context, repository: { owner: 'evil', repo: 'x' } },
      workflowKey: 'train',
      environment: 'development',
      cluster: 'dev',
      target
    })
    const { runId } = await world.orchestrator.submit({
      ...target,
      labels: { ...identity.labels, [LABEL_REPOSITORY]: 'evil-x', [LABEL_MODE]: 'detached' },
      annotations: { ...identity.annotations, [LABEL_REPOSITORY]: 'evil/x' },
      displayName: identity.key
    })
    world.finishRuns()
    const result = await collect(request(world, { cluster: 'dev', runId }), ports(world))
    expect(result.runs.map(r => r.outcome)).toEqual(['not-ours'])
    expect(effects(world).pulls).toEqual([])
    expect(effects(world).slack).toBe(0)
  })
})

describe('attached flow (train.yml open-pr)', () => {
  const maybe = argoSpec ? test : test.skip
  maybe(
    'the run it waited for gets the same PR, no messages (the job announced it), and no second collection later',
    async () => {
      const world = await startWorld('argo')
      const { runId, key } = await submitDetached(world)
      world.finishRuns()
      const attached = await collect(
        { ...request(world, { cluster: 'dev', runId }), announce: false },
        ports(world)
      )
      expect(attached.runs[0]).toMatchObject({ outcome: 'collected' })
      expect(attached.runs[0]!.notified).toBeUndefined()
      expect(effects(world)).toMatchObject({
        exportCommits: 1,
        slack: 0,
        notified: [],
        collected: [`${COLLECTED_REF_PREFIX}${key}`]
      })
      expect(effects(world).pulls).toHaveLength(1)
      const reconcile = await collect(request(world), ports(world))
      expect(reconcile.runs.map(r => r.outcome)).toEqual(['already-collected'])
      expect(effects(world).slack).toBe(0)
    }
  )
})

describe('MLRun (runner runs keep no labels)', () => {
  test("a callback naming the runner run (its name, as MLRun's notification knows it) collects it", async () => {
    const world = await startWorld('mlrun')
    const { name, key } = await submitDetached(world)
    world.finishRuns()
    const result = await collect(request(world, { cluster: 'dev', runId: name }), ports(world))
    expect(result.runs.map(r => [r.key, r.outcome])).toEqual([[key, 'collected']])
    expect(effects(world).pulls).toHaveLength(1)
  })

  test("a runner run of another repository's GitHub run (same MLRun project) is left alone", async () => {
    const world = await startWorld('mlrun')
    // GitHub run 9999 is not this repository's: its jobs are not found (404).
    await submitDetached(world, 1, '9999')
    world.finishRuns()
    const result = await collect(request(world), ports(world))
    expect(result.runs.map(r => r.outcome)).toEqual(['not-ours'])
    expect(effects(world)).toMatchObject({ pulls: [], slack: 0, collected: [], notified: [] })
    expect(world.github.violations.filter(v => !v.includes(' 404'))).toEqual([])
  })
})
