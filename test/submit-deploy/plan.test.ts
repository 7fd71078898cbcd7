import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { createGitHubClient, GitHubDeploymentStore } from '../../src/adapters/github/index.js'
import type { PromotionPlan } from '../../src/app/plan.js'
import { manifestContentHash } from '../../src/core/manifest.js'
import { createFixture, type Fixture } from '../deploy/fixture.js'
import { startGitHubServer, type GitHubServer } from '../fakes/github-server.js'
import { runDistAction } from '../helpers/run-dist.js'

const REPO = 'acme/ml-project'
const RUN_ID = 2002

/** submit-deploy `dry-run: true` and the plan in the promotion PR, through the bundled action. */
describe('submit-deploy plans (bundled, fake GitHub API)', () => {
  let github: GitHubServer
  let fixture: Fixture
  let version: string

  beforeEach(async () => {
    github = await startGitHubServer({
      repos: [{ owner: 'acme', repo: 'ml-project', defaultBranch: 'master' }]
    })
    fixture = await createFixture({ git: false })
    version = await fixture.newChallenger({ accuracy: 0.91 })
  })
  afterEach(async () => {
    expect(github.violations).toEqual([])
    await github.close()
  })

  const run = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
    runDistAction('submit-deploy', {
      cwd: fixture.dir,
      eventName: 'push',
      event: { ref: 'refs/heads/staging', repository: { full_name: REPO, visibility: 'public' } },
      inputs: { 'github-token': github.token, ...inputs },
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_RUN_ID: String(RUN_ID),
        GITHUB_REF: 'refs/heads/staging',
        PROMOTE_POLL_SCALE: '0.01',
        PROMOTE_HTTP_RETRIES: '1',
        ...env
      }
    })

  async function seedProductionLive(accuracy: number) {
    const store = new GitHubDeploymentStore(
      await createGitHubClient(github.token, { baseUrl: github.url }),
      { owner: 'acme', repo: 'ml-project' }
    )
    const raw = parse(readFileSync(fixture.manifestPath, 'utf8')) as Record<string, unknown>
    const record = await store.create({
      environment: 'production',
      ref: 'c'.repeat(40),
      sha: 'c'.repeat(40),
      description: 'seeded',
      payload: {
        modelUri: 'models:/model/0',
        modelName: 'model',
        modelVersion: '0',
        contentHash: `old-${manifestContentHash(raw)}`,
        metrics: { accuracy },
        manifestPath: 'artifacts/model:challenger.yaml',
        manifest: raw
      }
    })
    await store.setStatus(record.id, 'success')
    return record
  }

  it('dry-run: the plan in the summary and the plan output; nothing recorded, nothing run, nobody asked', async () => {
    github.addEnvironment(REPO, 'staging', { requiredReviewers: ['alice', 'bob'] })
    const result = await run({
      environment: 'staging',
      'dry-run': 'true',
      arguments: '{"replicas": 2}'
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs.status).toBe('planned')
    const plan = JSON.parse(result.outputs.plan!) as PromotionPlan
    expect(plan).toMatchObject({
      environment: { name: 'staging' },
      model: { version, uri: `models:/model/${version}` },
      approval: { required: true, approvers: 'alice, bob' },
      workflow: { arguments: { replicas: 2, model_uri: `models:/model/${version}` } },
      refusals: []
    })
    expect(result.summary).toContain(`Plan: deploy model ${version} to staging`)
    expect(result.summary).toContain('| **Who may approve** | alice, bob |')
    expect(github.deployments(REPO, 'staging')).toEqual([])
    expect(github.requests.filter(r => r.method !== 'GET')).toEqual([])
    // The run's approvals are not read: a plan asks nobody and needs no approval.
    expect(github.requests.some(r => r.path.endsWith('/approvals'))).toBe(false)
    expect(fixture.calls()).toEqual([])
  })

  it('dry-run fails the step before anyone is asked when the deploy would be refused', async () => {
    // production: no reviewers rule (refused), and the hash never succeeded in staging.
    const result = await run({ environment: 'production', 'dry-run': 'true' })
    expect(result.exitCode).toBe(1)
    expect(result.outputs.status).toBe('refused')
    const plan = JSON.parse(result.outputs.plan!) as PromotionPlan
    expect(plan.sameArtifact.verdict).toBe('fail')
    expect(plan.approval.verdict).toBe('fail')
    expect(plan.refusals).toHaveLength(2)
    expect(result.summary).toContain('would be refused')
    expect(github.deployments(REPO, 'production')).toEqual([])
    expect(fixture.calls()).toEqual([])
  })

  it('the promotion PR carries the plan for the next environment: live metrics, same-artifact verdict, reviewers', async () => {
    github.addEnvironment(REPO, 'staging', { requiredReviewers: ['alice'] })
    github.addEnvironment(REPO, 'production', {
      requiredReviewers: ['carol'],
      preventSelfReview: true
    })
    github.addApproval(REPO, RUN_ID, { environments: ['staging'], user: 'alice' })
    await seedProductionLive(0.88)
    const result = await run({ environment: 'staging', 'open-promotion-pr': 'true' })
    expect(result.exitCode).toBe(0)
    const [pull] = github.pulls(REPO)
    expect(pull!.body).toContain(`Plan: deploy model ${version} to production`)
    expect(pull!.body).toContain('| accuracy | 0.91 | 0.88 |')
    expect(pull!.body).toMatch(/succeeded in staging as deployment #\d+/)
    expect(pull!.body).toContain('| **Who may approve** | carol (not whoever starts the deploy) |')
  })
})
