import { afterEach, beforeEach, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { createGitHubClient, GitHubDeploymentStore } from '../../src/adapters/github/index.js'
import { manifestContentHash } from '../../src/core/manifest.js'
import { startArgoServer, type ArgoServer } from '../fakes/argo-server.js'
import { startGitHubServer, type GitHubServer } from '../fakes/github-server.js'
import { createFixture, type Fixture } from '../deploy/fixture.js'
import { runDistAction } from '../helpers/run-dist.js'
import { describeWithShared } from '../helpers/shared.js'

/**
 * A rollback through the bundled submit-deploy (dist) tells the deploy workflow what it can read
 * where it runs: a remote cluster (the fake Argo Server, requests checked against
 * argo-workflows.swagger.json) gets the restored model URI, the manifest's repository path and
 * the commit it was deployed from, never a path under the runner's RUNNER_TEMP; a command cluster
 * reads a local copy, removed afterwards.
 */
const REPO = 'acme/ml-project'
const RUN_ID = 1001
const TOKEN = 'argo-token-2468'
const OLD_SHA = '1'.repeat(40)
const NEW_SHA = '2'.repeat(40)
const { describe, file: argoSpec } = describeWithShared('specs/argo-workflows.swagger.json')

let github: GitHubServer
let fixture: Fixture
let first: { id: number | string }
let firstVersion: string

async function seedSuccess(sha: string, manifestFile: string) {
  const store = new GitHubDeploymentStore(
    await createGitHubClient(github.token, { baseUrl: github.url }),
    { owner: 'acme', repo: 'ml-project' }
  )
  const raw = parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>
  const meta = raw.metadata as { version: number; uri: string }
  const record = await store.create({
    environment: 'production',
    ref: sha,
    sha,
    description: 'seeded',
    payload: {
      modelUri: meta.uri,
      modelName: 'model',
      modelVersion: String(meta.version),
      contentHash: manifestContentHash(raw),
      metrics: {},
      manifestPath: 'artifacts/model:challenger.yaml',
      manifest: raw
    }
  })
  await store.setStatus(record.id, 'success')
  return record
}

beforeEach(async () => {
  github = await startGitHubServer({
    repos: [{ owner: 'acme', repo: 'ml-project', defaultBranch: 'master' }]
  })
  fixture = await createFixture({ git: false })
  firstVersion = await fixture.newChallenger({ accuracy: 0.9 })
  const v1Manifest = join(fixture.dir, 'v1.yaml')
  writeFileSync(v1Manifest, readFileSync(fixture.manifestPath))
  first = await seedSuccess(OLD_SHA, v1Manifest)
  await fixture.newChallenger({ accuracy: 0.95 })
  await seedSuccess(NEW_SHA, fixture.manifestPath)
  github.addEnvironment(REPO, 'production', { requiredReviewers: ['alice'] })
  github.addApproval(REPO, RUN_ID, { environments: ['production'], user: 'alice' })
})
afterEach(async () => {
  expect(github.violations).toEqual([])
  await github.close()
})

const rollback = () =>
  runDistAction('submit-deploy', {
    cwd: fixture.dir,
    eventName: 'workflow_dispatch',
    event: {},
    inputs: { 'github-token': github.token, environment: 'production', rollback: 'true' },
    env: {
      GITHUB_API_URL: github.url,
      ARGO_TOKEN: TOKEN,
      PROMOTE_POLL_SCALE: '0.01',
      PROMOTE_HTTP_RETRIES: '1'
    }
  })

/** What rollback left in RUNNER_TEMP (the runner's files aside). */
const leftovers = (runnerTemp: string) =>
  readdirSync(runnerTemp).filter(name => /rollback/.test(name))

describe('rollback', () => {
  let argo: ArgoServer | undefined
  afterEach(async () => {
    if (argo) {
      expect(argo.violations).toEqual([])
      await argo.close()
      argo = undefined
    }
  })

  it('on a remote cluster passes the model URI and the manifest path at the restored commit', async () => {
    argo = await startArgoServer({
      specFile: argoSpec!,
      token: TOKEN,
      namespace: 'ml',
      templates: { deploy: { runningPolls: 1 } }
    })
    fixture.config(config => {
      config.clusters = {
        argo: { kind: 'argo', url: argo!.url, namespace: 'ml', tokenEnv: 'ARGO_TOKEN' }
      }
      const environments = config.environments as Record<string, Record<string, unknown>>
      for (const env of Object.values(environments)) env.cluster = 'argo'
      config.workflows = { deploy: { name: 'deploy', timeout: '2m' } }
    })
    const result = await rollback()
    expect(result.commands.filter(c => c.command === 'error')).toEqual([])
    expect(result.exitCode).toBe(0)
    const [workflow] = argo.workflows
    expect(workflow!.parameters).toEqual({
      model_uri: `models:/model/${firstVersion}`,
      manifest_path: 'artifacts/model:challenger.yaml',
      manifest_commit: OLD_SHA
    })
    expect(Object.values(workflow!.parameters).join(' ')).not.toContain(result.workDir)
    expect(leftovers(result.workDir)).toEqual([])
    const [deployment] = github.deployments(REPO, 'production')
    expect(deployment!.payload).toMatchObject({
      rollbackOf: first.id,
      manifestPath: 'artifacts/model:challenger.yaml'
    })
  })

  it('on a command cluster reads a local copy of the recorded manifest and removes it', async () => {
    const result = await rollback()
    expect(result.exitCode).toBe(0)
    const call = fixture.calls().at(-1)!
    expect(call.args.model_uri).toBe(`models:/model/${firstVersion}`)
    expect(String(call.args.manifest_path)).toMatch(
      new RegExp(
        `^${result.workDir}/promote-rollback-[^/]+/rollback-${first.id}/model:challenger\\.yaml$`
      )
    )
    expect(call.args.manifest_commit).toBeUndefined()
    expect(leftovers(result.workDir)).toEqual([])
  })
})
