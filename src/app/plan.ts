import type { DeploymentRecord, DeploymentStore } from '../adapters/deployments/types.js'
import { isConfigurationError, errorMessage } from '../core/errors.js'
import type { PromoteConfig } from '../core/config/schema.js'
import type { PipelineFacts, PlanFacts } from '../core/facts.js'
import { resolveWorkflow, type ResolvedEnvironment } from '../core/config/resolve.js'
import { formatDuration } from '../core/duration.js'
import { formatValue, type Report, type ReportSection, type Verdict } from '../core/report.js'
import type { ApprovalSource } from './approval.js'
import {
  checkSameArtifact,
  refuseWhileAnotherDeployRuns,
  MANIFEST_PATH_ARGUMENT,
  MODEL_URI_ARGUMENT,
  type DeployRequest
} from './deploy.js'
import { liveDeployment, shortHash } from './history.js'
import type { Log, RunContext } from './ports.js'

/**
 * What a deploy would do, worked out without changing anything: the same steps as deploy() up to
 * the point where it records or submits, each turned from "refuse" into "say so". `promote plan`,
 * submit-deploy's `dry-run` and the promotion PR show it, so a reviewer approves with the facts.
 * Nothing in it depends on the clock: the same inputs give the same plan.
 */
export interface PromotionPlan {
  environment: { name: string; branch: string; cluster: string; clusterKind: string }
  model: {
    name: string
    version?: string
    uri: string
    contentHash: string
    manifestPath: string
  }
  /** The deployment serving the environment now. */
  live?: Pick<DeploymentRecord, 'id'> & {
    modelName: string
    modelVersion?: string
    contentHash: string
  }
  /** The candidate's metrics beside the live model's, sorted by name. */
  metrics: Array<{ name: string; candidate: unknown; live: unknown }>
  sameArtifact: { verdict: Verdict; note: string }
  approval: { required: boolean; verdict: Verdict; rule: string; approvers: string }
  workflow: {
    key: string
    remoteName: string
    project: string
    timeout: string
    arguments: Record<string, unknown>
  }
  /** Every reason the deploy would be refused before it runs (none: it would run). */
  refusals: string[]
}

export interface PlanDeps {
  config: PromoteConfig
  store: DeploymentStore
  log: Log
  /** The run the plan is made in (a deployment of this run in progress is not another deploy). */
  context?: Pick<RunContext, 'runUrl'>
  /** How approval would be decided: GitHub's environment rule on a runner, the terminal in the CLI. */
  approval: (environment: ResolvedEnvironment) => Promise<PromotionPlan['approval']>
}

export type PlanRequest = Pick<
  DeployRequest,
  'environment' | 'manifest' | 'arguments' | 'timeout' | 'overrideSameArtifact' | 'rollback'
>

export async function planDeploy(request: PlanRequest, deps: PlanDeps): Promise<PromotionPlan> {
  const { config, store } = deps
  const env = request.environment
  const { record } = request.manifest
  const refusals: string[] = []

  let timeoutMs = 0
  let workflow: PromotionPlan['workflow'] = {
    key: config.deployment.workflow,
    remoteName: config.deployment.workflow,
    project: env.projectName,
    timeout: '—',
    arguments: {}
  }
  try {
    const resolved = resolveWorkflow(
      config,
      config.deployment.workflow,
      env,
      request.arguments ?? {},
      request.timeout,
      // What deploy() passes itself: the manifest's repository path, readable by a remote run.
      {
        [MODEL_URI_ARGUMENT]: record.uri,
        [MANIFEST_PATH_ARGUMENT]: request.manifest.repositoryPath ?? request.manifest.path
      }
    )
    timeoutMs = resolved.timeoutMs
    workflow = {
      key: resolved.key,
      remoteName: resolved.remoteName,
      project: env.projectName,
      timeout: formatDuration(resolved.timeoutMs),
      arguments: sortedObject(resolved.arguments)
    }
  } catch (error) {
    if (!isConfigurationError(error)) throw error
    refusals.push(errorMessage(error))
  }

  let sameArtifact: PromotionPlan['sameArtifact']
  try {
    const check = await checkSameArtifact(config, env, record, store, {
      ...(request.overrideSameArtifact && { overrideReason: request.overrideSameArtifact }),
      rollback: request.rollback !== undefined,
      // The plan only reports: warnings belong to the deploy itself.
      log: quiet(deps.log)
    })
    sameArtifact = { verdict: check.verdict, note: check.note }
  } catch (error) {
    if (!isConfigurationError(error)) throw error
    sameArtifact = { verdict: 'fail', note: errorMessage(error) }
    refusals.push(errorMessage(error))
  }

  try {
    await refuseWhileAnotherDeployRuns(
      env.name,
      store,
      deps.context ?? {},
      timeoutMs,
      quiet(deps.log)
    )
  } catch (error) {
    if (!isConfigurationError(error)) throw error
    refusals.push(errorMessage(error))
  }

  const approval = await deps.approval(env)
  if (approval.verdict === 'fail') refusals.push(`approval: ${approval.rule}`)

  const records = await store.list(env.name, { limit: 100 })
  const current = liveDeployment(records)
  const live = current && {
    id: current.id,
    modelName: current.payload.modelName,
    ...(current.payload.modelVersion !== undefined && {
      modelVersion: current.payload.modelVersion
    }),
    contentHash: current.payload.contentHash
  }
  const liveMetrics = current?.payload.metrics ?? {}
  const names = [...new Set([...Object.keys(record.metrics), ...Object.keys(liveMetrics)])].sort()
  const metrics = names.map(name => ({
    name,
    candidate: record.metrics[name],
    live: current ? liveMetrics[name] : undefined
  }))

  return {
    environment: {
      name: env.name,
      branch: env.branch,
      cluster: env.cluster,
      clusterKind: env.clusterConfig.kind
    },
    model: {
      name: record.name,
      ...(record.version !== undefined && { version: record.version }),
      uri: record.uri,
      contentHash: record.contentHash,
      manifestPath: request.manifest.repositoryPath ?? request.manifest.path
    },
    ...(live && { live }),
    metrics,
    sameArtifact,
    approval,
    workflow,
    refusals
  }
}

function quiet(log: Log): Log {
  return {
    info: message => log.debug(message),
    debug: message => log.debug(message),
    warning: message => log.debug(message),
    error: message => log.debug(message),
    group: (_title, fn) => fn(),
    secret: value => log.secret(value)
  }
}

function sortedObject(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/** The plan as a report: the job summary, the terminal, the promotion PR and the approval notice. */
export function planReport(plan: PromotionPlan): Report {
  const { model, environment } = plan
  const verdict: Verdict = plan.refusals.length
    ? 'fail'
    : plan.sameArtifact.verdict === 'warn'
      ? 'warn'
      : 'info'
  const title = plan.refusals.length
    ? `Plan: deploying ${model.name} ${model.version ?? ''} to ${environment.name} would be refused`
    : `Plan: deploy ${model.name} ${model.version ?? ''} to ${environment.name}`
  const sections: ReportSection[] = []
  if (plan.refusals.length) {
    // Refusals that have their own section below are named here, not repeated.
    const items = plan.refusals.map(reason =>
      reason === plan.sameArtifact.note
        ? 'the same-artifact rule (see Same artifact)'
        : reason.startsWith('approval: ')
          ? 'approval (see Approval)'
          : reason
    )
    sections.push({ title: 'Would be refused', verdict: 'fail', items })
  }
  sections.push({
    title: 'Metrics',
    tables: [
      {
        columns: ['metric', 'this model', plan.live ? `live in ${environment.name}` : 'live'],
        rows: plan.metrics.length
          ? plan.metrics.map(m => [
              m.name,
              m.candidate === undefined ? '—' : formatValue(m.candidate),
              m.live === undefined ? '—' : formatValue(m.live)
            ])
          : [['(none)', '—', '—']]
      }
    ]
  })
  sections.push({
    title: 'Same artifact',
    verdict: plan.sameArtifact.verdict,
    text: [plan.sameArtifact.note]
  })
  sections.push({
    title: 'Approval',
    verdict: plan.approval.verdict,
    facts: [
      ['Required', plan.approval.required ? 'yes' : 'no'],
      ['Rule', plan.approval.rule],
      ['Who may approve', plan.approval.approvers]
    ]
  })
  const args = Object.entries(plan.workflow.arguments)
  sections.push({
    title: 'Pipeline',
    facts: [
      ['Workflow', `${plan.workflow.key} (submitted as ${plan.workflow.remoteName})`],
      ['Cluster', `${environment.cluster} (${environment.clusterKind})`],
      ['Project', plan.workflow.project],
      ['Timeout', plan.workflow.timeout]
    ],
    tables: [
      {
        columns: ['argument', 'value'],
        rows: args.length ? args.map(([k, v]) => [k, formatValue(v)]) : [['(none)', '']]
      }
    ]
  })
  return {
    title: title.replace(/\s+/g, ' '),
    verdict,
    facts: [
      ['Environment', `${environment.name} (branch ${environment.branch})`],
      ['Model', `${model.name} ${model.version ?? ''}`.trim()],
      ['URI', `\`${model.uri}\``],
      ['Content hash', `\`${shortHash(model.contentHash)}\``],
      ['Manifest', `\`${model.manifestPath}\``],
      [
        'Live now',
        plan.live
          ? `#${plan.live.id}: ${plan.live.modelName} ${plan.live.modelVersion ?? ''} (\`${shortHash(plan.live.contentHash)}\`)`.replace(
              /\s+\(/,
              ' ('
            )
          : 'nothing deployed yet'
      ]
    ],
    sections
  }
}

/** The approval part of a plan in the CLI: the person at the terminal approves. */
export function terminalApprovalPlan(
  environment: ResolvedEnvironment
): Promise<PromotionPlan['approval']> {
  return Promise.resolve(
    environment.requiresApproval
      ? {
          required: true,
          verdict: 'info',
          rule: `environments.${environment.name}.requireApproval (promote.yaml)`,
          approvers: 'the person at the terminal (or --yes)'
        }
      : {
          required: false,
          verdict: 'skip',
          rule: `environments.${environment.name}.requireApproval is false (promote.yaml)`,
          approvers: 'nobody needs to'
        }
  )
}

/** The approval part of a plan on a runner: GitHub's required-reviewers rule for the environment. */
export async function gitHubApprovalPlan(
  environment: ResolvedEnvironment,
  input: {
    required: boolean
    config: PromoteConfig['deployment']['approval']
    source: ApprovalSource
    actors: string[]
  }
): Promise<PromotionPlan['approval']> {
  if (!input.required) {
    return {
      required: false,
      verdict: 'skip',
      rule: `environments.${environment.name}.requireApproval is false (promote.yaml)`,
      approvers: 'nobody needs to'
    }
  }
  const protection = await input.source.getEnvironmentProtection(environment.name)
  const reviewers = protection?.requiredReviewers ?? []
  if (reviewers.length === 0) {
    const missing = protection
      ? `environment '${environment.name}' has no required-reviewers rule`
      : `environment '${environment.name}' does not exist on GitHub`
    return input.config.allowUnprotected
      ? {
          required: true,
          verdict: 'warn',
          rule: `${missing}; accepted by deployment.approval.allowUnprotected`,
          approvers: 'nobody is asked'
        }
      : {
          required: true,
          verdict: 'fail',
          rule: `${missing}, so nobody would be asked (add required reviewers to the environment)`,
          approvers: 'nobody: the deploy would be refused'
        }
  }
  const notActors = input.config.distinctApprover || protection?.preventSelfReview
  const actors = [...new Set(input.actors.filter(Boolean))]
  return {
    required: true,
    verdict: 'info',
    rule: `GitHub environment '${environment.name}': required reviewers${protection?.preventSelfReview ? ', prevent self-review' : ''}${input.config.distinctApprover ? '; deployment.approval.distinctApprover' : ''}`,
    approvers: `${reviewers.join(', ')}${
      !notActors
        ? ''
        : actors.length
          ? ` (not ${actors.join(', ')}, who started this run)`
          : ' (not whoever starts the deploy)'
    }`
  }
}

/** The plan as notify reads it (the compiler holds PromotionPlan to the facts' plan shape). */
export function planFacts(plan: PromotionPlan): PlanFacts {
  return { ...plan }
}

/**
 * The facts of a planned deploy, for the approval-pending notice: the model, the live model's
 * metrics beside its own, the plan, and where reviewers approve (this run's page). The state says
 * whether a reviewer is waited for; a plan that would be refused says so in its refusals, as the
 * deploy itself decides.
 */
export function plannedDeployFacts(
  plan: PromotionPlan,
  input: {
    config: PromoteConfig
    project: string
    rollback: boolean
    context: Pick<RunContext, 'runUrl' | 'sha' | 'actor' | 'triggeringActor'>
  }
): PipelineFacts {
  const numbers = (pick: (m: PromotionPlan['metrics'][number]) => unknown) =>
    Object.fromEntries(
      plan.metrics.flatMap(m => {
        const value = pick(m)
        return typeof value === 'number' ? [[m.name, value]] : []
      })
    )
  const champion = numbers(m => m.live)
  const workflowKey = input.config.deployment.workflow
  const { context } = input
  return {
    kind: input.rollback ? 'rollback' : 'deploy',
    project: input.project,
    environment: plan.environment.name,
    workflow: input.config.workflows[workflowKey]?.name ?? workflowKey,
    ...(context.runUrl && { logUrl: context.runUrl, reviewUrl: context.runUrl }),
    state: plan.approval.required ? 'approval-pending' : 'planned',
    model: {
      name: plan.model.name,
      ...(plan.model.version !== undefined && { version: plan.model.version }),
      uri: plan.model.uri,
      contentHash: plan.model.contentHash,
      metrics: numbers(m => m.candidate),
      ...(Object.keys(champion).length > 0 && { championMetrics: champion })
    },
    plan: planFacts(plan),
    steps: [],
    results: {},
    ...(/^[0-9a-f]{7,40}$/i.test(context.sha) && { commit: context.sha }),
    ...((context.triggeringActor ?? context.actor) && {
      actor: context.triggeringActor ?? context.actor
    })
  }
}
