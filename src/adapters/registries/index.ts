import { ConfigurationError } from '../../core/errors.js'
import type { PromoteConfig } from '../../core/config/schema.js'
import { basic, bearer, type HttpClientOptions } from '../http.js'
import type { ModelRegistry } from './types.js'

export type { ModelRegistry, ResolvedModel } from './types.js'
export { register, type RegisterRequest, type RegisteredVersion } from './file.js'

export interface RegistryOptions {
  /** Base for a relative file-registry path (default: process.cwd()). */
  cwd?: string
  /** The file registry reads nothing outside this directory (the repository, for lint-test). */
  confineTo?: string
  /** Retry and transport knobs (tests shorten the backoff). */
  http?: Partial<Pick<HttpClientOptions, 'retry' | 'sleep' | 'fetch' | 'timeoutMs'>>
}

function secret(
  env: NodeJS.ProcessEnv,
  name: string | undefined,
  what: string
): string | undefined {
  if (!name) return undefined
  const value = env[name]
  if (!value)
    throw new ConfigurationError(
      `${what}: environment variable ${name} is empty or unset (pass the secret to the step as env: ${name}: \${{ secrets.${name} }})`
    )
  return value
}

/** Knobs from the environment: PROMOTE_HTTP_RETRIES and PROMOTE_HTTP_RETRY_DELAY_MS. */
function httpFromEnv(env: NodeJS.ProcessEnv): RegistryOptions['http'] {
  const attempts = Number(env.PROMOTE_HTTP_RETRIES)
  const delay = Number(env.PROMOTE_HTTP_RETRY_DELAY_MS)
  const retry = {
    ...(Number.isInteger(attempts) && attempts > 0 && { attempts }),
    ...(Number.isFinite(delay) &&
      delay >= 0 &&
      env.PROMOTE_HTTP_RETRY_DELAY_MS !== undefined && {
        baseDelayMs: delay,
        maxDelayMs: Math.max(delay * 8, 1)
      })
  }
  return Object.keys(retry).length ? { retry } : {}
}

/**
 * The registry promote.yaml names, with credentials read from the environment variables it names.
 * Each kind's client is imported only when promote.yaml names that kind (a chunk of its own).
 */
export async function createRegistry(
  config: PromoteConfig,
  env: NodeJS.ProcessEnv,
  options: RegistryOptions = {}
): Promise<ModelRegistry> {
  const registry = config.model.registry
  const http = { ...httpFromEnv(env), ...options.http }
  switch (registry.kind) {
    case 'file':
      return new (await import('./file.js')).FileRegistry({
        root: registry.path,
        cwd: options.cwd ?? process.cwd(),
        project: config.project,
        ...(options.confineTo !== undefined && { confineTo: options.confineTo })
      })
    case 'mlflow': {
      const where = 'model.registry (mlflow)'
      const username = secret(env, registry.usernameEnv, where)
      const password = secret(env, registry.passwordEnv, where)
      if ((username === undefined) !== (password === undefined)) {
        throw new ConfigurationError(`${where}: Basic auth needs both usernameEnv and passwordEnv`)
      }
      const headers =
        username !== undefined
          ? basic(username, password!)
          : bearer(secret(env, registry.tokenEnv, where))
      return new (await import('./mlflow.js')).MlflowRegistry({
        url: registry.url,
        project: config.project,
        headers,
        http
      })
    }
    case 'mlrun': {
      const clusterName =
        registry.cluster ??
        Object.keys(config.clusters).find(n => config.clusters[n]!.kind === 'mlrun')
      const cluster = clusterName ? config.clusters[clusterName] : undefined
      if (!cluster || cluster.kind !== 'mlrun')
        throw new ConfigurationError(
          'model.registry: an mlrun registry needs an mlrun cluster under `clusters`'
        )
      const where = `clusters.${clusterName}`
      const headers: Record<string, string> = { 'x-mlrun-client-version': cluster.clientVersion }
      const username = secret(env, cluster.usernameEnv, where)
      const accessKey = secret(env, cluster.accessKeyEnv, where)
      if (username !== undefined && accessKey !== undefined) {
        Object.assign(headers, basic(username, accessKey))
      } else {
        Object.assign(headers, bearer(secret(env, cluster.tokenEnv, where)))
      }
      return new (await import('./mlrun.js')).MlrunRegistry({
        url: cluster.url,
        project: config.project,
        headers,
        http
      })
    }
  }
}

/** Values of the secrets the registry config names, to mask before anything is logged. */
export function registrySecrets(config: PromoteConfig, env: NodeJS.ProcessEnv): string[] {
  const registry = config.model.registry
  const names: Array<string | undefined> = []
  if (registry.kind === 'mlflow') names.push(registry.tokenEnv, registry.passwordEnv)
  if (registry.kind === 'mlrun') {
    for (const cluster of Object.values(config.clusters)) {
      if (cluster.kind === 'mlrun') names.push(cluster.tokenEnv, cluster.accessKeyEnv)
    }
  }
  return names.flatMap(name => (name && env[name] ? [env[name]!] : []))
}
