import {
  getEnvironmentProtection,
  getRepositoryVisibility,
  listRunApprovals,
  type GitHubClient
} from '../../adapters/github/index.js'
import type { ApprovalSource } from '../../app/approval.js'
import type { RunContext } from '../../app/ports.js'
import { ConfigurationError } from '../../core/errors.js'
import { githubRunContext } from '../common/context.js'

/** GitHub's environments and run approvals as the approval check's port. */
export function gitHubApprovalSource(
  client: GitHubClient,
  owner: string,
  repo: string,
  knownVisibility?: string
): ApprovalSource {
  return {
    async getEnvironmentProtection(environment) {
      const protection = await getEnvironmentProtection(client, owner, repo, environment)
      if (!protection.exists) return undefined
      return {
        name: protection.name,
        ...(protection.hasRequiredReviewersRule && {
          requiredReviewers: protection.requiredReviewers.map(r =>
            r.type === 'Team' ? `team ${r.name}` : r.name
          )
        }),
        preventSelfReview: protection.preventSelfReview,
        ...(protection.htmlUrl && { url: protection.htmlUrl })
      }
    },
    async listRunApprovals(runId) {
      return listRunApprovals(client, owner, repo, Number(runId))
    },
    async repositoryVisibility() {
      return knownVisibility ?? (await getRepositoryVisibility(client, owner, repo))
    }
  }
}

interface PullRequestEvent {
  pull_request?: {
    number?: number
    user?: { login?: string } | null
    merged_by?: { login?: string } | null
    merged?: boolean
    merge_commit_sha?: string | null
    base?: { ref?: string }
    html_url?: string
  }
  repository?: { visibility?: string; private?: boolean }
}

/**
 * The run's context for a deploy. A merged pull request deploys its merge commit on the base
 * branch (GITHUB_SHA/REF name the PR's merge ref instead); a closed, unmerged one deploys nothing.
 */
export function deployContext(
  env: NodeJS.ProcessEnv,
  event: unknown,
  eventName: string | undefined
): RunContext {
  const context = githubRunContext(env)
  const payload = (event ?? {}) as PullRequestEvent
  if (
    (eventName === 'pull_request' || eventName === 'pull_request_target') &&
    payload.pull_request
  ) {
    const pr = payload.pull_request
    if (!pr.merged) {
      throw new ConfigurationError(
        `pull request #${pr.number ?? '?'} was closed without being merged: nothing to deploy. ` +
          'Fix: guard the job with `if: github.event.pull_request.merged == true` (see submit-deploy/README.md)'
      )
    }
    const base = pr.base?.ref
    return {
      ...context,
      ...(pr.merge_commit_sha && { sha: pr.merge_commit_sha }),
      ...(base && { branch: base, ref: `refs/heads/${base}` })
    }
  }
  return context
}

export function eventVisibility(event: unknown): string | undefined {
  const repository = (event as PullRequestEvent | undefined)?.repository
  if (!repository) return undefined
  return (
    repository.visibility ??
    (repository.private === undefined ? undefined : repository.private ? 'private' : 'public')
  )
}

/**
 * Whom the four-eyes rule keeps from approving: the merged pull request's author and merger, from
 * the event GitHub sent; a deploy without a pull request (workflow_dispatch, a rollback) excludes
 * whoever triggered the run instead.
 */
export function fourEyesPeople(
  event: unknown,
  eventName: string | undefined,
  actors: { actor: string; triggeringActor?: string | undefined }
): Array<{ login: string; role: string }> {
  const pr = (event as PullRequestEvent | undefined)?.pull_request
  if ((eventName === 'pull_request' || eventName === 'pull_request_target') && pr) {
    const people: Array<{ login: string; role: string }> = []
    if (pr.user?.login)
      people.push({ login: pr.user.login, role: `author of #${pr.number ?? '?'}` })
    if (pr.merged_by?.login) {
      const same = people.find(p => p.login === pr.merged_by!.login)
      if (same) same.role += ' and its merger'
      else people.push({ login: pr.merged_by.login, role: `merger of #${pr.number ?? '?'}` })
    }
    return people
  }
  const login = actors.triggeringActor || actors.actor
  return login ? [{ login, role: 'triggered the run, no pull request' }] : []
}
