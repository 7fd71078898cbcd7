import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createGitHubClient, GitHubDeploymentStore } from '../../src/adapters/github/index.js'
import { startGitHubServer, type GitHubServer } from '../fakes/github-server.js'
import { createFixture, runCli, type Fixture } from './fixture.js'

describe('promote history --github', () => {
  let github: GitHubServer
  let fixture: Fixture

  beforeAll(async () => {
    github = await startGitHubServer({
      repos: [{ owner: 'acme', repo: 'ml-project', defaultBranch: 'master' }],
      maxPerPage: 2
    })
    fixture = await createFixture({ git: false })
    const store = new GitHubDeploymentStore(
      await createGitHubClient(github.token, { baseUrl: github.url }),
      { owner: 'acme', repo: 'ml-project' }
    )
    for (const version of ['1', '2', '3']) {
      const record = await store.create({
        environment: 'production',
        ref: 'c'.repeat(40),
        sha: 'c'.repeat(40),
        description: `v${version}`,
        payload: {
          modelUri: `models:/model/${version}`,
          modelName: 'model',
          modelVersion: version,
          contentHash: `${version}`.repeat(64),
          metrics: {},
          manifestPath: 'a.yaml'
        }
      })
      await store.setStatus(record.id, version === '2' ? 'failure' : 'success')
    }
  })
  afterAll(async () => {
    expect(github.violations).toEqual([])
    await github.close()
  })

  it('lists GitHub deployments newest first with their latest state (paginated)', async () => {
    const env = { GITHUB_TOKEN: github.token, GITHUB_API_URL: github.url }
    const result = await runCli(
      fixture.dir,
      ['history', '--github', '--repo', 'acme/ml-project', '--env', 'production', '--json'],
      { env }
    )
    expect(result.stderr).toBe('')
    const rows = JSON.parse(result.stdout) as Array<{
      state: string
      version: string
      creator: string
      hash: string
    }>
    expect(rows.map(r => [r.version, r.state])).toEqual([
      ['3', 'success'],
      ['2', 'failure'],
      ['1', 'inactive']
    ])
    expect(rows[0]!.creator).toBe('github-actions[bot]')
    expect(rows[0]!.hash).toBe('333333333333')
    const text = await runCli(
      fixture.dir,
      ['history', '--github', '--repo', 'acme/ml-project', '--env', 'production'],
      { env }
    )
    expect(text.stdout).toContain('GitHub deployments of acme/ml-project')
    expect(text.stdout).toMatch(/Live\s+#\d+ model 3/)
  })

  it('explains a missing token', async () => {
    const result = await runCli(fixture.dir, ['history', '--github', '--env', 'production'], {
      env: { GITHUB_TOKEN: '', GH_TOKEN: '' }
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('--github needs a token')
  })
})
