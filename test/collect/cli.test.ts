/**
 * `promote collect` (the bundled CLI, dist/cli: node scripts/build.mjs cli) against the local
 * servers of world.ts: the reconcile, its JSON, and a second run changing nothing.
 */
import { afterEach, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { cliSnapshot } from '../export/cli-snapshot.js'
import {
  argoSpec,
  effects,
  FULL,
  openWorlds,
  startWorld,
  submitDetached,
  TOKEN,
  type World
} from './world.js'

const CLI = cliSnapshot()

afterEach(async () => {
  for (const world of [...openWorlds]) await world.close()
})

function promote(world: World, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>(resolve => {
    const child = spawn(process.execPath, [CLI, 'collect', ...args], {
      cwd: world.cwd,
      env: {
        PATH: process.env.PATH ?? '',
        GITHUB_TOKEN: world.github.token,
        GITHUB_API_URL: world.github.url,
        ORCH_TOKEN: TOKEN,
        SLACK_WEBHOOK_URL: world.slack.webhookUrl,
        SMTP_URL: world.smtp.url,
        ...env
      }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += String(chunk)))
    child.stderr.on('data', chunk => (stderr += String(chunk)))
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

const maybe = argoSpec ? test : test.skip

maybe('promote collect --repo: one PR and one message, a second run changes nothing', async () => {
  const world = await startWorld('argo')
  const { key } = await submitDetached(world)
  world.finishRuns()
  const first = await promote(world, ['--repo', FULL, '--json'])
  expect(first.code).toBe(0)
  // --json: stdout is one JSON document; the report went to stderr.
  const { ok, runs } = JSON.parse(first.stdout) as {
    ok: boolean
    runs: Array<{ key: string; outcome: string }>
  }
  expect(ok).toBe(true)
  expect(runs.map(r => [r.key, r.outcome])).toEqual([[key, 'collected']])
  expect(effects(world).pulls).toHaveLength(1)
  const before = JSON.stringify(effects(world))
  const second = await promote(world, ['--repo', FULL])
  expect(second.code).toBe(0)
  expect(second.stdout).toContain('already collected')
  expect(JSON.stringify(effects(world))).toBe(before)
  expect(second.stdout + first.stdout + first.stderr).not.toContain(world.github.token)
})

maybe('without a token it says what it needs', async () => {
  const world = await startWorld('argo')
  const run = await promote(world, ['--repo', FULL], { GITHUB_TOKEN: '' })
  expect(run.code).not.toBe(0)
  expect(run.stderr).toMatch(/GITHUB_TOKEN or GH_TOKEN/)
})
