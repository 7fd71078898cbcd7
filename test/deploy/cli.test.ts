import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { main } from '../../src/cli/main.js'
import { createFixture, runCli, type Fixture } from './fixture.js'

interface LedgerFile {
  nextId: number
  deployments: Array<{
    id: number
    environment: string
    sha: string
    creator: string
    payload: Record<string, unknown> & {
      contentHash: string
      manifest: { metadata: { version: number } }
    }
    statuses: Array<{ state: string; environmentUrl?: string; description?: string }>
  }>
}

function ledger(fixture: Fixture): LedgerFile {
  return JSON.parse(
    readFileSync(join(fixture.dir, '.promote', 'deployments.json'), 'utf8')
  ) as LedgerFile
}

describe('promote deploy / history / rollback with the local ledger', () => {
  let fixture: Fixture
  let v1: string
  let v2: string

  beforeAll(async () => {
    fixture = await createFixture()
  })
  afterAll(() => undefined)

  it('deploys v1 to staging with --yes, records it and passes the model URI to the pipeline', async () => {
    v1 = await fixture.newChallenger({ accuracy: 0.9 })
    const result = await runCli(fixture.dir, [
      'deploy',
      '--env',
      'staging',
      '--yes',
      '--arg',
      'replicas=2'
    ])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`PASS  Deployed model ${v1} to staging`)
    expect(result.stdout).toMatch(/total_tests\s+20/)
    expect(result.stdout).toMatch(/Approval\s+approved by dev@example.com with --yes/)
    const [call] = fixture.calls()
    expect(call!.args).toEqual({
      replicas: 2,
      model_uri: `models:/model/${v1}`,
      manifest_path: 'artifacts/model:challenger.yaml'
    })
    expect(call!.argEnv).toBe(`models:/model/${v1}`)
    const data = ledger(fixture)
    expect(data.deployments).toHaveLength(1)
    const deployment = data.deployments[0]!
    expect(deployment).toMatchObject({ id: 1, environment: 'staging', creator: 'dev@example.com' })
    expect(deployment.sha).toMatch(/^[0-9a-f]{40}$/)
    expect(deployment.payload).toMatchObject({
      modelUri: `models:/model/${v1}`,
      modelName: 'model',
      modelVersion: v1,
      metrics: { accuracy: 0.9 },
      approvers: ['dev@example.com']
    })
    expect(deployment.payload.manifest.metadata.version).toBe(Number(v1))
    expect(deployment.statuses.map(s => s.state)).toEqual(['in_progress', 'success'])
    expect(deployment.statuses[1]!.environmentUrl).toBe('https://staging.example.com')
  })

  it('refuses production without a terminal and without --yes, recording nothing', async () => {
    const result = await runCli(fixture.dir, ['deploy', '--env', 'production'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      "approval refused: environment 'production' requires approval and there is no terminal to ask"
    )
    expect(result.stderr).toContain('pass --yes')
    expect(ledger(fixture).deployments).toHaveLength(1)
  })

  it('asks the person at the terminal, and a "no" refuses', async () => {
    const run = async (answer: string) => {
      const stdin = Object.assign(new PassThrough(), { isTTY: true })
      const stdout = new PassThrough()
      const stderr = new PassThrough()
      let out = ''
      let err = ''
      stdout.on('data', c => (out += c))
      stderr.on('data', c => (err += c))
      stdin.end(answer)
      const code = await main(['deploy', '--env', 'production'], {
        cwd: fixture.dir,
        env: { ...process.env, PROMOTE_POLL_SCALE: '0.01', PROMOTE_USER: 'alice@example.com' },
        stdin,
        stdout,
        stderr
      })
      return { code, out, err }
    }
    const refused = await run('maybe\nno\n')
    expect(refused.out).toContain(`Deploy model ${v1} (`)
    expect(refused.out).toContain("Please answer 'yes' or 'no'.")
    expect(refused.code).toBe(1)
    expect(refused.err).toContain("the deploy to 'production' was not approved at the terminal")
    expect(ledger(fixture).deployments).toHaveLength(1)

    const approved = await run('yes\n')
    expect(approved.err).toBe('')
    expect(approved.code).toBe(0)
    const production = ledger(fixture).deployments.find(d => d.environment === 'production')!
    expect(production.payload.approvers).toEqual(['alice@example.com'])
    expect(production.statuses.at(-1)!.state).toBe('success')
    // The last environment moved the champion tag in the file registry.
    expect(
      readFileSync(join(fixture.dir, '.promote/registry/model/tags/champion'), 'utf8').trim()
    ).toBe(v1)
  })

  it('refuses a production deploy of a hash that never succeeded in staging, and accepts an override with a reason', async () => {
    v2 = await fixture.newChallenger({ accuracy: 0.95 })
    const refused = await runCli(fixture.dir, ['deploy', '--env', 'production', '--yes'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('same-artifact rule: manifest hash')
    expect(refused.stderr).toContain(
      `was never deployed successfully to 'staging', the environment before 'production'`
    )
    expect(refused.stderr).toContain('Rule: deployment.sameArtifact')
    expect(refused.stderr).toContain('--override-same-artifact')
    const before = ledger(fixture).deployments.length

    const overridden = await runCli(fixture.dir, [
      'deploy',
      '--env',
      'production',
      '--yes',
      '--override-same-artifact',
      'hotfix INC-42'
    ])
    expect(overridden.code).toBe(0)
    expect(overridden.stdout).toContain('OVERRIDDEN (hotfix INC-42)')
    expect(overridden.stderr).toContain('deploying anyway, overridden: hotfix INC-42')
    const data = ledger(fixture)
    expect(data.deployments).toHaveLength(before + 1)
    const latest = data.deployments.at(-1)!
    expect(latest.payload.overrideReason).toBe('hotfix INC-42')
    // auto_inactive: the earlier production deployment is retired.
    const earlier = data.deployments.find(
      d => d.environment === 'production' && d.id !== latest.id
    )!
    expect(earlier.statuses.at(-1)!.state).toBe('inactive')
  })

  it('fails the command and records failure when the deploy pipeline fails', async () => {
    const result = await runCli(fixture.dir, ['deploy', '--env', 'staging', '--yes'], {
      env: { DEPLOY_MODE: 'fail' }
    })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`FAIL  Deploy failed: model ${v2} in staging`)
    expect(result.stdout).toContain('the command exited with code 3')
    const latest = ledger(fixture).deployments.at(-1)!
    expect(latest.statuses.map(s => s.state)).toEqual(['in_progress', 'failure'])
  })

  it('treats smoke-test errors as a failed deploy even when the pipeline exits 0', async () => {
    const result = await runCli(fixture.dir, ['deploy', '--env', 'staging', '--yes'], {
      env: { DEPLOY_MODE: 'errors' }
    })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('the smoke test reported 2 errors')
    expect(ledger(fixture).deployments.at(-1)!.statuses.at(-1)!.state).toBe('failure')
  })

  it('lists the history newest first', async () => {
    const result = await runCli(fixture.dir, ['history', '--env', 'production'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Deployments of production')
    const lines = result.stdout.split('\n').filter(l => /^\s+\d+\s+20\d\d-/.test(l))
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(
      /^\s+3\s+\S+\s+success\s+model\s+2\s+[0-9a-f]{12}\s+dev@example.com\s+same-artifact override: hotfix INC-42/
    )
    expect(lines[1]).toMatch(/^\s+2\s+\S+\s+inactive\s+model\s+1\s+/)
    const json = await runCli(fixture.dir, ['history', '--env', 'production', '--json'])
    const rows = JSON.parse(json.stdout) as Array<{ id: string; state: string; version: string }>
    expect(rows.map(r => [r.id, r.state, r.version])).toEqual([
      ['3', 'success', v2],
      ['2', 'inactive', v1]
    ])
  })

  it('rolls production back to the previous successful deployment from its recorded manifest', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'promote-cli-tmp-'))
    const result = await runCli(fixture.dir, ['rollback', '--env', 'production', '--yes'], {
      env: { TMPDIR: temp }
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/Rollback\s+restores #2, replaces #3/)
    const call = fixture.calls().at(-1)!
    expect(call.args.model_uri).toBe(`models:/model/${v1}`)
    // The command cluster runs here: it read a local copy, which is gone once the deploy is over.
    expect(String(call.args.manifest_path)).toMatch(/rollback-2\/model:challenger\.yaml$/)
    expect(String(call.args.manifest_path).startsWith(temp)).toBe(true)
    expect(call.args.manifest_commit).toBeUndefined()
    expect(readdirSync(temp)).toEqual([])
    const data = ledger(fixture)
    const rollback = data.deployments.at(-1)!
    expect(rollback.environment).toBe('production')
    expect(rollback.payload).toMatchObject({
      rollbackOf: 2,
      modelVersion: v1,
      manifestPath: 'artifacts/model:challenger.yaml'
    })
    expect(rollback.payload.contentHash).toBe(
      data.deployments.find(d => d.id === 2)!.payload.contentHash
    )
    expect(rollback.statuses.at(-1)!.state).toBe('success')
    expect(data.deployments.find(d => d.id === 3)!.statuses.at(-1)!.state).toBe('inactive')
    expect(
      readFileSync(join(fixture.dir, '.promote/registry/model/tags/champion'), 'utf8').trim()
    ).toBe(v1)

    const history = await runCli(fixture.dir, ['history', '--env', 'production'])
    expect(history.stdout).toMatch(/Live\s+#6 model 1/)
    expect(history.stdout).toContain('rollback to #2')
  })

  it('rolls back to a named deployment with --to and refuses one that never succeeded', async () => {
    const refused = await runCli(fixture.dir, [
      'rollback',
      '--env',
      'staging',
      '--to',
      '4',
      '--yes'
    ])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('deployment #4 in staging never succeeded (failure)')
    const missing = await runCli(fixture.dir, [
      'rollback',
      '--env',
      'staging',
      '--to',
      '99',
      '--yes'
    ])
    expect(missing.stderr).toContain('no deployment #99 in staging')
    const ok = await runCli(fixture.dir, ['rollback', '--env', 'production', '--to', '3', '--yes'])
    expect(ok.code).toBe(0)
    expect(ledger(fixture).deployments.at(-1)!.payload).toMatchObject({
      rollbackOf: 3,
      modelVersion: v2
    })
  })
})
