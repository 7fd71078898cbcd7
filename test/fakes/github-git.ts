/**
 * Git data, file contents and workflow-run jobs for the fake GitHub (github-server.ts), as
 * GitHub's REST API answers them (schemas from @octokit/openapi; behaviour from GitHub's docs):
 *
 *   POST /repos/{o}/{r}/git/blobs      {content, encoding utf-8|base64} → 201 short-blob
 *   POST /repos/{o}/{r}/git/trees      {base_tree?, tree: [{path, mode, type, sha}]} → 201 git-tree
 *                                      (an unknown base_tree or blob sha: 422)
 *   POST /repos/{o}/{r}/git/commits    {message, tree, parents} → 201 git-commit (unknown tree or
 *                                      parent: 422)
 *   GET  /repos/{o}/{r}/git/commits/{sha}
 *   POST /repos/{o}/{r}/git/refs       {ref: refs/..., sha} → 201 git-ref; an existing ref 422
 *                                      "Reference already exists" (the atomic claim), an unknown
 *                                      sha 422 "Object does not exist"
 *   GET  /repos/{o}/{r}/git/ref/{ref}  → git-ref or 404
 *   GET  /repos/{o}/{r}/git/matching-refs/{ref}   refs starting with refs/{ref} ([] when none)
 *   GET  /repos/{o}/{r}/contents/{path}?ref=      content-file (base64) or 404
 *   GET  /repos/{o}/{r}/actions/runs/{id}/attempts/{n}/jobs   seeded jobs with their steps; a run
 *                                      not seeded is another repository's (or none): 404
 * Branch heads seeded by addBranch (no commit behind them) read as commits of an empty tree.
 */
import { createHash } from 'node:crypto'

export interface GitCommit {
  sha: string
  tree: string
  parents: string[]
  message: string
  date: string
}

export interface FakeJobStep {
  name: string
  number?: number
  started_at?: string
  completed_at?: string
}

export interface FakeJob {
  id?: number
  name: string
  status?: 'queued' | 'in_progress' | 'completed'
  runner_name?: string
  started_at: string
  completed_at?: string
  steps: FakeJobStep[]
}

/** The git objects and refs of one repository. */
export class GitStore {
  readonly blobs = new Map<string, string>()
  readonly trees = new Map<string, Map<string, string>>()
  readonly commits = new Map<string, GitCommit>()
  /** Refs other than branches, fully qualified (refs/promote/...). */
  readonly refs = new Map<string, string>()
  /** Jobs by `<run id>/<attempt>`. */
  readonly jobs = new Map<string, FakeJob[]>()

  constructor(private readonly branches: Map<string, string>) {
    this.trees.set(EMPTY_TREE, new Map())
  }

  /** A commit; a seeded branch head without one reads as an empty tree. */
  commit(sha: string): GitCommit | undefined {
    const known = this.commits.get(sha)
    if (known) return known
    if (![...this.branches.values()].includes(sha)) return undefined
    const made = { sha, tree: EMPTY_TREE, parents: [], message: 'seed', date: SEED_DATE }
    this.commits.set(sha, made)
    return made
  }

  refSha(ref: string): string | undefined {
    if (ref.startsWith('refs/heads/')) return this.branches.get(ref.slice('refs/heads/'.length))
    return this.refs.get(ref)
  }

  allRefs(): Array<[string, string]> {
    return [
      ...[...this.branches].map(([name, sha]) => [`refs/heads/${name}`, sha] as [string, string]),
      ...this.refs
    ].sort(([a], [b]) => a.localeCompare(b))
  }

  setRef(ref: string, sha: string): void {
    if (ref.startsWith('refs/heads/')) this.branches.set(ref.slice('refs/heads/'.length), sha)
    else this.refs.set(ref, sha)
  }

  blob(content: string): string {
    const sha = gitSha('blob', content)
    this.blobs.set(sha, content)
    return sha
  }

  tree(entries: Map<string, string>): string {
    const sha = gitSha(
      'tree',
      [...entries]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([path, blob]) => `${path}\0${blob}`)
        .join('\n')
    )
    this.trees.set(sha, new Map(entries))
    return sha
  }

  newCommit(tree: string, parents: string[], message: string, date: string): GitCommit {
    const sha = gitSha('commit', `${tree}\n${parents.join(',')}\n${message}\n${date}`)
    const commit = { sha, tree, parents, message, date }
    this.commits.set(sha, commit)
    return commit
  }

  /** The text of a file at a ref (branch name, full ref or commit sha). */
  fileAt(ref: string, path: string): string | undefined {
    const sha = /^[0-9a-f]{40}$/.test(ref)
      ? ref
      : (this.refSha(ref.startsWith('refs/') ? ref : `refs/heads/${ref}`) ?? undefined)
    const commit = sha ? this.commit(sha) : undefined
    const blob = commit ? this.trees.get(commit.tree)?.get(path) : undefined
    return blob === undefined ? undefined : this.blobs.get(blob)
  }

  /** Seeds a commit of one file on a branch (created when missing). */
  addFile(branch: string, path: string, content: string): string {
    const parent = this.branches.get(branch)
    const base = parent ? this.commit(parent) : undefined
    const entries = new Map(base ? this.trees.get(base.tree) : [])
    entries.set(path, this.blob(content))
    const commit = this.newCommit(
      this.tree(entries),
      parent ? [parent] : [],
      `add ${path}`,
      new Date().toISOString()
    )
    this.branches.set(branch, commit.sha)
    return commit.sha
  }
}

const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904'
const SEED_DATE = '2026-01-01T00:00:00Z'

function gitSha(kind: string, content: string): string {
  return createHash('sha1')
    .update(`${kind} ${Buffer.byteLength(content)}\0${content}`)
    .digest('hex')
}

interface Reply {
  status: number
  body: unknown
}

type GitRoute = (input: {
  params: Record<string, string>
  body: Record<string, unknown>
  query: URLSearchParams
  git: GitStore
  repoApi: string
  repoHtml: string
}) => Reply

function fail(status: number, message: string): Reply {
  return {
    status,
    body: {
      message,
      documentation_url: 'https://docs.github.com/rest/git',
      status: String(status)
    }
  }
}

function refJson(repoApi: string, ref: string, sha: string) {
  return {
    ref,
    node_id: Buffer.from(`ref:${ref}`).toString('base64'),
    url: `${repoApi}/git/${ref}`,
    object: { type: 'commit', sha, url: `${repoApi}/git/commits/${sha}` }
  }
}

function commitJson(repoApi: string, repoHtml: string, commit: GitCommit) {
  const person = { date: commit.date, email: 'bot@example.invalid', name: 'github-actions[bot]' }
  return {
    sha: commit.sha,
    node_id: Buffer.from(`commit:${commit.sha}`).toString('base64'),
    url: `${repoApi}/git/commits/${commit.sha}`,
    html_url: `${repoHtml}/commit/${commit.sha}`,
    author: person,
    committer: person,
    tree: { sha: commit.tree, url: `${repoApi}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map(sha => ({
      sha,
      url: `${repoApi}/git/commits/${sha}`,
      html_url: `${repoHtml}/commit/${sha}`
    })),
    verification: {
      verified: false,
      reason: 'unsigned',
      signature: null,
      payload: null,
      verified_at: null
    }
  }
}

/** Routes keyed `METHOD template`, merged into the fake GitHub's routes. */
export const gitRoutes: Record<string, GitRoute> = {
  'POST /repos/{owner}/{repo}/git/blobs': ({ body, git, repoApi }) => {
    const content =
      body.encoding === 'base64'
        ? Buffer.from(String(body.content), 'base64').toString('utf8')
        : String(body.content)
    const sha = git.blob(content)
    return { status: 201, body: { sha, url: `${repoApi}/git/blobs/${sha}` } }
  },

  'POST /repos/{owner}/{repo}/git/trees': ({ body, git, repoApi }) => {
    const baseTree = body.base_tree as string | undefined
    if (baseTree && !git.trees.has(baseTree)) return fail(422, 'base_tree is not a valid tree')
    const entries = new Map(baseTree ? git.trees.get(baseTree) : [])
    for (const entry of (body.tree as Array<{ path: string; sha?: string | null }>) ?? []) {
      if (entry.sha === null || entry.sha === undefined) entries.delete(entry.path)
      else if (!git.blobs.has(entry.sha)) return fail(422, `Invalid tree info: ${entry.path}`)
      else entries.set(entry.path, entry.sha)
    }
    const sha = git.tree(entries)
    return {
      status: 201,
      body: {
        sha,
        url: `${repoApi}/git/trees/${sha}`,
        truncated: false,
        tree: [...entries].map(([path, blob]) => ({
          path,
          mode: '100644',
          type: 'blob',
          sha: blob,
          size: Buffer.byteLength(git.blobs.get(blob) ?? ''),
          url: `${repoApi}/git/blobs/${blob}`
        }))
      }
    }
  },

  'POST /repos/{owner}/{repo}/git/commits': ({ body, git, repoApi, repoHtml }) => {
    const tree = String(body.tree)
    if (!git.trees.has(tree)) return fail(422, 'Tree SHA does not exist')
    const parents = (body.parents as string[] | undefined) ?? []
    if (parents.some(sha => !git.commit(sha)))
      return fail(422, 'Parent SHA does not exist or is not a commit object')
    const commit = git.newCommit(tree, parents, String(body.message), new Date().toISOString())
    return { status: 201, body: commitJson(repoApi, repoHtml, commit) }
  },

  'GET /repos/{owner}/{repo}/git/commits/{commit_sha}': ({ params, git, repoApi, repoHtml }) => {
    const commit = git.commit(params.commit_sha ?? '')
    return commit
      ? { status: 200, body: commitJson(repoApi, repoHtml, commit) }
      : fail(404, 'Not Found')
  },

  'POST /repos/{owner}/{repo}/git/refs': ({ body, git, repoApi }) => {
    const ref = String(body.ref)
    const sha = String(body.sha)
    if (!/^refs\/.+\/.+/.test(ref)) return fail(422, 'Reference name is invalid')
    if (git.refSha(ref) !== undefined) return fail(422, 'Reference already exists')
    if (!git.commit(sha)) return fail(422, 'Object does not exist')
    git.setRef(ref, sha)
    return { status: 201, body: refJson(repoApi, ref, sha) }
  },

  'GET /repos/{owner}/{repo}/git/ref/{ref}': ({ params, git, repoApi }) => {
    const ref = `refs/${params.ref}`
    const sha = git.refSha(ref)
    return sha ? { status: 200, body: refJson(repoApi, ref, sha) } : fail(404, 'Not Found')
  },

  'GET /repos/{owner}/{repo}/git/matching-refs/{ref}': ({ params, git, repoApi }) => {
    const prefix = `refs/${params.ref}`
    return {
      status: 200,
      body: git
        .allRefs()
        .filter(([ref]) => ref.startsWith(prefix))
        .map(([ref, sha]) => refJson(repoApi, ref, sha))
    }
  },

  'GET /repos/{owner}/{repo}/contents/{path}': ({ params, query, git, repoApi, repoHtml }) => {
    const path = params.path ?? ''
    const ref = query.get('ref') ?? 'main'
    const text = git.fileAt(ref, path)
    if (text === undefined) return fail(404, 'Not Found')
    const sha = gitSha('blob', text)
    const url = `${repoApi}/contents/${path}?ref=${encodeURIComponent(ref)}`
    const html = `${repoHtml}/blob/${ref}/${path}`
    return {
      status: 200,
      body: {
        type: 'file',
        encoding: 'base64',
        size: Buffer.byteLength(text),
        name: path.split('/').pop(),
        path,
        content: Buffer.from(text).toString('base64'),
        sha,
        url,
        git_url: `${repoApi}/git/blobs/${sha}`,
        html_url: html,
        download_url: null,
        _links: { git: `${repoApi}/git/blobs/${sha}`, self: url, html }
      }
    }
  },

  'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs': ({
    params,
    git,
    repoApi,
    repoHtml
  }) => {
    const runId = Number(params.run_id)
    const jobs = git.jobs.get(`${runId}/${params.attempt_number}`)
    // A run of another repository (or none) is not found, as GitHub answers.
    if (!jobs) return fail(404, 'Not Found')
    return {
      status: 200,
      body: {
        total_count: jobs.length,
        jobs: jobs.map((job, index) => {
          const id = job.id ?? runId * 100 + index
          const status = job.status ?? (job.completed_at ? 'completed' : 'in_progress')
          return {
            id,
            node_id: Buffer.from(`job:${id}`).toString('base64'),
            run_id: runId,
            run_attempt: Number(params.attempt_number),
            run_url: `${repoApi}/actions/runs/${runId}`,
            head_sha: '0'.repeat(40),
            workflow_name: 'train',
            head_branch: 'main',
            name: job.name,
            url: `${repoApi}/actions/jobs/${id}`,
            html_url: `${repoHtml}/actions/runs/${runId}/job/${id}`,
            status,
            conclusion: status === 'completed' ? 'success' : null,
            created_at: job.started_at,
            started_at: job.started_at,
            completed_at: job.completed_at ?? null,
            check_run_url: `${repoApi}/check-runs/${id}`,
            labels: ['ubuntu-latest'],
            runner_id: 1,
            runner_name: job.runner_name ?? 'GitHub Actions 1',
            runner_group_id: 1,
            runner_group_name: 'GitHub Actions',
            steps: job.steps.map((step, number) => ({
              name: step.name,
              status: step.completed_at ? 'completed' : 'in_progress',
              conclusion: step.completed_at ? 'success' : null,
              number: step.number ?? number + 1,
              started_at: step.started_at ?? null,
              completed_at: step.completed_at ?? null
            }))
          }
        })
      }
    }
  }
}
