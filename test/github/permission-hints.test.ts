import { afterEach, expect, it } from '@jest/globals'
import { createGitHubClient, getEnvironmentProtection } from '../../src/adapters/github/index.js'
import { permissionFor } from '../../src/adapters/github/client.js'
import { startGitHubServer, type GitHubServer } from '../fakes/github-server.js'

/**
 * The 403 hint names the job permission GitHub's REST docs give for the endpoint: reading an
 * environment, its protection rules, or a run's approvals needs the "Actions" repository
 * permission (read), which is `actions: read` for GITHUB_TOKEN ("contents: read" does not help).
 */
let github: GitHubServer | undefined
afterEach(async () => {
  expect(github?.violations ?? []).toEqual([])
  await github?.close()
  github = undefined
})

it('names actions: read when GitHub refuses to show an environment', async () => {
  github = await startGitHubServer({ repos: [{ owner: 'acme', repo: 'ml-project' }] })
  const client = await createGitHubClient(github.token, {
    baseUrl: github.url,
    sleep: async () => {}
  })
  github.failNext({
    method: 'GET',
    path: '/environments/production',
    status: 403,
    body: {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/deployments/environments#get-an-environment'
    }
  })
  await expect(
    getEnvironmentProtection(client, 'acme', 'ml-project', 'production')
  ).rejects.toThrow(
    'The token lacks the permission this needs: add `permissions: { actions: read }` to the job.'
  )
})

it('maps the environment and approval reads to actions: read', () => {
  for (const route of [
    '/repos/{owner}/{repo}/environments/{environment_name}',
    '/repos/{owner}/{repo}/environments',
    '/repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules',
    '/repos/{owner}/{repo}/actions/runs/{run_id}/approvals'
  ])
    expect([route, permissionFor('GET', route)]).toEqual([route, 'actions: read'])
})
