import { beforeEach, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { LocalLedger } from '../../src/adapters/deployments/ledger.js'
import { createFixture, runCli, type Fixture } from './fixture.js'

/**
 * One deploy per environment at a time, also across workflows and terminals: the workflows'
 * concurrency group cannot see a deploy started elsewhere, the deployment records can.
 */
describe('a deploy while another one to the same environment is in progress', () => {
  let fixture: Fixture

  beforeEach(async () => {
    fixture = await createFixture()
    await fixture.newChallenger({ accuracy: 0.9 })
  })

  async function leaveInProgress(startedMinutesAgo: number) {
    const now = new Date(Date.now() - startedMinutesAgo * 60_000)
    const ledger = new LocalLedger(join(fixture.dir, '.promote', 'deployments.json'), {
      creator: 'carol@example.com',
      now: () => now
    })
    const record = await ledger.create({
      environment: 'staging',
      ref: 'main',
      sha: 'c'.repeat(40),
      description: 'another deploy',
      payload: {
        modelUri: 'models:/model/0',
        modelName: 'model',
        modelVersion: '0',
        contentHash: 'f'.repeat(64),
        metrics: {},
        manifestPath: 'artifacts/model:challenger.yaml',
        manifest: {},
        runUrl: 'https://github.com/acme/ml/actions/runs/77'
      }
    })
    await ledger.setStatus(record.id, 'in_progress')
    return record
  }

  it('is refused, naming the deployment, the run that started it and the fix; nothing is recorded or run', async () => {
    const other = await leaveInProgress(3)
    const result = await runCli(fixture.dir, ['deploy', '--env', 'staging', '--yes'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      `deployment #${other.id} (model 0) to 'staging' is still in_progress`
    )
    // The age is measured, so only its order is asserted.
    expect(result.stderr).toMatch(
      /started 3m(\d+s)? ago by https:\/\/github\.com\/acme\/ml\/actions\/runs\/77/
    )
    expect(result.stderr).toContain('Rule: one deploy per environment at a time')
    expect(result.stderr).toMatch(/Fix: wait for it to finish/)
    expect(fixture.calls()).toEqual([])
    const plan = await runCli(fixture.dir, ['plan', '--env', 'staging', '--json'])
    expect(plan.code).toBe(1)
    expect((JSON.parse(plan.stdout) as { refusals: string[] }).refusals).toEqual([
      expect.stringContaining(`deployment #${other.id} (model 0) to 'staging' is still in_progress`)
    ])
  })

  it('goes ahead past one left behind longer than the deploy can run, with a warning', async () => {
    // The fixture's deploy workflow times out after 2m: 30 minutes later it cannot still run.
    const stale = await leaveInProgress(30)
    const result = await runCli(fixture.dir, ['deploy', '--env', 'staging', '--yes'])
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(
      `deployment #${stale.id} (model 0) to staging has been in_progress for 30m`.slice(0, -1)
    )
    expect(fixture.calls()).toHaveLength(1)
  })
})
