import { z } from 'zod'

/**
 * What happened in a pipeline step, as submit-train and submit-deploy report it in their
 * `facts` output and notify (or the CLI) reads it. One shape, validated at the boundary.
 */
export const stepFactsSchema = z.looseObject({
  name: z.string(),
  state: z.string(),
  results: z.record(z.string(), z.unknown()).default({}),
  error: z.string().optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional()
})

/**
 * A promotion plan as notify reads it (submit-deploy's dry run, src/app/plan.ts `PromotionPlan`):
 * what the approval-pending notice shows a reviewer. Loose, so a plan from a newer submit-deploy
 * still renders.
 */
export const planFactsSchema = z.looseObject({
  environment: z.looseObject({
    name: z.string(),
    branch: z.string().optional(),
    cluster: z.string().optional(),
    clusterKind: z.string().optional()
  }),
  model: z.looseObject({
    name: z.string(),
    version: z.string().optional(),
    uri: z.string().optional(),
    contentHash: z.string().optional(),
    manifestPath: z.string().optional()
  }),
  live: z
    .looseObject({
      id: z.union([z.string(), z.number()]).optional(),
      modelName: z.string().optional(),
      modelVersion: z.string().optional(),
      contentHash: z.string().optional()
    })
    .optional(),
  metrics: z
    .array(
      z.looseObject({
        name: z.string(),
        candidate: z.unknown().optional(),
        live: z.unknown().optional()
      })
    )
    .default([]),
  sameArtifact: z.looseObject({ verdict: z.string(), note: z.string() }).optional(),
  approval: z
    .looseObject({
      required: z.boolean(),
      verdict: z.string().optional(),
      rule: z.string().optional(),
      approvers: z.string().optional()
    })
    .optional(),
  workflow: z
    .looseObject({
      key: z.string(),
      remoteName: z.string().optional(),
      project: z.string().optional(),
      timeout: z.string().optional(),
      arguments: z.record(z.string(), z.unknown()).default({})
    })
    .optional(),
  refusals: z.array(z.string()).default([])
})

export const pipelineFactsSchema = z.looseObject({
  kind: z.enum(['train', 'deploy', 'rollback', 'check', 'workflow']).default('workflow'),
  project: z.string().optional(),
  environment: z.string().optional(),
  workflow: z.string().optional(),
  runId: z.string().optional(),
  /** The pipeline's own id when it differs from runId (MLRun: the KFP workflow id the runner started). */
  workflowId: z.string().optional(),
  /** The run in the orchestrator's UI. */
  runUrl: z.string().optional(),
  /** The GitHub Actions run (or local log). */
  logUrl: z.string().optional(),
  state: z.string().optional(),
  error: z.string().optional(),
  model: z
    .looseObject({
      name: z.string().optional(),
      version: z.string().optional(),
      uri: z.string().optional(),
      contentHash: z.string().optional(),
      metrics: z.record(z.string(), z.number()).optional(),
      championMetrics: z.record(z.string(), z.number()).optional()
    })
    .optional(),
  deployment: z
    .looseObject({
      id: z.union([z.string(), z.number()]).optional(),
      url: z.string().optional(),
      environmentUrl: z.string().optional()
    })
    .optional(),
  /** A deploy refused by a rule (state `refused`): why, the rule, the fix. */
  refusal: z
    .looseObject({
      kind: z.string().optional(),
      reason: z.string(),
      rule: z.string().optional(),
      fix: z.string().optional()
    })
    .optional(),
  /** What the deploy would do (submit-deploy's dry run), for the approval-pending notice. */
  plan: planFactsSchema.optional(),
  /** Where reviewers approve the waiting deploy (the workflow run page). */
  reviewUrl: z.string().optional(),
  steps: z.array(stepFactsSchema).default([]),
  results: z.record(z.string(), z.unknown()).default({}),
  commit: z.string().optional(),
  actor: z.string().optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional()
})

export type PipelineFacts = z.output<typeof pipelineFactsSchema>
export type StepFacts = z.output<typeof stepFactsSchema>
export type PlanFacts = z.output<typeof planFactsSchema>
