import type { GitHubClient } from '../../adapters/github/index.js'
import type { DeploymentStore } from '../../adapters/deployments/types.js'
import type { DeployManifest, DeployRequest } from '../../app/deploy.js'
import {
  gitHubApprovalPlan,
  planDeploy,
  planReport,
  plannedDeployFacts,
  type PromotionPlan
} from '../../app/plan.js'
import type { RunContext } from '../../app/ports.js'
import type { ResolvedEnvironment } from '../../core/config/resolve.js'
import type { PromoteConfig } from '../../core/config/schema.js'
import { jobSummary, runnerLog } from '../common/log.js'
import { gitHubApprovalSource } from './github.js'
import { runner } from '../common/surfaces.js'

export interface PlanInput {
  config: PromoteConfig
  environment: ResolvedEnvironment
  manifest: DeployManifest
  arguments?: Record<string, unknown>
  timeout?: string
  overrideSameArtifact?: string
  rollback?: DeployRequest['rollback']
  /** The plan is for a deploy another run will start (the promotion PR's next environment). */
  laterDeploy?: boolean
  /** Whether approval is required after the inputs (never weaker than promote.yaml). */
  required: boolean
  store: DeploymentStore
  client: GitHubClient
  owner: string
  repo: string
  visibility?: string
  context: RunContext
}

/** The plan of a deploy on a runner: GitHub's deployments for what is live, its environment rule for approval. */
export function gitHubPlan(input: PlanInput): Promise<PromotionPlan> {
  return planDeploy(
    {
      environment: input.environment,
      manifest: input.manifest,
      ...(input.arguments && { arguments: input.arguments }),
      ...(input.timeout && { timeout: input.timeout }),
      ...(input.overrideSameArtifact && { overrideSameArtifact: input.overrideSameArtifact }),
      ...(input.rollback && { rollback: input.rollback })
    },
    {
      config: input.config,
      store: input.store,
      log: runnerLog,
      context: input.context,
      approval: environment =>
        gitHubApprovalPlan(environment, {
          required: input.required,
          config: input.config.deployment.approval,
          source: gitHubApprovalSource(input.client, input.owner, input.repo, input.visibility),
          // A plan for a later deploy (the promotion PR's) does not know who will start it.
          actors: input.laterDeploy
            ? []
            : [input.context.actor, input.context.triggeringActor ?? '']
        })
    }
  )
}

/**
 * `dry-run: true`: the plan in the job summary and the `plan` output; nothing recorded, nothing
 * submitted. A deploy that would be refused fails the step, before any reviewer is asked.
 */
export async function dryRun(input: PlanInput): Promise<void> {
  const plan = await gitHubPlan(input)
  const { record } = input.manifest
  runner.setOutput('status', plan.refusals.length ? 'refused' : 'planned')
  runner.setOutput('environment', input.environment.name)
  runner.setOutput('model-uri', record.uri)
  runner.setOutput('model-version', record.version ?? '')
  runner.setOutput('content-hash', record.contentHash)
  runner.setOutput('plan', JSON.stringify(plan))
  runner.setOutput('approval-required', String(plan.approval.required))
  // For notify's approval-pending notice: the plan and where reviewers approve.
  runner.setOutput(
    'facts',
    JSON.stringify(
      plannedDeployFacts(plan, {
        config: input.config,
        project: input.environment.projectName,
        rollback: input.rollback !== undefined,
        context: input.context
      })
    )
  )
  await jobSummary.summary(planReport(plan))
  if (plan.refusals.length) {
    runner.setFailed(
      `Dry run: the deploy of ${record.name} ${record.version ?? ''} to ${input.environment.name} would be refused: ${plan.refusals.join('; ')}`
    )
  } else {
    runnerLog.info(
      `Dry run: the deploy of ${record.name} ${record.version ?? ''} to ${input.environment.name} would run ${plan.workflow.key} on ${input.environment.cluster}; nothing was changed`
    )
  }
}
