import { ConfigurationError } from '../errors.js'
import { parseDuration } from '../duration.js'
import type {
  ClusterConfig,
  EnvironmentConfig,
  GatesConfig,
  PromoteConfig,
  WorkflowConfig
} from './schema.js'

export interface ResolvedEnvironment extends EnvironmentConfig {
  name: string
  /** Position in the promotion order (0 = first). */
  index: number
  requiresApproval: boolean
  clusterConfig: ClusterConfig
  /** Project name with the environment's suffix. */
  projectName: string
}

export function environmentNames(config: PromoteConfig): string[] {
  return Object.keys(config.environments)
}

/** Picks an environment by name, or else the one whose branch is `branch`. */
export function resolveEnvironment(
  config: PromoteConfig,
  selector: { name?: string | undefined; branch?: string | undefined }
): ResolvedEnvironment {
  const names = environmentNames(config)
  let name = selector.name || undefined
  if (!name && selector.branch) {
    name = names.find(n => config.environments[n]!.branch === selector.branch)
    if (!name) {
      throw new ConfigurationError(
        `no environment deploys from branch '${selector.branch}'; branches: ${names
          .map(n => `${n}=${config.environments[n]!.branch}`)
          .join(', ')} (set the environment input or --env)`
      )
    }
  }
  if (!name) throw new ConfigurationError(`choose an environment: ${names.join(', ')}`)
  const env = Object.hasOwn(config.environments, name) ? config.environments[name] : undefined
  if (!env)
    throw new ConfigurationError(`unknown environment '${name}'; defined: ${names.join(', ')}`)
  const index = names.indexOf(name)
  return {
    ...env,
    name,
    index,
    requiresApproval: env.requireApproval ?? index > 0,
    clusterConfig: config.clusters[env.cluster]!,
    projectName: `${config.project}${env.projectSuffix ?? ''}`
  }
}

export function previousEnvironment(
  config: PromoteConfig,
  envName: string
): ResolvedEnvironment | undefined {
  const names = environmentNames(config)
  const index = names.indexOf(envName)
  return index > 0 ? resolveEnvironment(config, { name: names[index - 1] }) : undefined
}

export function isLastEnvironment(config: PromoteConfig, envName: string): boolean {
  const names = environmentNames(config)
  return names[names.length - 1] === envName
}

export interface ResolvedWorkflow extends WorkflowConfig {
  key: string
  remoteName: string
  timeoutMs: number
  /** config arguments, then the environment's overrides, then the caller's. */
  arguments: Record<string, unknown>
}

export function resolveWorkflow(
  config: PromoteConfig,
  workflowKey: string,
  env: ResolvedEnvironment,
  overrides: Record<string, unknown> = {},
  timeoutOverride?: string
): ResolvedWorkflow {
  const workflow = Object.hasOwn(config.workflows, workflowKey)
    ? config.workflows[workflowKey]
    : undefined
  if (!workflow) {
    throw new ConfigurationError(
      `unknown workflow '${workflowKey}'; defined in the config: ${Object.keys(config.workflows).join(', ') || '(none)'}`
    )
  }
  return {
    ...workflow,
    key: workflowKey,
    remoteName: workflow.name ?? workflowKey,
    timeoutMs: parseDuration(timeoutOverride || workflow.timeout),
    arguments: { ...workflow.arguments, ...(env.arguments[workflowKey] ?? {}), ...overrides }
  }
}

/** The gates in force for an environment: the global ones with its overrides merged per metric. */
export function gatesFor(config: PromoteConfig, envName?: string): GatesConfig {
  const overrides = envName ? (config.environments[envName]?.gates ?? {}) : {}
  const merged: GatesConfig = { ...config.gates }
  for (const [metric, rule] of Object.entries(overrides)) {
    const set = Object.fromEntries(Object.entries(rule).filter(([, value]) => value !== undefined))
    merged[metric] = { better: 'higher', ...merged[metric], ...set }
  }
  return merged
}

export function manifestFileName(key: string, tag: string): string {
  return `${key}:${tag}.yaml`
}

export function challengerManifestPath(config: PromoteConfig): string {
  return `${config.model.exportDir}/${manifestFileName(config.model.name, config.model.challengerTag)}`
}
