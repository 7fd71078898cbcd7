import { RefusalError } from '../core/errors.js'
import type { PromoteConfig } from '../core/config/schema.js'
import type { Log } from './ports.js'

/**
 * Approval is enforced, not assumed: a job with `environment: production` only waits for
 * reviewers when the environment has a required-reviewers rule, so before deploying we check that
 * the rule exists and that this very run was approved for this environment (by someone other
 * than the actor, when the config asks). Every refusal names the environment, the rule and the fix.
 */

/** What approval needs from GitHub (src/adapters/github/environments.ts provides it). */
export interface ApprovalSource {
  /** The environment's protection rules; undefined when the environment does not exist. */
  getEnvironmentProtection(environment: string): Promise<EnvironmentProtection | undefined>
  /** GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals */
  listRunApprovals(runId: string): Promise<RunApproval[]>
  /** public, private or internal. */
  repositoryVisibility(): Promise<string | undefined>
}

export interface EnvironmentProtection {
  name: string
  /** Logins and team slugs of the required reviewers; undefined when there is no such rule. */
  requiredReviewers?: string[]
  preventSelfReview?: boolean
  /** The environment's page, for links in messages. */
  url?: string
}

export interface RunApproval {
  environments: string[]
  state: 'approved' | 'rejected' | string
  user: string
  comment?: string
}

export type ApprovalMode =
  'not-required' | 'github' | 'unprotected-accepted' | 'terminal' | 'assumed-yes'

export interface ApprovalOutcome {
  mode: ApprovalMode
  approvers: string[]
  /** One line for the summary. */
  note: string
}

export interface GitHubApprovalInput {
  environment: string
  required: boolean
  config: PromoteConfig['deployment']['approval']
  runId: string
  /** Who triggered the run (GITHUB_TRIGGERING_ACTOR, else GITHUB_ACTOR). */
  actors: string[]
  repository: string
  /** GitHub's web root (GITHUB_SERVER_URL), for the settings link. */
  serverUrl?: string
  source: ApprovalSource
  log: Log
  /**
   * The environment's four-eyes rule (environments.<name>.fourEyes): whom it excludes from
   * approving, the pull request's author and merger (or, without one, who triggered the run).
   */
  fourEyes?: { people: Array<{ login: string; role: string }> }
}

const REVIEWERS_RULE = 'required reviewers'
const SWITCH = 'deployment.approval.allowUnprotected'

function settingsPath(
  repository: string,
  environment: string,
  serverUrl = 'https://github.com'
): string {
  return `Settings → Environments → ${environment} → Required reviewers (${serverUrl}/${repository}/settings/environments)`
}

/**
 * The approval rule in force: promote.yaml's, made stricter by the `require-approval` input but
 * never weaker. `false` for an environment the config protects is ignored with a warning (the
 * config is reviewed in pull requests, a workflow input is not).
 */
export function approvalRequirement(
  environment: string,
  configRequires: boolean,
  input: '' | 'true' | 'false'
): { required: boolean; warning?: string } {
  if (input === 'true') return { required: true }
  if (input === 'false' && configRequires) {
    return {
      required: true,
      warning:
        `require-approval: false is ignored: promote.yaml requires approval for ${environment}, and an input may make ` +
        `the rule stricter, never weaker. To deploy ${environment} without approval, set environments.${environment}.requireApproval: false in promote.yaml`
    }
  }
  return { required: configRequires }
}

export async function enforceGitHubApproval(input: GitHubApprovalInput): Promise<ApprovalOutcome> {
  const { environment, source, log } = input
  if (!input.required) {
    log.info(
      `Approval: environment '${environment}' does not require approval (environments.${environment}.requireApproval)`
    )
    return { mode: 'not-required', approvers: [], note: 'not required by promote.yaml' }
  }
  const protection = await source.getEnvironmentProtection(environment)
  const reviewers = protection?.requiredReviewers
  if (!protection || !reviewers || reviewers.length === 0) {
    const visibility = await source.repositoryVisibility()
    const missing = protection
      ? `environment '${environment}' has no ${REVIEWERS_RULE} protection rule, so GitHub would run this job without asking anyone`
      : `environment '${environment}' does not exist in ${input.repository}, so nobody was asked to approve this deploy`
    if (input.config.allowUnprotected) {
      log.warning(`${missing}; deploying anyway because ${SWITCH} is true in promote.yaml`)
      return {
        mode: 'unprotected-accepted',
        approvers: [],
        note: `unprotected: accepted by ${SWITCH}`
      }
    }
    const privateRepo = visibility === 'private' || visibility === 'internal'
    throw new RefusalError({
      kind: 'approval',
      reason:
        `approval refused: ${missing}` +
        (privateRepo
          ? `; required reviewers on ${visibility} repositories need GitHub Enterprise (public repositories have them on every plan)`
          : ''),
      rule: `${environment} requires approval (promote.yaml)`,
      fix: privateRepo
        ? `on Enterprise, add reviewers under ${settingsPath(input.repository, environment, input.serverUrl)}; ` +
          `without it, set ${SWITCH}: true in promote.yaml to accept deploying without a reviewer`
        : `add reviewers under ${settingsPath(input.repository, environment, input.serverUrl)} and run the deploy in a job with ` +
          `\`environment: ${environment}\` (as deploy.yml does)`
    })
  }

  const approvals = await source.listRunApprovals(input.runId)
  const latest = latestReviews(approvals, environment)
  const rejected = latest.filter(a => a.state === 'rejected')
  if (rejected.length > 0) {
    throw new RefusalError({
      kind: 'approval',
      reason: `approval refused: ${rejected.map(a => a.user).join(', ')} rejected the deploy to '${environment}' in run ${input.runId}`,
      rule: `${REVIEWERS_RULE} (${reviewers.join(', ')})`,
      fix: 're-run the workflow and ask a reviewer to approve it'
    })
  }
  const approvers = latest.filter(a => a.state === 'approved').map(a => a.user)
  if (approvers.length === 0) {
    throw new RefusalError({
      kind: 'approval',
      reason: `approval refused: run ${input.runId} has no approval for environment '${environment}'`,
      rule: `${REVIEWERS_RULE} (${reviewers.join(', ')})`,
      fix:
        `run the deploy in a job with \`environment: ${environment}\` ` +
        `(as deploy.yml does) so GitHub asks the reviewers; an administrator bypass does not count as an approval`
    })
  }
  let eligible = approvers
  const notes: string[] = []
  if (input.config.distinctApprover) {
    const actors = new Set(input.actors.filter(Boolean))
    eligible = eligible.filter(user => !actors.has(user))
    if (eligible.length === 0) {
      throw new RefusalError({
        kind: 'approval',
        reason: `approval refused: environment '${environment}' was approved only by ${approvers.join(', ')}, who triggered this run`,
        rule: 'deployment.approval.distinctApprover (promote.yaml)',
        fix:
          `ask another of the reviewers (${reviewers.join(', ')}) ` +
          `to approve a re-run, and turn on "Prevent self-review" for the environment so GitHub enforces it too`
      })
    }
    notes.push('distinct from the actor')
  }
  if (input.fourEyes) {
    const excluded = new Map(input.fourEyes.people.filter(p => p.login).map(p => [p.login, p.role]))
    const before = eligible
    eligible = eligible.filter(user => !excluded.has(user))
    const who = [...excluded].map(([login, role]) => `${login} (${role})`).join(', ')
    if (eligible.length === 0) {
      throw new RefusalError({
        kind: 'approval',
        reason: `approval refused: environment '${environment}' was approved only by ${before.join(', ')}; the four-eyes rule excludes ${who || 'nobody known'}`,
        rule: `environments.${environment}.fourEyes (promote.yaml): the approver is neither the pull request's author nor its merger`,
        fix: `ask another of the reviewers (${reviewers.join(', ')}) to approve a re-run`
      })
    }
    notes.push(`four eyes: not ${who}`)
  }
  log.info(
    `Approval: '${environment}' approved by ${eligible.join(', ')}${notes.length ? ` (${notes.join('; ')})` : ''}`
  )
  return {
    mode: 'github',
    approvers: eligible,
    note: `approved by ${eligible.join(', ')}${notes.length ? ` (${notes.join('; ')})` : ''}`
  }
}

/**
 * Each reviewer's last review of this environment in the run's review history (a re-run is
 * reviewed again: an earlier rejection by someone who approved since does not count, nor the
 * reverse). The API gives no timestamps; entries are taken in the order GitHub returns them
 * (submission order in its documented example). `pending` entries (a comment without a decision)
 * change nothing. Were the order ever reversed, this errs towards refusing, never towards deploying
 * unapproved: the job only started because GitHub's own rule was satisfied.
 */
export function latestReviews(approvals: RunApproval[], environment: string): RunApproval[] {
  const byUser = new Map<string, RunApproval>()
  for (const review of approvals) {
    if (!review.environments.includes(environment)) continue
    if (review.state !== 'approved' && review.state !== 'rejected') continue
    byUser.delete(review.user)
    byUser.set(review.user, review)
  }
  return [...byUser.values()]
}

export interface TerminalApprovalInput {
  environment: string
  required: boolean
  /** --yes was given. */
  assumeYes: boolean
  interactive: boolean
  user: string
  /** Asks the person at the terminal; resolves true on yes. */
  ask: (question: string) => Promise<boolean>
  /** What is being deployed, for the question. */
  what: string
}

/** The CLI's approval: the person at the terminal is the reviewer. */
export async function terminalApproval(input: TerminalApprovalInput): Promise<ApprovalOutcome> {
  if (!input.required)
    return { mode: 'not-required', approvers: [], note: 'not required by promote.yaml' }
  if (input.assumeYes) {
    return {
      mode: 'assumed-yes',
      approvers: [input.user],
      note: `approved by ${input.user} with --yes`
    }
  }
  if (!input.interactive) {
    throw new RefusalError({
      kind: 'approval',
      reason: `approval refused: environment '${input.environment}' requires approval and there is no terminal to ask`,
      rule: `environments.${input.environment}.requireApproval (promote.yaml)`,
      fix: 'run it in a terminal, or pass --yes to approve it yourself'
    })
  }
  const yes = await input.ask(`Deploy ${input.what} to ${input.environment}? (yes/no) `)
  if (!yes) {
    throw new RefusalError({
      kind: 'approval',
      reason: `approval refused: the deploy to '${input.environment}' was not approved at the terminal`,
      rule: `environments.${input.environment}.requireApproval (promote.yaml)`,
      fix: 'answer yes, or pass --yes'
    })
  }
  return {
    mode: 'terminal',
    approvers: [input.user],
    note: `approved by ${input.user} at the terminal`
  }
}
