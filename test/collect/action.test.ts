/**
 * submit-train `mode: collect` as the runner runs it (the bundled dist/submit-train): the
 * reconcile of collect.yml on a schedule, and the callback of a repository_dispatch. Rebuild the
 * bundle first: node scripts/build.mjs submit-train.
 */
import { afterEach, expect, test } from '@jest/globals'
import { runDistAction } from '../helpers/run-dist.js'
import {
  argoSpec,
  effects,
  FULL,
  openWorlds,
  REPO,
  startWorld,
  submitDetached,
  TOKEN,
  type World
} from './world.js'

afterEach(async () => {
  for (const world of [...openWorlds]) await world.close()
})

const maybe = argoSpec ? test : test.skip

function collectStep(world: World, inputs: Record<string, string>, eventName = 'schedule') {
  return runDistAction('submit-train', {
    cwd: world.cwd,
    eventName,
    inputs: { mode: 'collect', 'github-token': world.github.token, ...inputs },
    env: {
      ORCH_TOKEN: TOKEN,
      GITHUB_API_URL: world.github.url,
      GITHUB_REPOSITORY: FULL,
      GITHUB_REPOSITORY_OWNER: REPO.owner,
      GITHUB_RUN_ID: '6001',
      GITHUB_RUN_ATTEMPT: '1',
      RUNNER_NAME: 'runner-7',
      SLACK_WEBHOOK_URL: world.slack.webhookUrl,
      SMTP_URL: world.smtp.url
    }
  })
}

maybe(
  'a scheduled reconcile: one PR, one message, outputs and summary; the token masked and nowhere else',
  async () => {
    const world = await startWorld('argo')
    const { key } = await submitDetached(world)
    world.finishRuns()
    const run = await collectStep(world, {})
    expect(run.exitCode).toBe(0)
    const collected = JSON.parse(run.outputs.collected!) as Array<{ key: string; outcome: string }>
    expect(collected.map(r => [r.key, r.outcome])).toEqual([[key, 'collected']])
    expect(run.outputs['pull-request']).toMatch(/\/pull\/\d+$/)
    expect(run.summary).toContain('promote collect: 1 run collected')
    expect(run.summary).toMatch(/Runner time/)
    expect(effects(world).pulls).toHaveLength(1)
    expect(effects(world).slack).toBe(1)
    const token = world.github.token
    expect(run.stdout).toContain(`::add-mask::${token}`)
    expect(run.summary).not.toContain(token)
    expect(JSON.stringify(run.outputs)).not.toContain(token)
    expect(run.stdout.replaceAll(`::add-mask::${token}`, '')).not.toContain(token)

    // The same again (a re-run): nothing changes.
    const before = JSON.stringify(effects(world))
    const again = await collectStep(world, {})
    expect(again.exitCode).toBe(0)
    expect(JSON.stringify(effects(world))).toBe(before)
    expect(world.github.violations).toEqual([])
  }
)

maybe("a callback's run: only that run, looked up on its cluster", async () => {
  const world = await startWorld('argo')
  const { runId, key } = await submitDetached(world)
  world.finishRuns()
  const run = await collectStep(world, { cluster: 'dev', 'run-id': runId }, 'repository_dispatch')
  expect(run.exitCode).toBe(0)
  expect(effects(world).collected).toEqual([`refs/promote/collected/${key}`])
  expect(effects(world).slack).toBe(1)
})

maybe('without a token the step says which permissions and which secret', async () => {
  const world = await startWorld('argo')
  const run = await collectStep(world, { 'github-token': '' })
  expect(run.exitCode).not.toBe(0)
  expect(run.stdout).toMatch(/github-token.*contents: write.*PROMOTION_PR_TOKEN/)
})
