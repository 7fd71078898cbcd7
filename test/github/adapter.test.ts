import { afterEach, describe, expect, it } from '@jest/globals'
import {
  createGitHubClient,
  GitHubApiError,
  type GitHubClient
} from '../../src/adapters/github/client.js'
import { CommentPermissionError, upsertStickyComment } from '../../src/adapters/github/comments.js'
import { GitHubDeploymentStore } from '../../src/adapters/github/deployments.js'
import {
  getEnvironmentProtection,
  getRepositoryVisibility,
  listRunApprovals
} from '../../src/adapters/github/environments.js'
import { openOrUpdatePull } from '../../src/adapters/github/pulls.js'
import type { DeploymentPayload } from '../../src/adapters/deployments/types.js'
import {
  startGitHubServer,
  type GitHubServer,
  type GitHubServerOptions
} from '../fakes/github-server.js'

const OWNER = 'acme'
const REPO = 'models'
const FULL = `${OWNER}/${REPO}`
const SHA = '0123456789abcdef0123456789abcdef01234567'
const noSleep = async () => {}

let github: GitHubServer | undefined
const retries: string[] = []

async function setup(
  options: GitHubServerOptions = {}
): Promise<{ github: GitHubServer; client: GitHubClient }> {
  github = await startGitHubServer({ repos: [{ owner: OWNER, repo: REPO }], ...options })
  retries.length = 0
  const client = await createGitHubClient(github.token, {
    baseUrl: github.url,
    sleep: noSleep,
    onRetry: message => retries.push(message)
  })
  return { github, client }
}

afterEach(async () => {
  if (github) {
    // Every request the adapter sent, and every reply, conforms to GitHub's OpenAPI description.
    expect(github.violations).toEqual([])
    await github.close()
    github = undefined
  }
})

function payload(overrides: Partial<DeploymentPayload> = {}): DeploymentPayload {
  return {
    modelUri: 'store://models/cicd-flow/model#0:v3',
    modelName: 'model',
    modelVersion: '3',
    contentHash: 'sha256:aaaa',
    metrics: { accuracy: 0.93 },
    manifestPath: 'artifacts/model:challenger.yaml',
    ...overrides
  }
}

describe('sticky PR comment', () => {
  const marker = 'promote-actions:lint-test'

  it('creates the comment once, then updates it in place', async () => {
    const { github, client } = await setup()
    github.addComment(FULL, 7, 'LGTM', { user: 'bob' })
    github.addComment(FULL, 7, 'Why does `<!-- promote-actions:lint-test -->` show up?', {
      user: 'bob'
    })
    const first = await upsertStickyComment(client, {
      owner: OWNER,
      repo: REPO,
      issueNumber: 7,
      marker,
      body: '## Report v1'
    })
    const second = await upsertStickyComment(client, {
      owner: OWNER,
      repo: REPO,
      issueNumber: 7,
      marker,
      body: '## Report v2'
    })
    expect(first.action).toBe('created')
    expect(second).toMatchObject({ id: first.id, action: 'updated' })
    const comments = github.comments(FULL, 7)
    expect(comments).toHaveLength(3)
    expect(comments[2]?.body).toBe('<!-- promote-actions:lint-test -->\n## Report v2')
    expect(comments[1]?.body).toContain('show up?')
    expect(comments[0]?.body).toBe('LGTM')
    expect(github.requests.filter(r => r.method === 'PATCH')).toHaveLength(1)
  })

  it("cuts an oversized report to GitHub's limit with a pointer, so the stale comment is replaced", async () => {
    const { github, client } = await setup()
    await upsertStickyComment(client, {
      owner: OWNER,
      repo: REPO,
      issueNumber: 8,
      marker,
      body: '## Passed'
    })
    const rows = Array.from({ length: 4000 }, (_, i) => `| feature_${i} | 0.${i} |`).join('\n')
    const result = await upsertStickyComment(client, {
      owner: OWNER,
      repo: REPO,
      issueNumber: 8,
      marker,
      body: `## Failed\n\n| metric | value |\n| --- | --- |\n${rows}\n\n\`\`\`\nlog\n\`\`\``,
      overflowNotice: 'The whole report is in the job summary.'
    })
    expect(result.action).toBe('updated')
    const [comment] = github.comments(FULL, 8)
    expect(comment!.body.length).toBeLessThanOrEqual(65_536)
    expect(comment!.body.startsWith('<!-- promote-actions:lint-test -->\n## Failed')).toBe(true)
    expect(comment!.body).toMatch(
      /\| feature_\d+ \| 0\.\d+ \|\n\n> \[!WARNING\]\n> The whole report is in the job summary\.\n$/
    )
  })

  it('finds its comment on the second page', async () => {
    const { github, client } = await setup({ maxPerPage: 3 })
    for (let i = 0; i < 4; i++) github.addComment(FULL, 9, `chatter ${i}`)
    const ours = github.addComment(FULL, 9, '<!-- promote-actions:lint-test -->\nold report', {
      user: 'github-actions[bot]'
    })
    github.addComment(FULL, 9, 'more chatter')
    const result = await upsertStickyComment(client, {
      owner: OWNER,
      repo: REPO,
      issueNumber: 9,
      marker,
      body: 'new report'
    })
    expect(result).toMatchObject({ id: ours.id, action: 'updated' })
    expect(github.comments(FULL, 9)).toHaveLength(6)
    expect(github.comments(FULL, 9).filter(c => c.body.includes('new report'))).toHaveLength(1)
    expect(github.requests.some(r => r.method === 'GET' && r.query.get('page') === '2')).toBe(true)
  })

  it('reports a fork PR’s read-only token as a CommentPermissionError', async () => {
    const { github, client } = await setup()
    github.setCommentsForbidden(true)
    const attempt = upsertStickyComment(client, {
      owner: OWNER,
      repo: REPO,
      issueNumber: 3,
      marker,
      body: 'report'
    })
    await expect(attempt).rejects.toBeInstanceOf(CommentPermissionError)
    await expect(attempt).rejects.toThrow(
      /Resource not accessible by integration.*forks get a read-only GITHUB_TOKEN.*pull-requests: write/
    )
    const error = await attempt.catch((e: unknown) => e)
    // GitHub's X-Accepted-GitHub-Permissions header names what the token needs.
    expect((error as CommentPermissionError).apiError.message).toContain(
      'add `permissions: { issues: write or pull-requests: write }` to the job'
    )
    expect(github.comments(FULL, 3)).toHaveLength(0)
  })

  it('reports the forbidden update of an existing comment the same way', async () => {
    const { github, client } = await setup()
    github.addComment(FULL, 4, '<!-- promote-actions:lint-test -->\nold')
    github.setCommentsForbidden(true)
    await expect(
      upsertStickyComment(client, { owner: OWNER, repo: REPO, issueNumber: 4, marker, body: 'x' })
    ).rejects.toBeInstanceOf(CommentPermissionError)
  })
})

describe('environment protection and approvals', () => {
  it('reads required reviewers, wait timer and branch policy', async () => {
    const { github, client } = await setup()
    github.addEnvironment(FULL, 'production', {
      requiredReviewers: ['alice', { team: 'ml-leads' }],
      preventSelfReview: true,
      waitTimer: 10,
      branchPolicy: { protectedBranches: true, customBranchPolicies: false }
    })
    const protection = await getEnvironmentProtection(client, OWNER, REPO, 'production')
    expect(protection).toMatchObject({
      name: 'production',
      exists: true,
      hasRequiredReviewersRule: true,
      preventSelfReview: true,
      waitTimerMinutes: 10,
      branchPolicy: { protectedBranches: true, customBranchPolicies: false }
    })
    expect(protection.requiredReviewers.map(r => [r.type, r.name])).toEqual([
      ['User', 'alice'],
      ['Team', 'ml-leads']
    ])
  })

  it('says an environment without rules has none, and a missing one does not exist', async () => {
    const { github, client } = await setup()
    github.addEnvironment(FULL, 'staging')
    expect(await getEnvironmentProtection(client, OWNER, REPO, 'staging')).toMatchObject({
      exists: true,
      hasRequiredReviewersRule: false,
      requiredReviewers: []
    })
    expect(await getEnvironmentProtection(client, OWNER, REPO, 'nowhere')).toMatchObject({
      exists: false,
      hasRequiredReviewersRule: false
    })
  })

  it('sees no reviewer rule on a private repository without Enterprise, and reports visibility', async () => {
    const { github, client } = await setup({
      repos: [{ owner: OWNER, repo: REPO, visibility: 'private', plan: 'team' }]
    })
    github.addEnvironment(FULL, 'production', { requiredReviewers: ['alice'] })
    expect(await getRepositoryVisibility(client, OWNER, REPO)).toBe('private')
    expect(
      (await getEnvironmentProtection(client, OWNER, REPO, 'production')).hasRequiredReviewersRule
    ).toBe(false)
    github.setRepoVisibility(FULL, 'internal', 'enterprise')
    expect(await getRepositoryVisibility(client, OWNER, REPO)).toBe('internal')
    expect(
      (await getEnvironmentProtection(client, OWNER, REPO, 'production')).hasRequiredReviewersRule
    ).toBe(true)
  })

  it('lists who approved or rejected which environments of a run', async () => {
    const { github, client } = await setup()
    github.addApproval(FULL, 4242, {
      environments: ['staging'],
      user: 'carol',
      state: 'rejected',
      comment: 'metrics regressed'
    })
    github.addApproval(FULL, 4242, {
      environments: ['staging', 'production'],
      user: 'alice',
      comment: 'Ship it!'
    })
    expect(await listRunApprovals(client, OWNER, REPO, 4242)).toEqual([
      { environments: ['staging'], state: 'rejected', user: 'carol', comment: 'metrics regressed' },
      {
        environments: ['staging', 'production'],
        state: 'approved',
        user: 'alice',
        comment: 'Ship it!'
      }
    ])
    expect(await listRunApprovals(client, OWNER, REPO, 1)).toEqual([])
  })
})

describe('deployment records', () => {
  it('creates a deployment with payload and flags, then statuses with URLs and auto_inactive', async () => {
    const { github, client } = await setup()
    const store = new GitHubDeploymentStore(client, {
      owner: OWNER,
      repo: REPO,
      productionEnvironments: ['production']
    })
    const record = await store.create({
      environment: 'production',
      ref: 'main',
      sha: SHA,
      payload: payload(),
      description: 'Deploy model v3'
    })
    expect(record).toMatchObject({
      environment: 'production',
      ref: 'main',
      sha: SHA,
      state: 'queued',
      payload: payload(),
      description: 'Deploy model v3'
    })
    const created = github.requests.find(
      r => r.method === 'POST' && r.path.endsWith('/deployments')
    )
    expect(created?.body).toMatchObject({
      ref: SHA,
      environment: 'production',
      auto_merge: false,
      required_contexts: [],
      transient_environment: false,
      production_environment: true,
      payload: { ...payload(), gitRef: 'main' }
    })
    await store.setStatus(record.id, 'in_progress', {
      logUrl: 'https://github.com/acme/models/actions/runs/1',
      description: 'Deploying'
    })
    await store.setStatus(record.id, 'success', {
      environmentUrl: 'https://model.example.com',
      logUrl: 'https://github.com/acme/models/actions/runs/1',
      description: 'x'.repeat(200)
    })
    const statusBodies = github.requests
      .filter(r => r.method === 'POST' && r.path.endsWith('/statuses'))
      .map(r => r.body as Record<string, unknown>)
    expect(statusBodies.map(b => b.auto_inactive)).toEqual([true, true])
    expect(String(statusBodies[1]?.description).length).toBeLessThanOrEqual(140)
    expect(github.latestState(FULL, Number(record.id))).toBe('success')
    const [listed] = await store.list('production')
    expect(listed).toMatchObject({
      id: record.id,
      state: 'success',
      environmentUrl: 'https://model.example.com',
      logUrl: 'https://github.com/acme/models/actions/runs/1',
      ref: 'main'
    })
    expect(await store.get(record.id)).toMatchObject({ id: record.id, state: 'success' })
    expect(await store.get(999999)).toBeUndefined()
  })

  it('lists newest first across pages with each one’s latest state; a new success makes the older inactive', async () => {
    const { github, client } = await setup({ maxPerPage: 2 })
    const store = new GitHubDeploymentStore(client, { owner: OWNER, repo: REPO })
    const ids: Array<number | string> = []
    for (let version = 1; version <= 5; version++) {
      const record = await store.create({
        environment: 'staging',
        ref: 'staging',
        sha: SHA,
        payload: payload({ modelVersion: String(version) }),
        description: `v${version}`
      })
      ids.push(record.id)
      await store.setStatus(record.id, version === 4 ? 'failure' : 'success', {
        environmentUrl: `https://staging.example.com/v${version}`
      })
    }
    // Someone else's deployment in the same environment is not part of the model's history.
    await client.rest.repos.createDeployment({
      owner: OWNER,
      repo: REPO,
      ref: SHA,
      environment: 'staging',
      payload: { app: 'web' },
      auto_merge: false,
      required_contexts: []
    })
    const other = await store.create({
      environment: 'production',
      ref: 'main',
      sha: SHA,
      payload: payload(),
      description: 'prod'
    })

    const history = await store.list('staging')
    expect(history.map(d => d.id)).toEqual([...ids].reverse())
    expect(history.map(d => d.state)).toEqual([
      'success',
      'failure',
      'inactive',
      'inactive',
      'inactive'
    ])
    expect(history.map(d => d.payload.modelVersion)).toEqual(['5', '4', '3', '2', '1'])
    expect(history[2]?.environmentUrl).toBe('https://staging.example.com/v3')
    expect(
      github.requests.some(r => r.path.endsWith('/deployments') && r.query.get('page') === '3')
    ).toBe(true)
    expect((await store.list('staging', { limit: 2 })).map(d => d.id)).toEqual([ids[4], ids[3]])
    expect((await store.list('production')).map(d => d.id)).toEqual([other.id])
  })

  it('names the missing deployments permission when GitHub refuses', async () => {
    const { github, client } = await setup()
    github.failNext({
      method: 'POST',
      path: '/deployments',
      status: 403,
      body: {
        message: 'Resource not accessible by integration',
        documentation_url:
          'https://docs.github.com/rest/deployments/deployments#create-a-deployment'
      }
    })
    const store = new GitHubDeploymentStore(client, { owner: OWNER, repo: REPO })
    await expect(
      store.create({
        environment: 'staging',
        ref: 'staging',
        sha: SHA,
        payload: payload(),
        description: 'd'
      })
    ).rejects.toThrow(
      'GitHub API POST /repos/{owner}/{repo}/deployments failed: 403 Resource not accessible by integration. The token lacks the permission this needs: add `permissions: { deployments: write }` to the job.'
    )
  })
})

describe('promotion pull request', () => {
  it('opens the PR, then updates it instead of opening another', async () => {
    const { github, client } = await setup()
    const first = await openOrUpdatePull(client, {
      owner: OWNER,
      repo: REPO,
      head: 'staging',
      base: 'main',
      title: 'Promote model v3',
      body: 'staging results: ok'
    })
    expect(first.action).toBe('created')
    expect(first.url).toBe(`https://github.com/${FULL}/pull/${first.number}`)
    const second = await openOrUpdatePull(client, {
      owner: OWNER,
      repo: REPO,
      head: 'staging',
      base: 'main',
      title: 'Promote model v4',
      body: 'staging results: better'
    })
    expect(second).toEqual({ number: first.number, url: first.url, action: 'updated' })
    expect(github.pulls(FULL)).toHaveLength(1)
    expect(github.pulls(FULL)[0]).toMatchObject({
      title: 'Promote model v4',
      body: 'staging results: better',
      state: 'open'
    })
    const list = github.requests.find(r => r.method === 'GET' && r.path.endsWith('/pulls'))
    expect(Object.fromEntries(list?.query ?? [])).toMatchObject({
      head: 'acme:staging',
      base: 'main',
      state: 'open'
    })
  })

  it('opens a new PR when the earlier one was closed', async () => {
    const { github, client } = await setup()
    github.addPull(FULL, { head: 'staging', base: 'main', title: 'old', state: 'closed' })
    const result = await openOrUpdatePull(client, {
      owner: OWNER,
      repo: REPO,
      head: 'staging',
      base: 'main',
      title: 'new',
      body: 'b'
    })
    expect(result.action).toBe('created')
    expect(github.pulls(FULL).filter(p => p.state === 'open')).toHaveLength(1)
  })

  it('explains the repository setting when Actions may not create pull requests', async () => {
    const { github, client } = await setup()
    github.failNext({
      method: 'POST',
      path: '/pulls',
      status: 403,
      body: {
        message: 'GitHub Actions is not permitted to create or approve pull requests.',
        documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request'
      }
    })
    await expect(
      openOrUpdatePull(client, {
        owner: OWNER,
        repo: REPO,
        head: 'staging',
        base: 'main',
        title: 't',
        body: 'b'
      })
    ).rejects.toThrow(/Allow GitHub Actions to create and approve pull requests/)
  })
})

describe('client errors and retries', () => {
  it('says a bad token is bad without printing it', async () => {
    const { github } = await setup()
    const secret = 'ghp_notTheRightToken123'
    const client = await createGitHubClient(secret, { baseUrl: github.url, sleep: noSleep })
    let error: unknown
    try {
      await getEnvironmentProtection(client, OWNER, REPO, 'production')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(GitHubApiError)
    const message = (error as Error).message
    expect(message).toContain(
      'GitHub API GET /repos/{owner}/{repo}/environments/{environment_name} failed: 401 Bad credentials.'
    )
    expect(message).toContain('pass a valid github-token')
    expect(message).not.toContain(secret)
    expect(JSON.stringify(error)).not.toContain(secret)
    expect((error as GitHubApiError).status).toBe(401)
  })

  it('refuses to start without a token', async () => {
    await expect(createGitHubClient('')).rejects.toThrow(/No GitHub token/)
  })

  it('uses GITHUB_API_URL when no base URL is given', async () => {
    const { github } = await setup()
    const previous = process.env.GITHUB_API_URL
    process.env.GITHUB_API_URL = github.url
    try {
      const client = await createGitHubClient(github.token)
      expect(await getRepositoryVisibility(client, OWNER, REPO)).toBe('public')
    } finally {
      if (previous === undefined) delete process.env.GITHUB_API_URL
      else process.env.GITHUB_API_URL = previous
    }
  })

  it('retries reads on 5xx but never repeats a POST that may have been applied', async () => {
    const { github, client } = await setup()
    github.failNext({ method: 'GET', path: '/environments/', status: 502, times: 2 })
    expect((await getEnvironmentProtection(client, OWNER, REPO, 'production')).exists).toBe(false)
    expect(retries).toHaveLength(2)

    github.failNext({ method: 'POST', path: '/deployments', status: 502 })
    const store = new GitHubDeploymentStore(client, { owner: OWNER, repo: REPO })
    const attempt = store.create({
      environment: 'staging',
      ref: 'staging',
      sha: SHA,
      payload: payload(),
      description: 'd'
    })
    await expect(attempt).rejects.toMatchObject({ status: 502, ambiguous: true })
    expect(
      github.requests.filter(r => r.method === 'POST' && r.path.endsWith('/deployments'))
    ).toHaveLength(1)
  })

  it('times out a hung read and retries it', async () => {
    const { github } = await setup()
    const client = await createGitHubClient(github.token, {
      baseUrl: github.url,
      sleep: noSleep,
      timeoutMs: 200,
      onRetry: m => retries.push(m)
    })
    github.failNext({ method: 'GET', path: '/environments/', status: 504, delayMs: 3000 })
    expect((await getEnvironmentProtection(client, OWNER, REPO, 'production')).exists).toBe(false)
    expect(retries).toEqual([
      expect.stringContaining(
        'GET /repos/{owner}/{repo}/environments/{environment_name}: no response; retrying'
      )
    ])
  })

  it('retries any method after a rate limit, which GitHub refuses before doing anything', async () => {
    const { github, client } = await setup()
    github.failNext({
      method: 'POST',
      path: '/comments',
      status: 429,
      headers: { 'retry-after': '1' },
      body: { message: 'API rate limit exceeded' }
    })
    const result = await upsertStickyComment(client, {
      owner: OWNER,
      repo: REPO,
      issueNumber: 1,
      marker: 'm',
      body: 'b'
    })
    expect(result.action).toBe('created')
    expect(retries[0]).toMatch(
      /POST \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments: 429; retrying in 1s/
    )
    expect(github.comments(FULL, 1)).toHaveLength(1)
  })
})

describe('the fake itself', () => {
  it('rejects requests GitHub would reject, and records them as violations', async () => {
    const { github, client } = await setup()
    const bad = client.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
      owner: OWNER,
      repo: REPO,
      deployment_id: 1,
      state: 'done' as 'success'
    })
    await expect(bad).rejects.toMatchObject({ status: 422 })
    await expect(
      client.request('GET /repos/{owner}/{repo}/pulls', {
        owner: OWNER,
        repo: REPO,
        state: 'merged' as 'open'
      })
    ).rejects.toMatchObject({ status: 422 })
    await expect(
      client.request('GET /repos/{owner}/{repo}/no-such-thing', { owner: OWNER, repo: REPO })
    ).rejects.toMatchObject({ status: 404 })
    expect(github.violations.join('\n')).toMatch(
      /body\/state must be equal to one of the allowed values/
    )
    expect(github.violations.join('\n')).toMatch(/query parameter 'state'/)
    expect(github.violations.join('\n')).toMatch(/not an operation of GitHub's REST API/)
    github.violations.length = 0
  })

  it('requires authentication', async () => {
    const { github } = await setup()
    const response = await fetch(`${github.url}/repos/${FULL}`)
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ message: 'Requires authentication' })
  })

  it('refuses a deployment of an unknown ref, and one whose commit checks failed', async () => {
    const { github, client } = await setup()
    await expect(
      client.rest.repos.createDeployment({
        owner: OWNER,
        repo: REPO,
        ref: 'no-branch',
        environment: 'staging'
      })
    ).rejects.toMatchObject({ status: 422 })
    github.setCommitStatuses(FULL, SHA, [{ context: 'ci/test', state: 'failure' }])
    await expect(
      client.rest.repos.createDeployment({
        owner: OWNER,
        repo: REPO,
        ref: SHA,
        environment: 'staging',
        auto_merge: false
      })
    ).rejects.toMatchObject({ status: 409 })
    const ok = await client.rest.repos.createDeployment({
      owner: OWNER,
      repo: REPO,
      ref: SHA,
      environment: 'staging',
      required_contexts: []
    })
    expect(ok.status).toBe(201)
  })
})
