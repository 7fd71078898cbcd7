import { beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createFixture, runCli, type Fixture } from './fixture.js'

function states(fixture: Fixture): Array<[string, string[]]> {
  const data = JSON.parse(
    readFileSync(join(fixture.dir, '.promote', 'deployments.json'), 'utf8')
  ) as {
    deployments: Array<{ environment: string; statuses: Array<{ state: string }> }>
  }
  return data.deployments.map(d => [d.environment, d.statuses.map(s => s.state)])
}

describe('promote deploy: defaults, timeouts, champion failures', () => {
  let fixture: Fixture
  beforeEach(async () => {
    fixture = await createFixture()
    await fixture.newChallenger()
  })

  it('deploys to the environment of the checked-out branch when --env is not given', async () => {
    const result = await runCli(fixture.dir, ['deploy', '--yes', '--facts-file', 'facts.json'])
    expect(result.code).toBe(0)
    expect(states(fixture)).toEqual([['staging', ['in_progress', 'success']]])
    const facts = JSON.parse(readFileSync(join(fixture.dir, 'facts.json'), 'utf8'))
    expect(facts).toMatchObject({
      kind: 'deploy',
      environment: 'staging',
      state: 'succeeded',
      results: { total_tests: 20 }
    })
  })

  it('leaves facts of a refusal (state refused, reason, rule, fix) for promote notify', async () => {
    const result = await runCli(fixture.dir, [
      'deploy',
      '--env',
      'staging',
      '--facts-file',
      'f.json'
    ])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('there is no terminal to ask')
    const facts = JSON.parse(readFileSync(join(fixture.dir, 'f.json'), 'utf8'))
    expect(facts).toMatchObject({
      kind: 'deploy',
      environment: 'staging',
      state: 'refused',
      refusal: {
        kind: 'approval',
        rule: 'environments.staging.requireApproval (promote.yaml)',
        fix: 'run it in a terminal, or pass --yes to approve it yourself'
      }
    })
    expect(fixture.calls()).toHaveLength(0)
  })

  it('cancels a run that outlives --timeout and records error', async () => {
    const result = await runCli(
      fixture.dir,
      ['deploy', '--env', 'staging', '--yes', '--timeout', '2s'],
      { env: { DEPLOY_MODE: 'slow' } }
    )
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('Deploy errored:')
    expect(result.stdout).toContain('timed out after 2s')
    expect(states(fixture)).toEqual([['staging', ['in_progress', 'error']]])
    expect(fixture.calls().some(c => c.signal === 'SIGTERM')).toBe(true)
  })

  it('fails when the champion tag cannot be moved, keeping the deployment a success', async () => {
    fixture.config(config => {
      ;(config.model as Record<string, unknown>).registry = {
        kind: 'mlflow',
        url: 'http://127.0.0.1:9'
      }
    })
    const result = await runCli(
      fixture.dir,
      ['deploy', '--env', 'production', '--yes', '--override-same-artifact', 'test'],
      {
        env: { PROMOTE_HTTP_RETRIES: '1' }
      }
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      "the deploy succeeded, but moving 'champion' in the registry failed"
    )
    expect(result.stdout).toContain('WARN  Deployed model 1 to production')
    expect(states(fixture)).toEqual([['production', ['in_progress', 'success']]])
  })

  it('explains an unknown environment and a missing manifest before recording anything', async () => {
    const unknown = await runCli(fixture.dir, ['deploy', '--env', 'qa', '--yes'])
    expect(unknown.stderr).toContain(
      "unknown environment 'qa'; defined: development, staging, production"
    )
    const missing = await runCli(fixture.dir, [
      'deploy',
      '--env',
      'staging',
      '--yes',
      '--manifest',
      'artifacts/nope.yaml'
    ])
    expect(missing.stderr).toContain('manifest not found')
    expect(() => states(fixture)).toThrow()
  })
})
