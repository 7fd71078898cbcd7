/**
 * One promotion, one Slack thread: the stages a promotion went through (train in development,
 * deploy to staging, deploy to production) and where each stands. The parent message shows them;
 * the list travels from one notify step to the next as the `stages` output/input (across jobs and
 * reusable workflows, beside the message's ts and channel), because a bot with only chat:write
 * cannot read its own message back.
 */
import * as z from './zod.js'
import type { PipelineEvent } from './config/schema.js'
import type { PipelineFacts } from './facts.js'

export const STAGE_STATUSES = [
  'started',
  'approval-pending',
  'succeeded',
  'failed',
  'cancelled',
  'refused'
] as const
export type StageStatus = (typeof STAGE_STATUSES)[number]

export const promotionStageSchema = z.object({
  /** train, deploy, rollback, or the workflow's key. */
  stage: z.string().check(z.minLength(1), z.maxLength(100)),
  environment: z.optional(z.string().check(z.maxLength(100))),
  status: z.enum(STAGE_STATUSES),
  /** The model as the stage saw it (model v7). */
  model: z.optional(z.string().check(z.maxLength(200))),
  /** The GitHub run of the stage. */
  url: z.optional(z.string().check(z.maxLength(1000)))
})
export type PromotionStage = z.output<typeof promotionStageSchema>

/** More stages than any promotion has; a longer list keeps the latest ones. */
export const MAX_STAGES = 20

/** The stage a notification is about, and its status after this event. */
export function stageFromFacts(event: PipelineEvent, facts: PipelineFacts): PromotionStage {
  const stage = facts.kind === 'workflow' ? (facts.workflow ?? 'pipeline') : facts.kind
  const model = facts.model?.name
    ? facts.model.version
      ? `${facts.model.name} v${facts.model.version}`
      : facts.model.name
    : undefined
  return {
    stage: stage.slice(0, 100),
    ...(facts.environment && { environment: facts.environment.slice(0, 100) }),
    status: facts.state === 'refused' ? 'refused' : event,
    ...(model && { model: model.slice(0, 200) }),
    ...(facts.logUrl && /^https?:\/\//.test(facts.logUrl) && { url: facts.logUrl.slice(0, 1000) })
  }
}

/** The stages after this event: the stage's earlier entry (same stage, same environment) replaced in place, else appended. */
export function recordStage(stages: PromotionStage[], current: PromotionStage): PromotionStage[] {
  const same = (s: PromotionStage) =>
    s.stage === current.stage && (s.environment ?? '') === (current.environment ?? '')
  const at = stages.findIndex(same)
  const next =
    at >= 0
      ? stages.map((s, i) => (i === at ? { ...s, ...current, model: current.model ?? s.model } : s))
      : [...stages, current]
  return next.slice(-MAX_STAGES)
}

/**
 * The stages input is another step's output: broken text is a warning and an empty list (the
 * notice still goes out, showing only this stage), never a failed step.
 */
export function parseStages(
  text: string | undefined,
  warn: (message: string) => void
): PromotionStage[] {
  if (!text?.trim()) return []
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    warn(`input 'stages' is not JSON (${(error as Error).message}): showing this stage only`)
    return []
  }
  if (!Array.isArray(data)) {
    warn("input 'stages' is not a JSON list (pass the stages output of the last notify step)")
    return []
  }
  const stages: PromotionStage[] = []
  for (const [i, item] of data.entries()) {
    const parsed = promotionStageSchema.safeParse(item)
    if (parsed.success) stages.push(parsed.data)
    else
      warn(
        `input 'stages': entry ${i} is not a stage (${parsed.error.issues[0]?.message}): left out`
      )
  }
  return stages.slice(-MAX_STAGES)
}

/** The promotion's overall state: the first stage that failed, else the latest. */
export function overallStatus(stages: PromotionStage[]): StageStatus | undefined {
  const stopped = stages.find(s => ['failed', 'refused', 'cancelled'].includes(s.status))
  return stopped?.status ?? stages[stages.length - 1]?.status
}
