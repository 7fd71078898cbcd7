import { ConfigurationError } from '../errors.js'
import { parseDuration } from '../duration.js'
import { resolveArguments } from './parameters.js'
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

/**
 * mlrun/utils/helpers.py normalize_project_username: lowercase, the part before '@', only
 * [a-z0-9-_] (inflection.parameterize with no separator, after an ASCII transliteration), '_' as
 * '-', no trailing '-' or '_'.
 */
export function normalizeProjectUsername(username: string): string {
  const local = username.toLowerCase().split('@')[0] ?? ''
  // unicodedata NFKD, then encode('ascii', 'ignore') (inflection.transliterate).
  const ascii = local.normalize('NFKD').replace(/[\u0080-\uffff]/g, '')
  return ascii
    .replace(/[^a-z0-9\-_]+/gi, '')
    .toLowerCase()
    .replaceAll('_', '-')
    .replace(/[-_]+$/, '')
}

/**
 * The project name MLRun gets for an environment: the config's project, the environment's
 * suffix, then, with `userProject`, '-<user>' as mlrun/projects/project.py
 * _add_username_to_project_name_if_needed adds it (the user from the cluster's usernameEnv, the
 * V3IO_USERNAME MLRun reads).
 */
export function environmentProjectName(
  config: PromoteConfig,
  envName: string,
  env: Record<string, string | undefined>
): string {
  const environment = config.environments[envName]!
  const base = `${config.project}${environment.projectSuffix ?? ''}`
  if (!environment.userProject) return base
  const cluster = config.clusters[environment.cluster]
  const variable = cluster?.kind === 'mlrun' ? cluster.usernameEnv : undefined
  const username = variable ? env[variable] : undefined
  if (!variable || !username) {
    throw new ConfigurationError(
      `environment '${envName}' has userProject: true, so its MLRun project is '${base}-<user>', but ${variable ? `the environment variable ${variable} is empty or unset (pass it to the step: env: ${variable}: \${{ secrets.${variable} }})` : `cluster '${environment.cluster}' names no usernameEnv (set usernameEnv: V3IO_USERNAME)`}`
    )
  }
  const user = normalizeProjectUsername(username)
  if (!user)
    throw new ConfigurationError(
      `environment '${envName}' has userProject: true, but the user name in ${variable} has no letters or digits MLRun keeps`
    )
  return `${base}-${user}`
}

/** Picks an environment by name, or else the one whose branch is `branch`. */
export function resolveEnvironment(
  config: PromoteConfig,
  selector: {
    name?: string | undefined
    branch?: string | undefined
    /** Variables the cluster's usernameEnv is read from (userProject); default process.env. */
    env?: Record<string, string | undefined> | undefined
  }
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
    projectName: environmentProjectName(config, name, selector.env ?? process.env)
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
  /**
   * The parameters' defaults, then config arguments, the environment's overrides, promote-actions'
   * own (deploy: model_uri, manifest_path) and the caller's; checked against `parameters`.
   */
  arguments: Record<string, unknown>
}

/**
 * A workflow of the config, ready to submit. When it declares `parameters`, its arguments are
 * checked here (unknown names, types, required ones missing): a ConfigurationError before
 * anything is submitted. `supplied` are arguments promote-actions passes itself, allowed without a
 * declared parameter.
 */
export function resolveWorkflow(
  config: PromoteConfig,
  workflowKey: string,
  env: ResolvedEnvironment,
  overrides: Record<string, unknown> = {},
  timeoutOverride?: string,
  supplied: Record<string, unknown> = {}
): ResolvedWorkflow {
  const workflow = Object.hasOwn(config.workflows, workflowKey)
    ? config.workflows[workflowKey]
    : undefined
  if (!workflow) {
    throw new ConfigurationError(
      `unknown workflow '${workflowKey}'; defined in the config: ${Object.keys(config.workflows).join(', ') || '(none)'}`
    )
  }
  const args = resolveArguments(workflowKey, workflow.parameters, [
    { from: `workflows.${workflowKey}.arguments`, values: workflow.arguments },
    {
      from: `environments.${env.name}.arguments.${workflowKey}`,
      values: env.arguments[workflowKey] ?? {}
    },
    { from: 'promote-actions', values: supplied, builtIn: true },
    { from: 'the `arguments` input / --arg', values: overrides }
  ])
  return {
    ...workflow,
    key: workflowKey,
    remoteName: workflow.name ?? workflowKey,
    timeoutMs: parseDuration(timeoutOverride || workflow.timeout),
    arguments: args
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
