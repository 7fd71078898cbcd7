import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LocalLedger } from '../../src/adapters/deployments/ledger.js'
import { ConfigurationError } from '../../src/core/errors.js'
import type { DeploymentPayload } from '../../src/adapters/deployments/types.js'

const payload = (version: string): DeploymentPayload => ({
  modelUri: `models:/model/${version}`,
  modelName: 'model',
  modelVersion: version,
  contentHash: version.repeat(64),
  metrics: {},
  manifestPath: 'artifacts/model:challenger.yaml'
})

function ledgerAt(): { file: string; ledger: LocalLedger } {
  const file = join(mkdtempSync(join(tmpdir(), 'ledger-')), '.promote', 'deployments.json')
  return { file, ledger: new LocalLedger(file, { creator: 'dev' }) }
}

describe('LocalLedger', () => {
  it('gives increasing ids, never reused, even to concurrent writers', async () => {
    const { file, ledger } = ledgerAt()
    const other = new LocalLedger(file, { creator: 'other' })
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? ledger : other).create({
          environment: 'staging',
          ref: 'r',
          sha: 's',
          payload: payload(String(i % 9)),
          description: `#${i}`
        })
      )
    )
    expect(created.map(r => r.id).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1)
    )
    expect((await ledger.list('staging')).map(r => r.id)).toEqual(
      Array.from({ length: 12 }, (_, i) => 12 - i)
    )
    // No temporary or lock file is left behind.
    expect(readdirSync(join(file, '..'))).toEqual(['deployments.json'])
  })

  it('keeps every status, and a success retires the earlier live deployment of that environment only', async () => {
    const { ledger } = ledgerAt()
    const a = await ledger.create({
      environment: 'production',
      ref: 'r',
      sha: 's',
      payload: payload('1'),
      description: 'a'
    })
    const other = await ledger.create({
      environment: 'staging',
      ref: 'r',
      sha: 's',
      payload: payload('1'),
      description: 's'
    })
    await ledger.setStatus(a.id, 'success', {
      environmentUrl: 'https://prod',
      logUrl: 'https://log/1'
    })
    await ledger.setStatus(other.id, 'success')
    const failed = await ledger.create({
      environment: 'production',
      ref: 'r',
      sha: 's',
      payload: payload('2'),
      description: 'b'
    })
    await ledger.setStatus(failed.id, 'in_progress')
    await ledger.setStatus(failed.id, 'failure')
    expect((await ledger.list('production')).map(r => r.state)).toEqual(['failure', 'success'])
    const b = await ledger.create({
      environment: 'production',
      ref: 'r',
      sha: 's',
      payload: payload('3'),
      description: 'c'
    })
    await ledger.setStatus(b.id, 'in_progress', { logUrl: 'https://log/3' })
    await ledger.setStatus(b.id, 'success')
    const [latest, , first] = await ledger.list('production')
    expect(latest).toMatchObject({
      id: b.id,
      state: 'success',
      logUrl: 'https://log/3',
      creator: 'dev'
    })
    expect(first).toMatchObject({ id: a.id, state: 'inactive', environmentUrl: 'https://prod' })
    expect((await ledger.list('staging'))[0]!.state).toBe('success')
    expect(await ledger.list('production', { limit: 1 })).toHaveLength(1)
    expect(await ledger.environments()).toEqual(['production', 'staging'])
  })

  it('explains a damaged or foreign ledger file and an unknown id', async () => {
    const { file, ledger } = ledgerAt()
    await ledger.create({
      environment: 'x',
      ref: 'r',
      sha: 's',
      payload: payload('1'),
      description: 'a'
    })
    await expect(ledger.setStatus(99, 'success')).rejects.toThrow(`${file}: no deployment #99`)
    const before = readFileSync(file, 'utf8')
    writeFileSync(file, '{"version": 1, "deployments": [')
    await expect(ledger.list('x')).rejects.toThrow('the deployment ledger is not valid JSON')
    writeFileSync(file, '{"something": "else"}')
    await expect(ledger.list('x')).rejects.toThrow('not a valid promote deployment ledger')
    expect(before).toContain('"nextId": 2')
  })

  it('names the file and the entry of a ledger whose entries are not deployments', async () => {
    const { file, ledger } = ledgerAt()
    await ledger.create({
      environment: 'staging',
      ref: 'r',
      sha: 's',
      payload: payload('1'),
      description: 'a'
    })
    const good = JSON.parse(readFileSync(file, 'utf8')) as { deployments: unknown[] }
    const damaged = (deployments: unknown[]) =>
      writeFileSync(file, JSON.stringify({ version: 1, nextId: 9, deployments }))

    damaged([...good.deployments, 7, 'x'])
    // Every use refuses it: nothing is recorded over a ledger it cannot read, nothing crashes.
    for (const use of [
      () => ledger.list('staging'),
      () => ledger.environments(),
      () =>
        ledger.create({
          environment: 'staging',
          ref: 'r',
          sha: 's',
          payload: payload('2'),
          description: 'b'
        })
    ]) {
      const error = await use().then(
        () => undefined,
        (e: unknown) => e
      )
      expect(error).toBeInstanceOf(ConfigurationError)
      expect((error as Error).message).toContain(`${file}: not a valid promote deployment ledger`)
      expect((error as Error).message).toContain('deployments[1]: ')
      expect((error as Error).message).toContain('deployments[2]: ')
    }

    const first = good.deployments[0] as Record<string, unknown>
    damaged([{ ...first, payload: { ...(first.payload as object), modelUri: 3 } }])
    await expect(ledger.list('staging')).rejects.toThrow(
      'deployments[0].payload.modelUri (deployment #1): '
    )
    damaged([{ ...first, statuses: [{ state: 'done', createdAt: 'now' }] }])
    await expect(ledger.list('staging')).rejects.toThrow('deployments[0].statuses[0].state')
    damaged([first, first])
    await expect(ledger.list('staging')).rejects.toThrow('deployment #1 appears twice')
  })
})
