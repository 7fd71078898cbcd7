/**
 * What GitHub says about an environment's protection and about who approved a workflow run, so
 * submit-deploy can enforce approval instead of assuming the job was gated.
 */
import { GitHubApiError, type GitHubClient } from './client.js'

export interface EnvironmentReviewer {
  type: 'User' | 'Team'
  /** User login, or team slug. */
  name: string
  id: number
}

export interface EnvironmentProtection {
  name: string
  exists: boolean
  /** Whether a required_reviewers rule is present (it may list no reviewers that can approve). */
  hasRequiredReviewersRule: boolean
  requiredReviewers: EnvironmentReviewer[]
  /** Whether the user who triggered the run may not approve it. */
  preventSelfReview: boolean
  waitTimerMinutes?: number
  branchPolicy?: { protectedBranches: boolean; customBranchPolicies: boolean }
  /** The environment's page on GitHub. */
  htmlUrl?: string
}

export interface RunApproval {
  environments: string[]
  state: 'approved' | 'rejected' | 'pending'
  user: string
  comment: string
}

export type RepositoryVisibility = 'public' | 'private' | 'internal'

type ProtectionRule = {
  type: string
  wait_timer?: number
  prevent_self_review?: boolean
  reviewers?: Array<{ type?: string; reviewer?: { login?: string; slug?: string; id?: number } }>
}

export async function getEnvironmentProtection(
  client: GitHubClient,
  owner: string,
  repo: string,
  name: string
): Promise<EnvironmentProtection> {
  let data
  try {
    ;({ data } = await client.rest.repos.getEnvironment({ owner, repo, environment_name: name }))
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 404) {
      return {
        name,
        exists: false,
        hasRequiredReviewersRule: false,
        requiredReviewers: [],
        preventSelfReview: false
      }
    }
    throw error
  }
  const rules = (data.protection_rules ?? []) as ProtectionRule[]
  const reviewersRule = rules.find(rule => rule.type === 'required_reviewers')
  const waitTimer = rules.find(rule => rule.type === 'wait_timer')?.wait_timer
  const requiredReviewers: EnvironmentReviewer[] = (reviewersRule?.reviewers ?? []).flatMap(
    entry => {
      const type = entry.type === 'Team' ? 'Team' : 'User'
      const reviewerName = type === 'Team' ? entry.reviewer?.slug : entry.reviewer?.login
      return reviewerName ? [{ type, name: reviewerName, id: entry.reviewer?.id ?? 0 }] : []
    }
  )
  const policy = data.deployment_branch_policy
  return {
    name: data.name,
    exists: true,
    hasRequiredReviewersRule: reviewersRule !== undefined,
    requiredReviewers,
    preventSelfReview: reviewersRule?.prevent_self_review ?? false,
    ...(waitTimer !== undefined ? { waitTimerMinutes: waitTimer } : {}),
    ...(policy
      ? {
          branchPolicy: {
            protectedBranches: policy.protected_branches,
            customBranchPolicies: policy.custom_branch_policies
          }
        }
      : {}),
    htmlUrl: data.html_url
  }
}

/** The run's review log: who approved or rejected which environments, oldest first. */
export async function listRunApprovals(
  client: GitHubClient,
  owner: string,
  repo: string,
  runId: number
): Promise<RunApproval[]> {
  const { data } = await client.rest.actions.getReviewsForRun({ owner, repo, run_id: runId })
  return data.map(entry => ({
    environments: (entry.environments ?? []).map(env => env.name ?? '').filter(Boolean),
    state: entry.state,
    user: entry.user.login,
    comment: entry.comment ?? ''
  }))
}

/** Public, private or internal: required reviewers on private/internal repos need GitHub Enterprise. */
export async function getRepositoryVisibility(
  client: GitHubClient,
  owner: string,
  repo: string
): Promise<RepositoryVisibility> {
  const { data } = await client.rest.repos.get({ owner, repo })
  const visibility = data.visibility ?? (data.private ? 'private' : 'public')
  return visibility === 'internal' || visibility === 'private' ? visibility : 'public'
}
