import { beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { PromotionPlan } from '../../src/app/plan.js'
import { createFixture, runCli, type Fixture } from './fixture.js'

/** `promote plan` changes nothing and says what `promote deploy` then does. */
describe('promote plan', () => {
  let fixture: Fixture
  let v1: string

  const plan = async (...args: string[]) => {
    const result = await runCli(fixture.dir, ['plan', '--json', ...args])
    expect(result.stderr).toBe('')
    return { code: result.code, plan: JSON.parse(result.stdout) as PromotionPlan }
  }

  beforeAll(async () => {
    fixture = await createFixture()
    v1 = await fixture.newChallenger({ accuracy: 0.9, f1: 0.8 })
  })

  it('plans a first deploy to staging without recording or running anything', async () => {
    const { code, plan: staging } = await plan('--env', 'staging', '--arg', 'replicas=2')
    expect(code).toBe(0)
    expect(staging).toMatchObject({
      environment: { name: 'staging', branch: 'staging', cluster: 'local', clusterKind: 'command' },
      model: {
        name: 'model',
        version: v1,
        uri: `models:/model/${v1}`,
        manifestPath: 'artifacts/model:challenger.yaml'
      },
      metrics: [
        { name: 'accuracy', candidate: 0.9 },
        { name: 'f1', candidate: 0.8 }
      ],
      sameArtifact: { verdict: 'skip' },
      approval: { required: true, approvers: 'the person at the terminal (or --yes)' },
      workflow: {
        key: 'deploy',
        timeout: '2m',
        arguments: {
          manifest_path: 'artifacts/model:challenger.yaml',
          model_uri: `models:/model/${v1}`,
          replicas: 2
        }
      },
      refusals: []
    })
    expect(staging.live).toBeUndefined()
    expect(Object.keys(staging.workflow.arguments)).toEqual([
      'manifest_path',
      'model_uri',
      'replicas'
    ])
    expect(existsSync(join(fixture.dir, '.promote', 'deployments.json'))).toBe(false)
    expect(fixture.calls()).toEqual([])
  })

  it('matches what the deploy then does, and prints the same plan every time', async () => {
    const { plan: before } = await plan('--env', 'staging', '--arg', 'replicas=2')
    const again = await plan('--env', 'staging', '--arg', 'replicas=2')
    expect(again.plan).toEqual(before)
    const deployed = await runCli(fixture.dir, [
      'deploy',
      '--env',
      'staging',
      '--yes',
      '--arg',
      'replicas=2'
    ])
    expect(deployed.code).toBe(0)
    expect(fixture.calls()[0]!.args).toEqual(before.workflow.arguments)
  })

  it('shows the live model beside a new one, and a refused promotion with exit 1', async () => {
    const v2 = await fixture.newChallenger({ accuracy: 0.95, f1: 0.7 })
    const { code, plan: staging } = await plan('--env', 'staging')
    expect(code).toBe(0)
    expect(staging.live).toMatchObject({ modelName: 'model', modelVersion: v1 })
    expect(staging.metrics).toEqual([
      { name: 'accuracy', candidate: 0.95, live: 0.9 },
      { name: 'f1', candidate: 0.7, live: 0.8 }
    ])
    expect(staging.model.version).toBe(v2)

    const production = await plan('--env', 'production')
    expect(production.code).toBe(1)
    expect(production.plan.sameArtifact.verdict).toBe('fail')
    expect(production.plan.refusals).toHaveLength(1)
    expect(production.plan.refusals[0]).toMatch(
      /same-artifact rule: .* never deployed successfully to 'staging'/
    )

    const text = await runCli(fixture.dir, ['plan', '--env', 'production'])
    expect(text.code).toBe(1)
    expect(text.stdout).toMatch(/Plan: deploying model \S+ to production would be refused/)
    expect(text.stdout).toMatch(/Would be refused/)
    expect(text.stdout).toMatch(/Who may approve\s+the person at the terminal/)
    expect(fixture.calls()).toHaveLength(1)
  })
})
