import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { readFileSync } from 'node:fs'
import { createGitHubClient, GitHubDeploymentStore } from '../../src/adapters/github/index.js'
import { manifestContentHash } from '../../src/core/manifest.js'
import { startGitHubServer, type GitHubServer } from '../fakes/github-server.js'
import { runDistAction, type RunActionOptions } from '../helpers/run-dist.js'
import { createFixture, type Fixture } from '../deploy/fixture.js'
import { createOrchestrator } from '../../src/adapters/orchestrators/index.js'
import { startArgoServer } from '../fakes/argo-server.js'
import { sharedFile } from '../helpers/shared.js'

const REPO = 'acme/ml-project'
const RUN_ID = 1001
const MERGE_SHA = 'b'.repeat(40)

function mergedPullRequest(base: string, visibility: 'public' | 'private' = 'public') {
  return {
    action: 'closed',
    number: 5,
    pull_request: {
      number: 5,
      merged: true,
      merge_commit_sha: MERGE_SHA,
      base: { ref: base },
      head: { ref: 'development' },
      html_url: `https://github.com/${REPO}/pull/5`
    },
    repository: { full_name: REPO, visibility, private: visibility !== 'public' }
  }
}

describe('submit-deploy (bundled) against the fake GitHub API', () => {
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

  const run = (inputs: Record<string, string>, options: Partial<RunActionOptions> = {}) =>
    runDistAction('submit-deploy', {
      cwd: fixture.dir,
      eventName: 'pull_request',
      event: mergedPullRequest(inputs.environment === 'production' ? 'master' : 'staging'),
      ...options,
      inputs: { 'github-token': github.token, ...inputs },
      env: {
        GITHUB_API_URL: github.url,
        PROMOTE_POLL_SCALE: '0.01',
        PROMOTE_HTTP_RETRIES: '1',
        ...options.env
      }
    })

  const errorOf = (result: Awaited<ReturnType<typeof run>>) =>
    result.commands
      .filter(c => c.command === 'error')
      .map(c => c.message)
      .join('\n')

  /** Seeds a successful deployment of the current challenger (what a staging deploy leaves behind). */
  async function seedSuccess(environment: string, manifestFile = fixture.manifestPath) {
    const store = new GitHubDeploymentStore(
      await createGitHubClient(github.token, { baseUrl: github.url }),
      { owner: 'acme', repo: 'ml-project' }
    )
    const raw = parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>
    const meta = raw.metadata as { version: number; uri: string }
    const record = await store.create({
      environment,
      ref: 'c'.repeat(40),
      sha: 'c'.repeat(40),
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

  it('deploys to staging after an approval: deployment record, statuses, outputs, summary, promotion PR', async () => {
    github.addEnvironment(REPO, 'staging', { requiredReviewers: ['alice'] })
    github.addApproval(REPO, RUN_ID, {
      environments: ['staging'],
      user: 'alice',
      comment: 'ship it'
    })
    const result = await run({ 'open-promotion-pr': 'true', arguments: '{"replicas": 3}' })
    expect(errorOf(result)).toBe('')
    expect(result.exitCode).toBe(0)

    const [deployment] = github.deployments(REPO, 'staging')
    expect(deployment).toBeDefined()
    expect(deployment!.sha).toBe(MERGE_SHA)
    expect(deployment!.autoMerge).toBe(false)
    expect(deployment!.requiredContexts).toEqual([])
    const payload = deployment!.payload as Record<string, unknown>
    expect(payload).toMatchObject({
      modelUri: `models:/model/${version}`,
      modelName: 'model',
      modelVersion: version,
      metrics: { accuracy: 0.91 },
      manifestPath: 'artifacts/model:challenger.yaml',
      approvers: ['alice'],
      runUrl: `https://github.com/${REPO}/actions/runs/${RUN_ID}`
    })
    expect((payload.manifest as { metadata: { tag: string } }).metadata.tag).toBe('challenger')
    expect(deployment!.statuses.map(s => s.state)).toEqual(['success', 'in_progress'])
    expect(deployment!.statuses[0]!.environmentUrl).toBe('https://staging.example.com')
    expect(deployment!.statuses[0]!.logUrl).toBe(
      `https://github.com/${REPO}/actions/runs/${RUN_ID}`
    )
    const statusPosts = github.requests.filter(
      r => r.method === 'POST' && /\/deployments\/\d+\/statuses$/.test(r.path)
    )
    expect(statusPosts.map(r => (r.body as { auto_inactive: boolean }).auto_inactive)).toEqual([
      true,
      true
    ])
    // Approval was read before anything was recorded.
    const order = github.requests.map(r => `${r.method} ${r.path}`)
    expect(order.indexOf(`GET /repos/${REPO}/actions/runs/${RUN_ID}/approvals`)).toBeLessThan(
      order.indexOf(`POST /repos/${REPO}/deployments`)
    )
    expect(order).toContain(`GET /repos/${REPO}/environments/staging`)

    const call = fixture.calls()[0]!
    expect(call.args).toEqual({
      replicas: 3,
      model_uri: `models:/model/${version}`,
      manifest_path: 'artifacts/model:challenger.yaml'
    })

    expect(result.outputs).toMatchObject({
      'deployment-id': String(deployment!.id),
      status: 'success',
      environment: 'staging',
      'environment-url': 'https://staging.example.com',
      'model-uri': `models:/model/${version}`,
      'model-version': version,
      approvers: 'alice'
    })
    expect(JSON.parse(result.outputs.results!)).toMatchObject({
      total_tests: 20,
      errors: 0,
      match: true
    })
    const facts = JSON.parse(result.outputs.facts!)
    expect(facts).toMatchObject({
      kind: 'deploy',
      environment: 'staging',
      state: 'succeeded',
      model: { version },
      deployment: { id: deployment!.id }
    })

    expect(result.summary).toContain(`Deployed model ${version} to staging`)
    expect(result.summary).toContain('approved by alice')
    expect(result.summary).toContain('| **total_tests** | 20 |')
    expect(result.summary).toContain('| **avg_latency** | 12.5 |')
    expect(result.summary).toContain(`deployments/activity_log?environments_filter=staging`)

    const [pull] = github.pulls(REPO)
    expect(pull).toMatchObject({
      head: 'staging',
      base: 'master',
      state: 'open',
      title: `Promote model ${version} from staging to production`
    })
    expect(pull!.body).toContain('| **total_tests** | 20 |')
    expect(pull!.body).toContain(`models:/model/${version}`)
    expect(result.outputs['pull-request-number']).toBe(String(pull!.number))

    // A second successful staging deploy updates the same PR instead of opening another.
    github.addApproval(REPO, RUN_ID + 1, { environments: ['staging'], user: 'alice' })
    const again = await run(
      { 'open-promotion-pr': 'true' },
      { env: { GITHUB_RUN_ID: String(RUN_ID + 1) } }
    )
    expect(again.exitCode).toBe(0)
    expect(github.pulls(REPO)).toHaveLength(1)
    expect(github.latestState(REPO, deployment!.id)).toBe('inactive')
  })

  it('opens no promotion PR, and does not fail, when the next branch already has everything', async () => {
    github.addEnvironment(REPO, 'staging', { requiredReviewers: ['alice'] })
    github.addApproval(REPO, RUN_ID, { environments: ['staging'], user: 'alice' })
    // What GitHub answers when staging and master are level.
    github.failNext({
      status: 422,
      method: 'POST',
      path: `/repos/${REPO}/pulls`,
      body: {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: 'No commits between master and staging'
          }
        ]
      }
    })
    const result = await run({ environment: 'staging', 'open-promotion-pr': 'true' })
    expect(errorOf(result)).toBe('')
    expect(result.exitCode).toBe(0)
    expect(github.pulls(REPO)).toHaveLength(0)
    expect(result.summary).toContain('none: master already contains staging')
  })

  it('refuses when this run has no approval for the environment, recording nothing', async () => {
    github.addEnvironment(REPO, 'staging', { requiredReviewers: ['alice'] })
    github.addApproval(REPO, RUN_ID, { environments: ['qa'], user: 'alice' })
    const result = await run({})
    expect(result.exitCode).toBe(1)
    const message = errorOf(result)
    expect(message).toContain(`run ${RUN_ID} has no approval for environment 'staging'`)
    expect(message).toContain('Rule: required reviewers (alice)')
    expect(message).toContain('Fix: run the deploy in a job with `environment: staging`')
    expect(result.summary).toContain(`Deploy of model ${version} to staging refused`)
    expect(result.summary).toContain(`run ${RUN_ID} has no approval for environment 'staging'`)
    expect(github.deployments(REPO)).toHaveLength(0)
    expect(fixture.calls()).toHaveLength(0)
  })

  it('refuses an environment without a required-reviewers rule on a public repository', async () => {
    github.addEnvironment(REPO, 'staging', { waitTimer: 5 })
    const result = await run({})
    expect(result.exitCode).toBe(1)
    const message = errorOf(result)
    expect(message).toContain("environment 'staging' has no required reviewers protection rule")
    expect(message).toContain('Rule: staging requires approval (promote.yaml)')
    expect(message).toContain(
      'Fix: add reviewers under Settings → Environments → staging → Required reviewers'
    )
    expect(github.deployments(REPO)).toHaveLength(0)
  })

  it('on a private repository without Enterprise, says so and names the switch; the switch accepts the risk', async () => {
    github.setRepoVisibility(REPO, 'private', 'team')
    github.addEnvironment(REPO, 'staging', { requiredReviewers: ['alice'] })
    const event = mergedPullRequest('staging', 'private')
    const refused = await run({}, { event })
    expect(refused.exitCode).toBe(1)
    const message = errorOf(refused)
    expect(message).toContain('required reviewers on private repositories need GitHub Enterprise')
    expect(message).toContain('deployment.approval.allowUnprotected: true')
    expect(github.deployments(REPO)).toHaveLength(0)

    fixture.config(config => {
      ;(config.deployment as Record<string, unknown>).approval = { allowUnprotected: true }
    })
    const accepted = await run({}, { event })
    expect(accepted.exitCode).toBe(0)
    expect(
      accepted.commands.some(
        c =>
          c.command === 'warning' &&
          c.message.includes(
            'deploying anyway because deployment.approval.allowUnprotected is true'
          )
      )
    ).toBe(true)
    expect(accepted.summary).toContain(
      'unprotected: accepted by deployment.approval.allowUnprotected'
    )
    expect(github.latestState(REPO, github.deployments(REPO, 'staging')[0]!.id)).toBe('success')
  })

  it('refuses a self-approval when distinctApprover is set', async () => {
    fixture.config(config => {
      ;(config.deployment as Record<string, unknown>).approval = { distinctApprover: true }
    })
    github.addEnvironment(REPO, 'staging', { requiredReviewers: ['octocat', 'alice'] })
    github.addApproval(REPO, RUN_ID, { environments: ['staging'], user: 'octocat' })
    const result = await run({})
    expect(result.exitCode).toBe(1)
    const message = errorOf(result)
    expect(message).toContain(
      "environment 'staging' was approved only by octocat, who triggered this run"
    )
    expect(message).toContain('Rule: deployment.approval.distinctApprover')
    expect(github.deployments(REPO)).toHaveLength(0)

    github.addApproval(REPO, RUN_ID, { environments: ['staging'], user: 'alice' })
    const ok = await run({})
    expect(ok.exitCode).toBe(0)
    expect(ok.outputs.approvers).toBe('alice')
  })

  it('refuses production for a hash that did not succeed in staging, and records an override', async () => {
    github.addEnvironment(REPO, 'production', { requiredReviewers: ['alice'] })
    github.addApproval(REPO, RUN_ID, { environments: ['production'], user: 'alice' })
    const refused = await run({ environment: 'production' })
    expect(refused.exitCode).toBe(1)
    const message = errorOf(refused)
    expect(message).toContain(
      "was never deployed successfully to 'staging', the environment before 'production'"
    )
    expect(message).toContain('input override-same-artifact')
    expect(github.deployments(REPO)).toHaveLength(0)

    const overridden = await run({
      environment: 'production',
      'override-same-artifact': 'hotfix INC-42'
    })
    expect(overridden.exitCode).toBe(0)
    expect(overridden.summary).toContain('OVERRIDDEN (hotfix INC-42)')
    const [deployment] = github.deployments(REPO, 'production')
    expect(deployment!.payload).toMatchObject({ overrideReason: 'hotfix INC-42' })
    expect(deployment!.production).toBe(true)
    // The last environment moves the champion tag.
    expect(
      readFileSync(join(fixture.dir, '.promote/registry/model/tags/champion'), 'utf8').trim()
    ).toBe(version)
  })

  it('promotes to production when staging succeeded with the same hash', async () => {
    await seedSuccess('staging')
    github.addEnvironment(REPO, 'production', { requiredReviewers: ['alice'] })
    github.addApproval(REPO, RUN_ID, { environments: ['production'], user: 'alice' })
    const result = await run({ environment: 'production' })
    expect(errorOf(result)).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.summary).toMatch(/succeeded in staging as deployment #\d+/)
  })

  it('fails the step and records failure when the deploy pipeline fails', async () => {
    github.addEnvironment(REPO, 'staging', { requiredReviewers: ['alice'] })
    github.addApproval(REPO, RUN_ID, { environments: ['staging'], user: 'alice' })
    const result = await run({ 'open-promotion-pr': 'true' }, { env: { DEPLOY_MODE: 'fail' } })
    expect(result.exitCode).toBe(1)
    expect(errorOf(result)).toContain('Deploy of model')
    expect(errorOf(result)).toContain('failure: the command exited with code 3')
    const [deployment] = github.deployments(REPO, 'staging')
    expect(deployment!.statuses.map(s => s.state)).toEqual(['failure', 'in_progress'])
    expect(deployment!.statuses[0]!.description).toContain('exited with code 3')
    expect(result.outputs.status).toBe('failure')
    expect(github.pulls(REPO)).toHaveLength(0)
    expect(result.summary).toContain('Deploy failed: model')
  })

  it('on cancellation (SIGTERM) cancels the remote run and marks the deployment error', async () => {
    github.addEnvironment(REPO, 'staging', { requiredReviewers: ['alice'] })
    github.addApproval(REPO, RUN_ID, { environments: ['staging'], user: 'alice' })
    const result = await run(
      {},
      {
        env: { DEPLOY_MODE: 'slow' },
        onSpawn: child => {
          let seen = ''
          child.stdout!.on('data', chunk => {
            seen += chunk
            if (seen.includes('deploying slowly')) {
              seen = ''
              child.kill('SIGTERM')
            }
          })
        }
      }
    )
    expect(result.exitCode).toBe(1)
    const [deployment] = github.deployments(REPO, 'staging')
    expect(deployment!.statuses[0]!.state).toBe('error')
    expect(fixture.calls().some(c => c.signal === 'SIGTERM')).toBe(true)
    expect(result.outputs.status).toBe('cancelled')
    expect(result.state.finished).toBe('true')
  })

  it('post step: a deployment left in progress is marked error and its run is stopped', async () => {
    const store = new GitHubDeploymentStore(
      await createGitHubClient(github.token, { baseUrl: github.url }),
      { owner: 'acme', repo: 'ml-project' }
    )
    const record = await store.create({
      environment: 'staging',
      ref: MERGE_SHA,
      sha: MERGE_SHA,
      description: 'in flight',
      payload: {
        modelUri: 'models:/model/1',
        modelName: 'model',
        contentHash: 'x',
        metrics: {},
        manifestPath: 'm.yaml'
      }
    })
    await store.setStatus(record.id, 'in_progress')
    const orphan = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      detached: true,
      stdio: 'ignore'
    })
    const exited = new Promise(resolve => orphan.on('exit', (_code, signal) => resolve(signal)))
    const result = await run(
      {},
      {
        entry: 'post.js',
        state: {
          config: join(fixture.dir, 'promote.yaml'),
          environment: 'staging',
          'deployment-id': String(record.id),
          cluster: 'local',
          'run-id': `pid-${orphan.pid}`
        }
      }
    )
    expect(result.exitCode).toBe(0)
    expect(await exited).toBe('SIGTERM')
    expect(github.latestState(REPO, Number(record.id))).toBe('error')
    const status = github.deployments(REPO, 'staging')[0]!.statuses[0]!
    expect(status.description).toContain('The job was cancelled before the deploy finished')
  })

  it('post step: a deploy run whose submit answer never came is found by its saved identity and cancelled', async () => {
    const argoSpec = sharedFile('specs/argo-workflows.swagger.json')
    if (!argoSpec) return
    const argo = await startArgoServer({
      specFile: argoSpec,
      templates: { deploy: { hang: true } }
    })
    try {
      const configPath = join(fixture.dir, 'argo-promote.yaml')
      writeFileSync(
        configPath,
        [
          'project: heart',
          'model: {name: model}',
          `clusters: {argo: {kind: argo, url: '${argo.url}', namespace: ml}}`,
          'environments: {staging: {branch: staging, cluster: argo}}',
          'deployment: {workflow: deploy}',
          'workflows: {deploy: {}}'
        ].join('\n')
      )
      const store = new GitHubDeploymentStore(
        await createGitHubClient(github.token, { baseUrl: github.url }),
        { owner: 'acme', repo: 'ml-project' }
      )
      const record = await store.create({
        environment: 'staging',
        ref: MERGE_SHA,
        sha: MERGE_SHA,
        description: 'in flight',
        payload: {
          modelUri: 'models:/model/1',
          modelName: 'model',
          contentHash: 'x',
          metrics: {},
          manifestPath: 'm.yaml'
        }
      })
      await store.setStatus(record.id, 'in_progress')
      // What the killed main step sent: the cluster created it, the step never heard its name.
      const key = 'gh1001-deploy-staging-0123abcd'
      const submission = '0123abcd00000001'
      const client = await createOrchestrator(
        { kind: 'argo', url: argo.url, namespace: 'ml' },
        { env: {}, pollScale: 0.01 }
      )
      const labels = {
        'promote-actions/run': key,
        'promote-actions/attempt': '1',
        'promote-actions/submission': submission
      }
      const { runId } = await client.submit({
        workflow: 'deploy',
        arguments: {},
        project: 'heart',
        labels,
        displayName: `${key}-a1`
      })
      // Another job's run with the same key: left alone.
      const { runId: other } = await client.submit({
        workflow: 'deploy',
        arguments: {},
        project: 'heart',
        labels: { ...labels, 'promote-actions/submission': '0123abcd00000002' },
        displayName: `${key}-a1`
      })
      const result = await run(
        {},
        {
          entry: 'post.js',
          state: {
            config: configPath,
            environment: 'staging',
            'deployment-id': String(record.id),
            cluster: 'argo',
            project: 'heart',
            workflow: 'deploy',
            'run-key': key,
            submission,
            attempt: '1'
          }
        }
      )
      expect(result.exitCode).toBe(0)
      expect(argo.terminated).toEqual([runId])
      expect(argo.terminated).not.toContain(other)
      const status = github.deployments(REPO, 'staging')[0]!.statuses[0]!
      expect(status.state).toBe('error')
      expect(status.description).toContain(`run ${runId} was cancelled`)
      expect(argo.violations).toEqual([])
    } finally {
      await argo.close()
    }
  })

  it('post step: a run the main step could not cancel is cancelled, the final deployment status kept', async () => {
    const store = new GitHubDeploymentStore(
      await createGitHubClient(github.token, { baseUrl: github.url }),
      { owner: 'acme', repo: 'ml-project' }
    )
    const record = await store.create({
      environment: 'staging',
      ref: MERGE_SHA,
      sha: MERGE_SHA,
      description: 'timed out',
      payload: {
        modelUri: 'models:/model/1',
        modelName: 'model',
        contentHash: 'x',
        metrics: {},
        manifestPath: 'm.yaml'
      }
    })
    await store.setStatus(record.id, 'error', { description: 'cancelling the run failed' })
    const orphan = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      detached: true,
      stdio: 'ignore'
    })
    const exited = new Promise(resolve => orphan.on('exit', (_code, signal) => resolve(signal)))
    const result = await run(
      {},
      {
        entry: 'post.js',
        state: {
          config: join(fixture.dir, 'promote.yaml'),
          environment: 'staging',
          'deployment-id': String(record.id),
          cluster: 'local',
          'run-id': `pid-${orphan.pid}`,
          finished: 'true',
          'cancel-failed': 'true'
        }
      }
    )
    expect(result.exitCode).toBe(0)
    expect(await exited).toBe('SIGTERM')
    expect(result.stdout).toContain(`Cancelled deploy run pid-${orphan.pid}`)
    // The main step's status stands: no second one.
    expect(github.deployments(REPO, 'staging')[0]!.statuses.map(s => s.state)).toEqual(['error'])
  })

  it('post step: a cancel refused again fails the post step with the reason, the final deployment status kept', async () => {
    const argoSpec = sharedFile('specs/argo-workflows.swagger.json')
    if (!argoSpec) return
    const argo = await startArgoServer({
      specFile: argoSpec,
      templates: { deploy: { hang: true } }
    })
    try {
      const configPath = join(fixture.dir, 'argo-promote.yaml')
      writeFileSync(
        configPath,
        [
          'project: heart',
          'model: {name: model}',
          `clusters: {argo: {kind: argo, url: '${argo.url}', namespace: ml}}`,
          'environments: {staging: {branch: staging, cluster: argo}}',
          'deployment: {workflow: deploy}',
          'workflows: {deploy: {}}'
        ].join('\n')
      )
      const store = new GitHubDeploymentStore(
        await createGitHubClient(github.token, { baseUrl: github.url }),
        { owner: 'acme', repo: 'ml-project' }
      )
      const record = await store.create({
        environment: 'staging',
        ref: MERGE_SHA,
        sha: MERGE_SHA,
        description: 'timed out',
        payload: {
          modelUri: 'models:/model/1',
          modelName: 'model',
          contentHash: 'x',
          metrics: {},
          manifestPath: 'm.yaml'
        }
      })
      await store.setStatus(record.id, 'error', { description: 'cancelling the run failed' })
      const client = await createOrchestrator(
        { kind: 'argo', url: argo.url, namespace: 'ml' },
        { env: {}, pollScale: 0.01 }
      )
      const { runId } = await client.submit({
        workflow: 'deploy',
        arguments: {},
        project: 'heart',
        labels: {},
        displayName: 'deploy'
      })
      // RBAC lets the token read workflows but not terminate them, again.
      argo.faults.add({
        method: 'PUT',
        path: /^\/api\/v1\/workflows\/ml\/[^/]+\/terminate$/,
        kind: 'status',
        status: 403,
        body: { code: 7, message: 'workflows.argoproj.io is forbidden: cannot update terminate' }
      })
      const result = await run(
        {},
        {
          entry: 'post.js',
          state: {
            config: configPath,
            environment: 'staging',
            'deployment-id': String(record.id),
            cluster: 'argo',
            'run-id': runId,
            project: 'heart',
            workflow: 'deploy',
            finished: 'true',
            'cancel-failed': 'true'
          }
        }
      )
      expect(argo.faults.fired).toHaveLength(1)
      expect(result.exitCode).toBe(1)
      expect(errorOf(result)).toMatch(
        new RegExp(
          `Could not cancel deploy run ${runId} on argo: .*403.*forbidden: cannot update terminate.*It may still be running`,
          's'
        )
      )
      expect(result.stdout).not.toContain('Cancelled deploy run')
      expect(argo.terminated).toEqual([])
      // The main step's status stands: no second one.
      expect(github.deployments(REPO, 'staging')[0]!.statuses.map(s => s.state)).toEqual(['error'])
    } finally {
      await argo.close()
    }
  })

  it('rolls back to the previous successful deployment from its recorded manifest', async () => {
    const v1Manifest = join(fixture.dir, 'v1.yaml')
    writeFileSync(v1Manifest, readFileSync(fixture.manifestPath))
    const first = await seedSuccess('production', v1Manifest)
    const v2 = await fixture.newChallenger({ accuracy: 0.97 })
    const second = await seedSuccess('production')
    expect(github.latestState(REPO, Number(first.id))).toBe('inactive')
    github.addEnvironment(REPO, 'production', { requiredReviewers: ['alice'] })
    github.addApproval(REPO, RUN_ID, { environments: ['production'], user: 'alice' })

    const result = await run(
      { environment: 'production', rollback: 'true' },
      { eventName: 'workflow_dispatch', event: {} }
    )
    expect(errorOf(result)).toBe('')
    expect(result.exitCode).toBe(0)
    const call = fixture.calls().at(-1)!
    expect(call.args.model_uri).toBe(`models:/model/${version}`)
    const [rollback] = github.deployments(REPO, 'production')
    expect(rollback!.id).not.toBe(second.id)
    expect(rollback!.payload).toMatchObject({
      rollbackOf: first.id,
      modelVersion: version,
      manifestPath: 'artifacts/model:challenger.yaml'
    })
    expect(rollback!.description).toContain(`Roll back production to #${first.id}`)
    expect(rollback!.description).toContain(`replaces #${second.id}`)
    expect(github.latestState(REPO, Number(second.id))).toBe('inactive')
    expect(result.summary).toMatch(
      new RegExp(`restores #${first.id}, replaces #${second.id} \\(model ${v2}\\)`)
    )
    expect(result.summary).toContain('not checked: a rollback redeploys')
  })
})
