import * as z from './zod.js'

/**
 * What happened in a pipeline step, as submit-train and submit-deploy report it in their
 * `facts` output and notify (or the CLI) reads it. One shape, validated at the boundary.
 */
export const stepFactsSchema = z.looseObject({
  name: z.string(),
  state: z.string(),
  results: z._default(z.record(z.string(), z.unknown()), {}),
  error: z.optional(z.string()),
  startedAt: z.optional(z.string()),
  finishedAt: z.optional(z.string())
})

/**
 * A promotion plan as notify reads it (submit-deploy's dry run, src/app/plan.ts `PromotionPlan`):
 * what the approval-pending notice shows a reviewer. Loose, so a plan from a newer submit-deploy
 * still renders.
 */
export const planFactsSchema = z.looseObject({
  environment: z.looseObject({
    name: z.string(),
    branch: z.optional(z.string()),
    cluster: z.optional(z.string()),
    clusterKind: z.optional(z.string())
  }),
  model: z.looseObject({
    name: z.string(),
    version: z.optional(z.string()),
    uri: z.optional(z.string()),
    contentHash: z.optional(z.string()),
    manifestPath: z.optional(z.string())
  }),
  live: z.optional(
    z.looseObject({
      id: z.optional(z.union([z.string(), z.number()])),
      modelName: z.optional(z.string()),
      modelVersion: z.optional(z.string()),
      contentHash: z.optional(z.string())
    })
  ),
  metrics: z._default(
    z.array(
      z.looseObject({
        name: z.string(),
        candidate: z.optional(z.unknown()),
        live: z.optional(z.unknown())
      })
    ),
    []
  ),
  sameArtifact: z.optional(z.looseObject({ verdict: z.string(), note: z.string() })),
  approval: z.optional(
    z.looseObject({
      required: z.boolean(),
      verdict: z.optional(z.string()),
      rule: z.optional(z.string()),
      approvers: z.optional(z.string())
    })
  ),
  workflow: z.optional(
    z.looseObject({
      key: z.string(),
      remoteName: z.optional(z.string()),
      project: z.optional(z.string()),
      timeout: z.optional(z.string()),
      arguments: z._default(z.record(z.string(), z.unknown()), {})
    })
  ),
  refusals: z._default(z.array(z.string()), [])
})

export const pipelineFactsSchema = z.looseObject({
  kind: z._default(z.enum(['train', 'deploy', 'rollback', 'check', 'workflow']), 'workflow'),
  project: z.optional(z.string()),
  environment: z.optional(z.string()),
  workflow: z.optional(z.string()),
  runId: z.optional(z.string()),
  /** The pipeline's own id when it differs from runId (MLRun: the KFP workflow id the runner started). */
  workflowId: z.optional(z.string()),
  /** The run in the orchestrator's UI. */
  runUrl: z.optional(z.string()),
  /** The GitHub Actions run (or local log). */
  logUrl: z.optional(z.string()),
  state: z.optional(z.string()),
  error: z.optional(z.string()),
  model: z.optional(
    z.looseObject({
      name: z.optional(z.string()),
      version: z.optional(z.string()),
      uri: z.optional(z.string()),
      contentHash: z.optional(z.string()),
      metrics: z.optional(z.record(z.string(), z.number())),
      championMetrics: z.optional(z.record(z.string(), z.number()))
    })
  ),
  deployment: z.optional(
    z.looseObject({
      id: z.optional(z.union([z.string(), z.number()])),
      url: z.optional(z.string()),
      environmentUrl: z.optional(z.string())
    })
  ),
  /** A deploy refused by a rule (state `refused`): why, the rule, the fix. */
  refusal: z.optional(
    z.looseObject({
      kind: z.optional(z.string()),
      reason: z.string(),
      rule: z.optional(z.string()),
      fix: z.optional(z.string())
    })
  ),
  /** What the deploy would do (submit-deploy's dry run), for the approval-pending notice. */
  plan: z.optional(planFactsSchema),
  /** Where reviewers approve the waiting deploy (the workflow run page). */
  reviewUrl: z.optional(z.string()),
  steps: z._default(z.array(stepFactsSchema), []),
  results: z._default(z.record(z.string(), z.unknown()), {}),
  commit: z.optional(z.string()),
  actor: z.optional(z.string()),
  startedAt: z.optional(z.string()),
  finishedAt: z.optional(z.string())
})

export type PipelineFacts = z.output<typeof pipelineFactsSchema>
export type StepFacts = z.output<typeof stepFactsSchema>
export type PlanFacts = z.output<typeof planFactsSchema>
