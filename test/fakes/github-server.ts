/**
 * A stateful fake of GitHub's REST API for contract tests, on loopback.
 *
 * Every request is checked against GitHub's own OpenAPI description (@octokit/openapi): the path
 * and method must be a real operation, required query parameters present, query/path values and
 * the JSON body valid. A request that fails gets a 422 `Validation Failed` listing the problems
 * (an unknown operation a 404) and the problems are appended to `server.violations`. Every
 * response the fake sends is validated too (errors it sends that GitHub's description leaves
 * undocumented, such as a 404 on GET environment, against `basic-error`). Tests should end with
 * `expect(server.violations).toEqual([])`.
 *
 * Usage:
 *   const github = await startGitHubServer({ repos: [{ owner: 'acme', repo: 'models', visibility: 'private' }] })
 *   process.env.GITHUB_API_URL = github.url          // the adapter and @actions/github read it
 *   github.addEnvironment('acme/models', 'production', { requiredReviewers: ['alice'] })
 *   github.addApproval('acme/models', 42, { environments: ['production'], user: 'alice' })
 *   ... run the code under test with token github.token ...
 *   expect(github.violations).toEqual([])
 *   await github.close()
 *
 * Options (all optional): token ('test-token'; any other Authorization gets 401 Bad credentials,
 * none 401 Requires authentication), login of the token's user ('github-actions[bot]', a Bot),
 * repos [{owner, repo, visibility: public|private|internal, plan: free|pro|team|enterprise,
 * defaultBranch}] (default one public repo 'octo-org/models'), maxPerPage (GitHub's 100; set it low
 * to force pagination), webUrl ('https://github.com', for html_url fields).
 *
 * Routes (all validated; list endpoints paginate with page/per_page and Link headers):
 *   GET    /repos/{o}/{r}                                    visibility, private
 *   GET    /repos/{o}/{r}/environments/{name}                protection_rules (wait_timer,
 *          required_reviewers with reviewers + prevent_self_review, branch_policy), 404 when missing.
 *          On private/internal repos whose plan is not enterprise, required_reviewers and
 *          wait_timer rules are not returned (GitHub only offers them there on Enterprise).
 *   GET    /repos/{o}/{r}/actions/runs/{run_id}/approvals    seeded approvals, [] for other runs
 *   POST   /repos/{o}/{r}/deployments                        ref (branch or 40-hex sha, else 422
 *          "No ref found"), payload, environment (created if new), auto_merge, required_contexts
 *          (omitted = every seeded commit status must be success, else 409), transient/production
 *   GET    /repos/{o}/{r}/deployments?environment&ref&sha&task   newest first
 *   GET    /repos/{o}/{r}/deployments/{id}
 *   POST   /repos/{o}/{r}/deployments/{id}/statuses           log_url sets target_url; success with
 *          auto_inactive (default true) adds an `inactive` status to every older deployment of that
 *          environment whose latest status is success (transient ones excepted)
 *   GET    /repos/{o}/{r}/deployments/{id}/statuses           newest first
 *   GET    /repos/{o}/{r}/issues/{n}/comments                oldest first; any issue number exists
 *   POST   /repos/{o}/{r}/issues/{n}/comments                403 when setCommentsForbidden(true)
 *   GET    /repos/{o}/{r}/issues/comments/{id}
 *   PATCH  /repos/{o}/{r}/issues/comments/{id}               403 when setCommentsForbidden(true)
 *          (both: a body over 65,536 characters is GitHub's 422 "body is too long")
 *   GET    /repos/{o}/{r}/pulls?state&head=owner:branch&base  newest first
 *   POST   /repos/{o}/{r}/pulls                              422 "A pull request already exists"
 *   GET    /repos/{o}/{r}/pulls/{n}
 *   PATCH  /repos/{o}/{r}/pulls/{n}                          title, body, state, base
 *   POST   /repos/{o}/{r}/dispatches                         repository_dispatch, 204; dispatches(repo)
 *   git data, contents and the jobs of a run attempt: github-git.ts
 * A real GitHub operation the fake does not implement answers 501 and is recorded as a violation.
 *
 * Seeding and inspection (`repo` is 'owner/name'):
 *   addRepo({owner, repo, visibility?, plan?, defaultBranch?}), setRepoVisibility(repo, v, plan?),
 *   addBranch(repo, name, sha?) -> sha, setCommitStatuses(repo, sha, [{context, state}]),
 *   addEnvironment(repo, name, {requiredReviewers?: ['alice', {team: 'ml-leads'}],
 *     preventSelfReview?, waitTimer?, branchPolicy?: {protectedBranches, customBranchPolicies}}),
 *   removeEnvironment(repo, name), environment(repo, name),
 *   addApproval(repo, runId, {environments, user, state = 'approved', comment = ''}),
 *   addComment(repo, issueNumber, body, {user?}) -> comment, comments(repo, issueNumber),
 *   setCommentsForbidden(on), addPull(repo, {head, base, title, body?, state?}) -> pull, pulls(repo),
 *   deployments(repo, environment?) -> newest first, each with .statuses newest first,
 *   latestState(repo, deploymentId), failNext({status, method?, path?, times?, body?, headers?,
 *   delayMs?}) (injects failures, e.g. a 502 once, to exercise retries, or a slow reply for
 *   timeouts; path is a substring or RegExp of the request path; injected replies are not validated).
 * Inspect `requests` (every request, as test/helpers/http-server.ts records them) and `violations`.
 */
import { join } from 'node:path'
import { startServer, type RecordedRequest, type TestServer } from '../helpers/http-server.js'
import { loadSpecValidator, type SpecValidator } from '../helpers/openapi.js'
import { REPO_ROOT } from '../helpers/shared.js'
import { gitRoutes, GitStore, type FakeJob } from './github-git.js'

export const GITHUB_SPEC_FILE = join(
  REPO_ROOT,
  'node_modules',
  '@octokit',
  'openapi',
  'generated',
  'api.github.com.json'
)

export type Visibility = 'public' | 'private' | 'internal'
export type Plan = 'free' | 'pro' | 'team' | 'enterprise'
export type DeploymentStatusState =
  'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success'

export interface RepoSeed {
  owner: string
  repo: string
  visibility?: Visibility
  plan?: Plan
  defaultBranch?: string
}

export interface EnvironmentSeed {
  /** Users by login, teams as {team: slug}. Any reviewers make a required_reviewers rule. */
  requiredReviewers?: Array<string | { team: string }>
  preventSelfReview?: boolean
  /** Minutes; makes a wait_timer rule. */
  waitTimer?: number
  /** Makes a branch_policy rule and the deployment_branch_policy object. */
  branchPolicy?: { protectedBranches: boolean; customBranchPolicies: boolean }
}

export interface ApprovalSeed {
  environments: string[]
  user: string
  state?: 'approved' | 'rejected' | 'pending'
  comment?: string
}

export interface GitHubServerOptions {
  token?: string
  login?: string
  repos?: RepoSeed[]
  maxPerPage?: number
  webUrl?: string
}

export interface FakeStatus {
  id: number
  state: DeploymentStatusState
  description: string
  environment: string
  targetUrl: string
  logUrl: string
  environmentUrl: string
  creator: string
  createdAt: string
}

export interface FakeDeployment {
  id: number
  sha: string
  ref: string
  task: string
  payload: Record<string, unknown> | string
  environment: string
  originalEnvironment: string
  description: string | null
  creator: string
  createdAt: string
  updatedAt: string
  transient: boolean
  production: boolean
  autoMerge: boolean
  requiredContexts: string[] | undefined
  /** Newest first. */
  statuses: FakeStatus[]
}

export interface FakeComment {
  id: number
  issueNumber: number
  body: string
  user: string
  createdAt: string
  updatedAt: string
}

export interface FakePull {
  number: number
  id: number
  title: string
  body: string | null
  head: string
  /** Owner of the head branch (owner:branch in the head filter). */
  headOwner: string
  base: string
  state: 'open' | 'closed'
  draft: boolean
  user: string
  createdAt: string
  updatedAt: string
  closedAt: string | null
}

interface FakeEnvironment {
  id: number
  name: string
  seed: EnvironmentSeed
  createdAt: string
  updatedAt: string
}

interface RepoState {
  id: number
  owner: string
  name: string
  visibility: Visibility
  plan: Plan
  defaultBranch: string
  createdAt: string
  branches: Map<string, string>
  commitStatuses: Map<string, Array<{ context: string; state: string }>>
  environments: Map<string, FakeEnvironment>
  approvals: Map<number, ApprovalSeed[]>
  deployments: FakeDeployment[]
  comments: FakeComment[]
  pulls: FakePull[]
  dispatches: FakeDispatch[]
  nextIssueNumber: number
  /** Git objects, refs, contents and jobs (github-git.ts). */
  git: GitStore
}

interface Fault {
  status: number
  method?: string
  path?: string | RegExp
  times: number
  body?: unknown
  headers?: Record<string, string>
  delayMs?: number
}

/** A repository_dispatch event received (POST /repos/{o}/{r}/dispatches), with the request's headers. */
export interface FakeDispatch {
  eventType: string
  clientPayload: Record<string, unknown>
  headers: Record<string, string | string[] | undefined>
}

export interface GitHubServer {
  url: string
  token: string
  /** Every request received, in order. */
  requests: RecordedRequest[]
  /** Requests and responses that GitHub's OpenAPI description rejects; [] when all is well. */
  violations: string[]
  close(): Promise<void>
  addRepo(seed: RepoSeed): void
  /** repository_dispatch events received, oldest first. */
  dispatches(repo: string): FakeDispatch[]
  setRepoVisibility(repo: string, visibility: Visibility, plan?: Plan): void
  addBranch(repo: string, name: string, sha?: string): string
  setCommitStatuses(
    repo: string,
    sha: string,
    statuses: Array<{ context: string; state: 'success' | 'failure' | 'pending' | 'error' }>
  ): void
  addEnvironment(repo: string, name: string, seed?: EnvironmentSeed): void
  removeEnvironment(repo: string, name: string): void
  environment(repo: string, name: string): EnvironmentSeed | undefined
  addApproval(repo: string, runId: number, approval: ApprovalSeed): void
  addComment(
    repo: string,
    issueNumber: number,
    body: string,
    options?: { user?: string }
  ): FakeComment
  comments(repo: string, issueNumber: number): FakeComment[]
  setCommentsForbidden(forbidden: boolean): void
  addPull(
    repo: string,
    pull: {
      head: string
      base: string
      title: string
      body?: string
      state?: 'open' | 'closed'
      headOwner?: string
    }
  ): FakePull
  pulls(repo: string): FakePull[]
  /** Git data (github-git.ts): commits, refs (refs/promote/...), files at a ref. */
  git(repo: string): GitStore
  /** Commits one file on a branch (created when missing); returns the commit sha. */
  addFile(repo: string, branch: string, path: string, content: string): string
  /** Seeds the jobs of a workflow run attempt (GET .../actions/runs/{id}/attempts/{n}/jobs). */
  setJobs(repo: string, runId: number, attempt: number, jobs: FakeJob[]): void
  deployments(repo: string, environment?: string): FakeDeployment[]
  latestState(repo: string, deploymentId: number): DeploymentStatusState | undefined
  failNext(fault: {
    status: number
    method?: string
    path?: string | RegExp
    times?: number
    body?: unknown
    headers?: Record<string, string>
    /** Hold the reply this long first (to exercise client timeouts). */
    delayMs?: number
  }): void
}

type Reply = {
  status: number
  body?: unknown
  headers?: Record<string, string>
  unchecked?: boolean
  delayMs?: number
}
type Route = (context: RouteContext) => Reply

interface RouteContext {
  request: RecordedRequest
  params: Record<string, string>
  repo: RepoState
  body: Record<string, unknown>
}

const DOCS = 'https://docs.github.com/rest'
const SHA_PATTERN = /^[0-9a-f]{40}$/

function timestamp(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function nodeId(prefix: string, id: number): string {
  return Buffer.from(`${prefix}_${id}`).toString('base64').replace(/=+$/, '')
}

function fakeSha(seed: string): string {
  let hex = ''
  let h = 2166136261
  while (hex.length < 40) {
    for (const char of `${seed}:${hex.length}`)
      h = Math.imul(h ^ char.charCodeAt(0), 16777619) >>> 0
    hex += h.toString(16).padStart(8, '0')
  }
  return hex.slice(0, 40)
}

function error(status: number, message: string, extra: Record<string, unknown> = {}): Reply {
  return { status, body: { message, documentation_url: DOCS, status: String(status), ...extra } }
}

/** GitHub's answer to a comment body over its limit. */
function commentTooLong(): Reply {
  return error(422, 'Validation Failed', {
    errors: [
      {
        resource: 'IssueComment',
        code: 'custom',
        field: 'body',
        message: 'body is too long (maximum is 65536 characters)'
      }
    ]
  })
}

export async function startGitHubServer(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const token = options.token ?? 'test-token'
  const login = options.login ?? 'github-actions[bot]'
  const maxPerPage = options.maxPerPage ?? 100
  const webUrl = (options.webUrl ?? 'https://github.com').replace(/\/$/, '')
  const validator: SpecValidator = loadSpecValidator(GITHUB_SPEC_FILE)
  const violations: string[] = []
  const repos = new Map<string, RepoState>()
  const faults: Fault[] = []
  const userIds = new Map<string, number>()
  let nextId = 1000
  let commentsForbidden = false
  let apiUrl = ''

  const newId = () => ++nextId
  const userId = (name: string) => {
    let id = userIds.get(name)
    if (!id) userIds.set(name, (id = 9000 + userIds.size))
    return id
  }
  const repoState = (full: string): RepoState => {
    const state = repos.get(full.toLowerCase())
    if (!state)
      throw new Error(`fake GitHub: no repository '${full}' (seed it with repos: [...] or addRepo)`)
    return state
  }

  const addRepo = (seed: RepoSeed) => {
    const defaultBranch = seed.defaultBranch ?? 'main'
    const branches = new Map([
      [defaultBranch, fakeSha(`${seed.owner}/${seed.repo}@${defaultBranch}`)]
    ])
    repos.set(`${seed.owner}/${seed.repo}`.toLowerCase(), {
      id: newId(),
      owner: seed.owner,
      name: seed.repo,
      visibility: seed.visibility ?? 'public',
      plan: seed.plan ?? 'free',
      defaultBranch,
      createdAt: timestamp(),
      branches,
      git: new GitStore(branches),
      commitStatuses: new Map(),
      environments: new Map(),
      approvals: new Map(),
      deployments: [],
      comments: [],
      pulls: [],
      dispatches: [],
      nextIssueNumber: 1
    })
  }
  for (const seed of options.repos ?? [{ owner: 'octo-org', repo: 'models' }]) addRepo(seed)

  // ---- JSON shapes, as GitHub's schemas require them ----
  const userJson = (name: string) => {
    const id = userId(name)
    const api = `${apiUrl}/users/${encodeURIComponent(name)}`
    return {
      login: name,
      id,
      node_id: nodeId('U', id),
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: '',
      url: api,
      html_url: `${webUrl}/${name}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: name.endsWith('[bot]') ? 'Bot' : 'User',
      site_admin: false,
      user_view_type: 'public'
    }
  }
  const teamJson = (repo: RepoState, slug: string) => {
    const id = userId(`team:${repo.owner}/${slug}`)
    return {
      id,
      node_id: nodeId('T', id),
      name: slug,
      slug,
      description: null,
      privacy: 'closed',
      notification_setting: 'notifications_enabled',
      permission: 'pull',
      url: `${apiUrl}/organizations/${repo.id}/team/${id}`,
      html_url: `${webUrl}/orgs/${repo.owner}/teams/${slug}`,
      members_url: `${apiUrl}/organizations/${repo.id}/team/${id}/members{/member}`,
      repositories_url: `${apiUrl}/organizations/${repo.id}/team/${id}/repos`,
      type: 'organization',
      parent: null
    }
  }
  const repoApi = (repo: RepoState) => `${apiUrl}/repos/${repo.owner}/${repo.name}`
  const repoHtml = (repo: RepoState) => `${webUrl}/${repo.owner}/${repo.name}`
  const repositoryJson = (repo: RepoState) => {
    const api = repoApi(repo)
    const templates: Record<string, string> = {
      archive_url: '/{archive_format}{/ref}',
      assignees_url: '/assignees{/user}',
      blobs_url: '/git/blobs{/sha}',
      branches_url: '/branches{/branch}',
      collaborators_url: '/collaborators{/collaborator}',
      comments_url: '/comments{/number}',
      commits_url: '/commits{/sha}',
      compare_url: '/compare/{base}...{head}',
      contents_url: '/contents/{+path}',
      contributors_url: '/contributors',
      deployments_url: '/deployments',
      downloads_url: '/downloads',
      events_url: '/events',
      forks_url: '/forks',
      git_commits_url: '/git/commits{/sha}',
      git_refs_url: '/git/refs{/sha}',
      git_tags_url: '/git/tags{/sha}',
      hooks_url: '/hooks',
      issue_comment_url: '/issues/comments{/number}',
      issue_events_url: '/issues/events{/number}',
      issues_url: '/issues{/number}',
      keys_url: '/keys{/key_id}',
      labels_url: '/labels{/name}',
      languages_url: '/languages',
      merges_url: '/merges',
      milestones_url: '/milestones{/number}',
      notifications_url: '/notifications{?since,all,participating}',
      pulls_url: '/pulls{/number}',
      releases_url: '/releases{/id}',
      stargazers_url: '/stargazers',
      statuses_url: '/statuses/{sha}',
      subscribers_url: '/subscribers',
      subscription_url: '/subscription',
      tags_url: '/tags',
      teams_url: '/teams',
      trees_url: '/git/trees{/sha}'
    }
    const urls = Object.fromEntries(
      Object.entries(templates).map(([key, suffix]) => [key, `${api}${suffix}`])
    )
    const host = new URL(webUrl).host
    return {
      id: repo.id,
      node_id: nodeId('R', repo.id),
      name: repo.name,
      full_name: `${repo.owner}/${repo.name}`,
      owner: userJson(repo.owner),
      private: repo.visibility !== 'public',
      visibility: repo.visibility,
      html_url: repoHtml(repo),
      description: null,
      fork: false,
      url: api,
      ...urls,
      git_url: `git://${host}/${repo.owner}/${repo.name}.git`,
      ssh_url: `git@${host}:${repo.owner}/${repo.name}.git`,
      clone_url: `${repoHtml(repo)}.git`,
      svn_url: repoHtml(repo),
      mirror_url: null,
      homepage: null,
      language: 'Python',
      forks: 0,
      forks_count: 0,
      stargazers_count: 0,
      watchers: 0,
      watchers_count: 0,
      size: 1,
      default_branch: repo.defaultBranch,
      open_issues: repo.pulls.filter(p => p.state === 'open').length,
      open_issues_count: repo.pulls.filter(p => p.state === 'open').length,
      is_template: false,
      topics: [],
      has_issues: true,
      has_projects: true,
      has_wiki: false,
      has_pages: false,
      has_downloads: true,
      has_discussions: false,
      archived: false,
      disabled: false,
      license: null,
      pushed_at: repo.createdAt,
      created_at: repo.createdAt,
      updated_at: repo.createdAt
    }
  }
  const fullRepositoryJson = (repo: RepoState) => ({
    ...repositoryJson(repo),
    network_count: 0,
    subscribers_count: 0
  })

  const environmentJson = (repo: RepoState, env: FakeEnvironment) => {
    const rules: unknown[] = []
    const advancedRulesAvailable = repo.visibility === 'public' || repo.plan === 'enterprise'
    const { seed } = env
    if (advancedRulesAvailable && seed.waitTimer !== undefined) {
      rules.push({
        id: env.id * 10 + 1,
        node_id: nodeId('GA', env.id * 10 + 1),
        type: 'wait_timer',
        wait_timer: seed.waitTimer
      })
    }
    if (advancedRulesAvailable && seed.requiredReviewers && seed.requiredReviewers.length > 0) {
      rules.push({
        id: env.id * 10 + 2,
        node_id: nodeId('GA', env.id * 10 + 2),
        prevent_self_review: seed.preventSelfReview ?? false,
        type: 'required_reviewers',
        reviewers: seed.requiredReviewers.map(reviewer =>
          typeof reviewer === 'string'
            ? { type: 'User', reviewer: userJson(reviewer) }
            : { type: 'Team', reviewer: teamJson(repo, reviewer.team) }
        )
      })
    }
    if (seed.branchPolicy)
      rules.push({
        id: env.id * 10 + 3,
        node_id: nodeId('GA', env.id * 10 + 3),
        type: 'branch_policy'
      })
    return {
      id: env.id,
      node_id: nodeId('EN', env.id),
      name: env.name,
      url: `${repoApi(repo)}/environments/${encodeURIComponent(env.name)}`,
      html_url: `${repoHtml(repo)}/deployments/activity_log?environments_filter=${encodeURIComponent(env.name)}`,
      created_at: env.createdAt,
      updated_at: env.updatedAt,
      can_admins_bypass: true,
      protection_rules: rules,
      deployment_branch_policy: seed.branchPolicy
        ? {
            protected_branches: seed.branchPolicy.protectedBranches,
            custom_branch_policies: seed.branchPolicy.customBranchPolicies
          }
        : null
    }
  }

  const deploymentJson = (repo: RepoState, d: FakeDeployment) => ({
    url: `${repoApi(repo)}/deployments/${d.id}`,
    id: d.id,
    node_id: nodeId('DE', d.id),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.originalEnvironment,
    environment: d.environment,
    description: d.description,
    creator: userJson(d.creator),
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    statuses_url: `${repoApi(repo)}/deployments/${d.id}/statuses`,
    repository_url: repoApi(repo),
    transient_environment: d.transient,
    production_environment: d.production,
    performed_via_github_app: null
  })
  const statusJson = (repo: RepoState, d: FakeDeployment, s: FakeStatus) => ({
    url: `${repoApi(repo)}/deployments/${d.id}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DES', s.id),
    state: s.state,
    creator: userJson(s.creator),
    description: s.description,
    environment: s.environment,
    target_url: s.targetUrl,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    deployment_url: `${repoApi(repo)}/deployments/${d.id}`,
    repository_url: repoApi(repo),
    environment_url: s.environmentUrl,
    log_url: s.logUrl,
    performed_via_github_app: null
  })
  const commentJson = (repo: RepoState, c: FakeComment) => ({
    id: c.id,
    node_id: nodeId('IC', c.id),
    url: `${repoApi(repo)}/issues/comments/${c.id}`,
    html_url: `${repoHtml(repo)}/pull/${c.issueNumber}#issuecomment-${c.id}`,
    body: c.body,
    user: userJson(c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    issue_url: `${repoApi(repo)}/issues/${c.issueNumber}`,
    author_association: c.user === repo.owner ? 'OWNER' : 'NONE',
    performed_via_github_app: null
  })
  const pullSimpleJson = (repo: RepoState, p: FakePull) => {
    const api = `${repoApi(repo)}/pulls/${p.number}`
    const html = `${repoHtml(repo)}/pull/${p.number}`
    const issue = `${repoApi(repo)}/issues/${p.number}`
    const headSha = repo.branches.get(p.head) ?? fakeSha(`${repo.owner}/${repo.name}@${p.head}`)
    const baseSha = repo.branches.get(p.base) ?? fakeSha(`${repo.owner}/${repo.name}@${p.base}`)
    const statuses = `${repoApi(repo)}/statuses/${headSha}`
    return {
      url: api,
      id: p.id,
      node_id: nodeId('PR', p.id),
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: issue,
      commits_url: `${api}/commits`,
      review_comments_url: `${api}/comments`,
      review_comment_url: `${repoApi(repo)}/pulls/comments{/number}`,
      comments_url: `${issue}/comments`,
      statuses_url: statuses,
      number: p.number,
      state: p.state,
      locked: false,
      title: p.title,
      user: userJson(p.user),
      body: p.body,
      labels: [],
      milestone: null,
      active_lock_reason: null,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
      closed_at: p.closedAt,
      merged_at: null,
      merge_commit_sha: null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: {
        label: `${p.headOwner}:${p.head}`,
        ref: p.head,
        sha: headSha,
        user: userJson(p.headOwner),
        repo: repositoryJson(repo)
      },
      base: {
        label: `${repo.owner}:${p.base}`,
        ref: p.base,
        sha: baseSha,
        user: userJson(repo.owner),
        repo: repositoryJson(repo)
      },
      _links: {
        self: { href: api },
        html: { href: html },
        issue: { href: issue },
        comments: { href: `${issue}/comments` },
        review_comments: { href: `${api}/comments` },
        review_comment: { href: `${repoApi(repo)}/pulls/comments{/number}` },
        commits: { href: `${api}/commits` },
        statuses: { href: statuses }
      },
      author_association: p.user === repo.owner ? 'OWNER' : 'CONTRIBUTOR',
      auto_merge: null,
      draft: p.draft
    }
  }
  const pullJson = (repo: RepoState, p: FakePull) => ({
    ...pullSimpleJson(repo, p),
    merged: false,
    mergeable: p.state === 'open' ? true : null,
    rebaseable: p.state === 'open' ? true : null,
    mergeable_state: p.state === 'open' ? 'clean' : 'unknown',
    merged_by: null,
    comments: repo.comments.filter(c => c.issueNumber === p.number).length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 1,
    deletions: 0,
    changed_files: 1
  })

  // ---- pagination: page/per_page and Link headers, as GitHub sends them ----
  const paginate = <T>(
    request: RecordedRequest,
    items: T[]
  ): { items: T[]; headers: Record<string, string> } => {
    const perPage = Math.min(
      maxPerPage,
      Math.max(1, Number(request.query.get('per_page') ?? 30) || 30)
    )
    const page = Math.max(1, Number(request.query.get('page') ?? 1) || 1)
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const link = (target: number, rel: string) => {
      const query = new URLSearchParams(request.query)
      query.set('page', String(target))
      if (request.query.has('per_page')) query.set('per_page', String(perPage))
      return `<${apiUrl}${request.path}?${query.toString()}>; rel="${rel}"`
    }
    const links: string[] = []
    if (page > 1) links.push(link(page - 1, 'prev'))
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
    if (page > 1) links.push(link(1, 'first'))
    return {
      items: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length > 0 ? { link: links.join(', ') } : {}
    }
  }

  const findDeployment = (repo: RepoState, id: string) =>
    repo.deployments.find(d => String(d.id) === id)
  const latestState = (d: FakeDeployment): DeploymentStatusState | undefined => d.statuses[0]?.state
  const ensureEnvironment = (repo: RepoState, name: string) => {
    if (!repo.environments.has(name)) {
      repo.environments.set(name, {
        id: newId(),
        name,
        seed: {},
        createdAt: timestamp(),
        updatedAt: timestamp()
      })
    }
  }
  const newestFirst = <T extends { id: number }>(items: T[]) =>
    [...items].sort((a, b) => b.id - a.id)
  const forbiddenComment = (endpoint: string): Reply => ({
    ...error(403, 'Resource not accessible by integration', {
      documentation_url: `https://docs.github.com/rest/issues/comments#${endpoint}`
    }),
    headers: { 'x-accepted-github-permissions': 'issues=write; pull_requests=write' }
  })

  const addStatus = (
    repo: RepoState,
    d: FakeDeployment,
    state: DeploymentStatusState,
    fields: Partial<FakeStatus> = {}
  ): FakeStatus => {
    const previous = d.statuses[0]
    const status: FakeStatus = {
      id: newId(),
      state,
      description: fields.description ?? '',
      environment: fields.environment ?? previous?.environment ?? d.environment,
      targetUrl: fields.targetUrl ?? '',
      logUrl: fields.logUrl ?? fields.targetUrl ?? '',
      environmentUrl: fields.environmentUrl ?? '',
      creator: fields.creator ?? login,
      createdAt: timestamp()
    }
    d.statuses.unshift(status)
    d.updatedAt = status.createdAt
    return status
  }

  const routes: Record<string, Route> = {
    ...Object.fromEntries(
      Object.entries(gitRoutes).map(([key, route]) => [
        key,
        (({ request, params, repo, body }) =>
          route({
            params,
            body,
            query: request.query,
            git: repo.git,
            repoApi: repoApi(repo),
            repoHtml: repoHtml(repo)
          })) as Route
      ])
    ),
    'GET /repos/{owner}/{repo}': ({ repo }) => ({ status: 200, body: fullRepositoryJson(repo) }),

    'GET /repos/{owner}/{repo}/environments/{environment_name}': ({ repo, params }) => {
      const env = repo.environments.get(params.environment_name ?? '')
      return env
        ? { status: 200, body: environmentJson(repo, env) }
        : error(404, 'Not Found', {
            documentation_url: `${DOCS}/deployments/environments#get-an-environment`
          })
    },

    'GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals': ({ repo, params }) => {
      const approvals = repo.approvals.get(Number(params.run_id)) ?? []
      return {
        status: 200,
        body: approvals.map(a => ({
          environments: a.environments.map(name => {
            const env = repo.environments.get(name)
            const id = env?.id ?? userId(`env:${name}`)
            return {
              id,
              node_id: nodeId('EN', id),
              name,
              url: `${repoApi(repo)}/environments/${encodeURIComponent(name)}`,
              html_url: `${repoHtml(repo)}/deployments/activity_log?environments_filter=${encodeURIComponent(name)}`,
              created_at: env?.createdAt ?? repo.createdAt,
              updated_at: env?.updatedAt ?? repo.createdAt
            }
          }),
          state: a.state ?? 'approved',
          user: userJson(a.user),
          comment: a.comment ?? ''
        }))
      }
    },

    'POST /repos/{owner}/{repo}/deployments': ({ repo, body }) => {
      const ref = String(body.ref)
      const sha = SHA_PATTERN.test(ref) ? ref : repo.branches.get(ref.replace(/^refs\/heads\//, ''))
      if (!sha)
        return error(422, `No ref found for: ${ref}`, {
          documentation_url: `${DOCS}/deployments/deployments#create-a-deployment`
        })
      const requiredContexts = body.required_contexts as string[] | undefined
      const statuses = repo.commitStatuses.get(sha) ?? []
      const checked =
        requiredContexts === undefined
          ? statuses
          : statuses.filter(s => requiredContexts.includes(s.context))
      const missing = (requiredContexts ?? []).filter(
        context => !statuses.some(s => s.context === context)
      )
      const failing = checked.filter(s => s.state !== 'success').map(s => s.context)
      if (failing.length > 0 || missing.length > 0) {
        return {
          status: 409,
          body: {
            message: `Conflict: Commit status checks failed for ${ref}.`,
            documentation_url: `${DOCS}/deployments/deployments#create-a-deployment`,
            errors: [...failing, ...missing].map(context => ({
              contexts: [{ context, state: 'failure' }],
              resource: 'Deployment',
              field: 'required_contexts',
              code: 'invalid'
            }))
          }
        }
      }
      const environment = (body.environment as string | undefined) ?? 'production'
      ensureEnvironment(repo, environment)
      const now = timestamp()
      const deployment: FakeDeployment = {
        id: newId(),
        sha,
        ref,
        task: (body.task as string | undefined) ?? 'deploy',
        payload: (body.payload as Record<string, unknown> | string | undefined) ?? {},
        environment,
        originalEnvironment: environment,
        description: (body.description as string | null | undefined) ?? '',
        creator: login,
        createdAt: now,
        updatedAt: now,
        transient: (body.transient_environment as boolean | undefined) ?? false,
        production:
          (body.production_environment as boolean | undefined) ?? environment === 'production',
        autoMerge: (body.auto_merge as boolean | undefined) ?? true,
        requiredContexts,
        statuses: []
      }
      repo.deployments.push(deployment)
      return { status: 201, body: deploymentJson(repo, deployment) }
    },

    'GET /repos/{owner}/{repo}/deployments': ({ repo, request }) => {
      const q = request.query
      const matches = newestFirst(repo.deployments).filter(
        d =>
          (!q.has('environment') || d.environment === q.get('environment')) &&
          (!q.has('ref') || d.ref === q.get('ref')) &&
          (!q.has('sha') || d.sha === q.get('sha')) &&
          (!q.has('task') || d.task === q.get('task'))
      )
      const page = paginate(request, matches)
      return {
        status: 200,
        body: page.items.map(d => deploymentJson(repo, d)),
        headers: page.headers
      }
    },

    'GET /repos/{owner}/{repo}/deployments/{deployment_id}': ({ repo, params }) => {
      const d = findDeployment(repo, params.deployment_id ?? '')
      return d ? { status: 200, body: deploymentJson(repo, d) } : error(404, 'Not Found')
    },

    'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses': ({ repo, params, body }) => {
      const d = findDeployment(repo, params.deployment_id ?? '')
      if (!d) return error(404, 'Not Found')
      const state = body.state as DeploymentStatusState
      const logUrl =
        (body.log_url as string | undefined) ?? (body.target_url as string | undefined) ?? ''
      if (typeof body.environment === 'string' && body.environment !== d.environment) {
        d.environment = body.environment
        ensureEnvironment(repo, d.environment)
      }
      const status = addStatus(repo, d, state, {
        description: body.description as string | undefined,
        environment: d.environment,
        targetUrl: logUrl,
        logUrl,
        environmentUrl: body.environment_url as string | undefined
      })
      if (state === 'success' && body.auto_inactive !== false) {
        for (const older of repo.deployments) {
          if (
            older.id !== d.id &&
            older.environment === d.environment &&
            older.id < d.id &&
            !older.transient &&
            latestState(older) === 'success'
          ) {
            addStatus(repo, older, 'inactive', {
              description: `Superseded by deployment ${d.id}`,
              environment: older.environment
            })
          }
        }
      }
      return {
        status: 201,
        body: statusJson(repo, d, status),
        headers: { location: `${repoApi(repo)}/deployments/${d.id}/statuses/${status.id}` }
      }
    },

    'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses': ({
      repo,
      params,
      request
    }) => {
      const d = findDeployment(repo, params.deployment_id ?? '')
      if (!d) return error(404, 'Not Found')
      const page = paginate(request, d.statuses)
      return {
        status: 200,
        body: page.items.map(s => statusJson(repo, d, s)),
        headers: page.headers
      }
    },

    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': ({ repo, params, request }) => {
      const issueNumber = Number(params.issue_number)
      const page = paginate(
        request,
        repo.comments.filter(c => c.issueNumber === issueNumber)
      )
      return { status: 200, body: page.items.map(c => commentJson(repo, c)), headers: page.headers }
    },

    // repos/create-dispatch-event: 204 No Content; the body was checked against the description
    // (event_type 1-100 characters, client_payload an object of at most 10 properties).
    'POST /repos/{owner}/{repo}/dispatches': ({ repo, body, request }) => {
      repo.dispatches.push({
        eventType: String(body.event_type),
        clientPayload: (body.client_payload as Record<string, unknown> | undefined) ?? {},
        headers: request.headers
      })
      return { status: 204, body: undefined }
    },

    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': ({ repo, params, body }) => {
      if (commentsForbidden) return forbiddenComment('create-an-issue-comment')
      if (String(body.body).length > 65_536) return commentTooLong()
      const comment = createComment(repo, Number(params.issue_number), String(body.body), login)
      return {
        status: 201,
        body: commentJson(repo, comment),
        headers: { location: `${repoApi(repo)}/issues/comments/${comment.id}` }
      }
    },

    'GET /repos/{owner}/{repo}/issues/comments/{comment_id}': ({ repo, params }) => {
      const comment = repo.comments.find(c => String(c.id) === params.comment_id)
      return comment ? { status: 200, body: commentJson(repo, comment) } : error(404, 'Not Found')
    },

    'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': ({ repo, params, body }) => {
      if (commentsForbidden) return forbiddenComment('update-an-issue-comment')
      if (String(body.body).length > 65_536) return commentTooLong()
      const comment = repo.comments.find(c => String(c.id) === params.comment_id)
      if (!comment) return error(404, 'Not Found')
      comment.body = String(body.body)
      comment.updatedAt = timestamp()
      return { status: 200, body: commentJson(repo, comment) }
    },

    'GET /repos/{owner}/{repo}/pulls': ({ repo, request }) => {
      const q = request.query
      const state = q.get('state') ?? 'open'
      const head = q.get('head')
      const [headOwner, headBranch] = head?.includes(':')
        ? (head.split(':', 2) as [string, string])
        : [undefined, head ?? undefined]
      const matches = newestFirst(repo.pulls).filter(
        p =>
          (state === 'all' || p.state === state) &&
          (!headBranch ||
            (p.head === headBranch &&
              (!headOwner || p.headOwner.toLowerCase() === headOwner.toLowerCase()))) &&
          (!q.has('base') || p.base === q.get('base'))
      )
      const page = paginate(request, matches)
      return {
        status: 200,
        body: page.items.map(p => pullSimpleJson(repo, p)),
        headers: page.headers
      }
    },

    'POST /repos/{owner}/{repo}/pulls': ({ repo, body }) => {
      const rawHead = String(body.head ?? '')
      const [headOwner, head] = rawHead.includes(':')
        ? (rawHead.split(':', 2) as [string, string])
        : [repo.owner, rawHead]
      const base = String(body.base ?? '')
      if (!body.title)
        return error(422, 'Validation Failed', {
          errors: [{ resource: 'PullRequest', field: 'title', code: 'missing_field' }]
        })
      if (head === base)
        return error(422, 'Validation Failed', {
          errors: [
            {
              resource: 'PullRequest',
              code: 'custom',
              message: `No commits between ${base} and ${head}`
            }
          ]
        })
      if (
        repo.pulls.some(
          p => p.state === 'open' && p.head === head && p.base === base && p.headOwner === headOwner
        )
      ) {
        return error(422, 'Validation Failed', {
          errors: [
            {
              resource: 'PullRequest',
              code: 'custom',
              message: `A pull request already exists for ${headOwner}:${head}.`
            }
          ]
        })
      }
      const pull = createPull(repo, {
        head,
        headOwner,
        base,
        title: String(body.title),
        body: (body.body as string | undefined) ?? null,
        draft: body.draft === true
      })
      return {
        status: 201,
        body: pullJson(repo, pull),
        headers: { location: `${repoApi(repo)}/pulls/${pull.number}` }
      }
    },

    'GET /repos/{owner}/{repo}/pulls/{pull_number}': ({ repo, params }) => {
      const pull = repo.pulls.find(p => String(p.number) === params.pull_number)
      return pull ? { status: 200, body: pullJson(repo, pull) } : error(404, 'Not Found')
    },

    'PATCH /repos/{owner}/{repo}/pulls/{pull_number}': ({ repo, params, body }) => {
      const pull = repo.pulls.find(p => String(p.number) === params.pull_number)
      if (!pull) return error(404, 'Not Found')
      if (typeof body.title === 'string') pull.title = body.title
      if (typeof body.body === 'string') pull.body = body.body
      if (typeof body.base === 'string') pull.base = body.base
      if (body.state === 'open' || body.state === 'closed') {
        pull.closedAt = body.state === 'closed' ? timestamp() : null
        pull.state = body.state
      }
      pull.updatedAt = timestamp()
      return { status: 200, body: pullJson(repo, pull) }
    }
  }

  const createComment = (
    repo: RepoState,
    issueNumber: number,
    body: string,
    user: string
  ): FakeComment => {
    const now = timestamp()
    const comment: FakeComment = {
      id: newId(),
      issueNumber,
      body,
      user,
      createdAt: now,
      updatedAt: now
    }
    repo.comments.push(comment)
    return comment
  }
  const createPull = (
    repo: RepoState,
    fields: {
      head: string
      headOwner: string
      base: string
      title: string
      body: string | null
      draft: boolean
      state?: 'open' | 'closed'
      user?: string
    }
  ): FakePull => {
    const now = timestamp()
    const number = Math.max(repo.nextIssueNumber, ...repo.comments.map(c => c.issueNumber + 1))
    repo.nextIssueNumber = number + 1
    const state = fields.state ?? 'open'
    const pull: FakePull = {
      ...fields,
      number,
      id: newId(),
      state,
      user: fields.user ?? login,
      createdAt: now,
      updatedAt: now,
      closedAt: state === 'closed' ? now : null
    }
    repo.pulls.push(pull)
    return pull
  }

  const template = (method: string, path: string) => validator.match(method, path)?.template
  const paramsOf = (tpl: string, path: string): Record<string, string> => {
    const names = [...tpl.matchAll(/\{([^}]+)\}/g)].map(m => m[1] as string)
    const regex = new RegExp(
      `^${tpl.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\\{[^}]+\\\}|\{[^}]+\}/g, '([^/]+)')}$`
    )
    const values = regex.exec(path) ?? []
    return Object.fromEntries(
      names.map((name, i) => [name, decodeURIComponent(values[i + 1] ?? '')])
    )
  }

  const respond = (request: RecordedRequest): Reply => {
    const where = `${request.method} ${request.path}${request.query.size > 0 ? `?${request.query}` : ''}`
    const fault = faults.find(
      f =>
        (!f.method || f.method.toUpperCase() === request.method) &&
        (!f.path ||
          (typeof f.path === 'string' ? request.path.includes(f.path) : f.path.test(request.path)))
    )
    if (fault) {
      if (--fault.times <= 0) faults.splice(faults.indexOf(fault), 1)
      return {
        status: fault.status,
        body: fault.body ?? { message: `injected failure ${fault.status}` },
        headers: fault.headers,
        unchecked: true,
        delayMs: fault.delayMs
      }
    }

    const authorization = request.headers.authorization
    if (!authorization) return error(401, 'Requires authentication')
    const presented = /^(?:token|bearer)\s+(.+)$/i.exec(authorization)?.[1]
    if (presented !== token) return error(401, 'Bad credentials')

    const tpl = template(request.method, request.path)
    if (!tpl) {
      violations.push(`request ${where}: not an operation of GitHub's REST API`)
      return error(404, 'Not Found')
    }
    const problems = validator.validateRequest(
      request.method,
      request.path,
      request.body,
      request.query
    )
    if (problems.length > 0) {
      violations.push(...problems.map(p => `request ${where}: ${p}`))
      return {
        status: 422,
        body: {
          message: 'Validation Failed',
          documentation_url: DOCS,
          errors: problems.map(p => ({ resource: tpl, code: 'invalid', message: p })),
          status: '422'
        },
        unchecked: true
      }
    }
    const route = routes[`${request.method} ${tpl}`]
    if (!route) {
      violations.push(
        `request ${where}: ${request.method} ${tpl} is real but the fake GitHub does not implement it`
      )
      return {
        status: 501,
        body: { message: `fake GitHub does not implement ${request.method} ${tpl}` },
        unchecked: true
      }
    }
    const params = paramsOf(tpl, request.path)
    const repo =
      params.owner && params.repo
        ? repos.get(`${params.owner}/${params.repo}`.toLowerCase())
        : undefined
    if (!repo) return error(404, 'Not Found')
    const body =
      request.body && typeof request.body === 'object'
        ? (request.body as Record<string, unknown>)
        : {}
    return route({ request, params, repo, body })
  }

  const server: TestServer = await startServer(async request => {
    const reply = respond(request)
    if (reply.delayMs) await new Promise(resolve => setTimeout(resolve, reply.delayMs))
    const where = `${request.method} ${request.path}`
    if (!reply.unchecked) {
      let problems = validator.validateResponse(
        request.method,
        request.path,
        reply.status,
        reply.body
      )
      // GitHub's description leaves many error statuses undocumented (a 404 on GET environment,
      // any 401): those bodies are GitHub's basic-error.
      if (
        reply.status >= 400 &&
        problems.length === 1 &&
        /is not (a documented response|an operation)/.test(problems[0] ?? '')
      ) {
        problems = validator.validateSchema('basic-error', reply.body)
      }
      violations.push(...problems.map(p => `response ${where} ${reply.status}: ${p}`))
    }
    return {
      status: reply.status,
      body: reply.body,
      headers: {
        'x-github-media-type': 'github.v3; format=json',
        'x-github-request-id': `FAKE:${request.method}:${nextId}`,
        ...reply.headers
      }
    }
  })
  apiUrl = server.url

  return {
    url: server.url,
    token,
    requests: server.requests,
    violations,
    close: () => server.close(),
    addRepo,
    dispatches: repo => repoState(repo).dispatches,
    setRepoVisibility(repo, visibility, plan) {
      const state = repoState(repo)
      state.visibility = visibility
      if (plan) state.plan = plan
    },
    addBranch(repo, name, sha) {
      const value = sha ?? fakeSha(`${repo}@${name}`)
      repoState(repo).branches.set(name, value)
      return value
    },
    setCommitStatuses(repo, sha, statuses) {
      repoState(repo).commitStatuses.set(sha, statuses)
    },
    addEnvironment(repo, name, seed = {}) {
      const state = repoState(repo)
      const existing = state.environments.get(name)
      state.environments.set(name, {
        id: existing?.id ?? newId(),
        name,
        seed,
        createdAt: existing?.createdAt ?? timestamp(),
        updatedAt: timestamp()
      })
    },
    removeEnvironment(repo, name) {
      repoState(repo).environments.delete(name)
    },
    environment(repo, name) {
      return repoState(repo).environments.get(name)?.seed
    },
    addApproval(repo, runId, approval) {
      const state = repoState(repo)
      for (const name of approval.environments) ensureEnvironment(state, name)
      state.approvals.set(runId, [...(state.approvals.get(runId) ?? []), approval])
    },
    addComment(repo, issueNumber, body, options = {}) {
      return createComment(repoState(repo), issueNumber, body, options.user ?? 'someone-else')
    },
    comments(repo, issueNumber) {
      return repoState(repo).comments.filter(c => c.issueNumber === issueNumber)
    },
    setCommentsForbidden(forbidden) {
      commentsForbidden = forbidden
    },
    addPull(repo, pull) {
      const state = repoState(repo)
      return createPull(state, {
        head: pull.head,
        headOwner: pull.headOwner ?? state.owner,
        base: pull.base,
        title: pull.title,
        body: pull.body ?? null,
        draft: false,
        state: pull.state,
        user: state.owner
      })
    },
    pulls(repo) {
      return newestFirst(repoState(repo).pulls)
    },
    deployments(repo, environment) {
      return newestFirst(repoState(repo).deployments).filter(
        d => !environment || d.environment === environment
      )
    },
    latestState(repo, deploymentId) {
      const d = repoState(repo).deployments.find(x => x.id === deploymentId)
      return d ? latestState(d) : undefined
    },
    git(repo) {
      return repoState(repo).git
    },
    addFile(repo, branch, path, content) {
      return repoState(repo).git.addFile(branch, path, content)
    },
    setJobs(repo, runId, attempt, jobs) {
      repoState(repo).git.jobs.set(`${runId}/${attempt}`, jobs)
    },
    failNext(fault) {
      faults.push({ times: 1, ...fault })
    }
  }
}
