import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createGitHubClient } from '../../src/adapters/github/index.js'
import { gitHubApprovalSource } from '../../src/actions/submit-deploy/github.js'
import {
  enforceGitHubApproval,
  terminalApproval,
  type GitHubApprovalInput
} from '../../src/app/approval.js'
import { ConfigurationError } from '../../src/core/errors.js'
import { silentLog } from '../../src/adapters/orchestrators/options.js'
import { startGitHubServer, type GitHubServer } from '../fakes/github-server.js'

const REPO = 'acme/ml-project'

describe('enforceGitHubApproval over the GitHub adapter', () => {
  let github: GitHubServer
  let input: GitHubApprovalInput

  beforeEach(async () => {
    github = await startGitHubServer({ repos: [{ owner: 'acme', repo: 'ml-project' }] })
    const client = await createGitHubClient(github.token, {
      baseUrl: github.url,
      retry: { attempts: 1 }
    })
    input = {
      environment: 'production',
      required: true,
      config: { distinctApprover: true, allowUnprotected: false },
      runId: '77',
      actors: ['octocat', 'octocat'],
      repository: REPO,
      source: gitHubApprovalSource(client, 'acme', 'ml-project'),
      log: silentLog
    }
  })
  afterEach(async () => {
    expect(github.violations).toEqual([])
    await github.close()
  })

  const refusal = async () => {
    const error = await enforceGitHubApproval(input).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ConfigurationError)
    return (error as Error).message
  }

  it('refuses an environment that does not exist', async () => {
    expect(await refusal()).toContain(`environment 'production' does not exist in ${REPO}`)
  })

  it('refuses a rejected deploy, naming who rejected it', async () => {
    github.addEnvironment(REPO, 'production', {
      requiredReviewers: ['alice', { team: 'ml-leads' }]
    })
    github.addApproval(REPO, 77, { environments: ['production'], user: 'alice', state: 'rejected' })
    const message = await refusal()
    expect(message).toContain("alice rejected the deploy to 'production' in run 77")
    expect(message).toContain('required reviewers (alice, team ml-leads)')
  })

  it('counts only approvals for this environment, and a distinct approver among several', async () => {
    github.addEnvironment(REPO, 'production', {
      requiredReviewers: ['alice', 'octocat'],
      preventSelfReview: true
    })
    github.addApproval(REPO, 77, { environments: ['staging'], user: 'alice' })
    github.addApproval(REPO, 77, { environments: ['production'], user: 'octocat' })
    expect(await refusal()).toContain('approved only by octocat, who triggered this run')
    github.addApproval(REPO, 77, { environments: ['production', 'staging'], user: 'bob' })
    const outcome = await enforceGitHubApproval(input)
    expect(outcome).toMatchObject({ mode: 'github', approvers: ['bob'] })
  })

  it('does not call GitHub when the environment requires no approval', async () => {
    const outcome = await enforceGitHubApproval({ ...input, required: false })
    expect(outcome.mode).toBe('not-required')
    expect(github.requests).toHaveLength(0)
  })

  it('reads the visibility from the API when the event does not carry it (internal repo)', async () => {
    github.setRepoVisibility(REPO, 'internal', 'team')
    github.addEnvironment(REPO, 'production', { requiredReviewers: ['alice'] })
    const message = await refusal()
    expect(message).toContain('required reviewers on internal repositories need GitHub Enterprise')
    expect(github.requests.some(r => r.method === 'GET' && r.path === `/repos/${REPO}`)).toBe(true)
  })
})

describe('terminalApproval', () => {
  const base = {
    environment: 'production',
    required: true,
    user: 'dev',
    what: 'model 3',
    ask: async () => true
  }
  it('needs a terminal or --yes', async () => {
    await expect(
      terminalApproval({ ...base, assumeYes: false, interactive: false })
    ).rejects.toThrow('there is no terminal to ask')
    await expect(
      terminalApproval({ ...base, assumeYes: true, interactive: false })
    ).resolves.toMatchObject({ mode: 'assumed-yes', approvers: ['dev'] })
    await expect(
      terminalApproval({ ...base, assumeYes: false, interactive: true })
    ).resolves.toMatchObject({ mode: 'terminal' })
    await expect(
      terminalApproval({ ...base, assumeYes: false, interactive: true, ask: async () => false })
    ).rejects.toThrow('not approved at the terminal')
  })
})
