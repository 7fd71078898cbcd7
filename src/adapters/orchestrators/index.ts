import type { ClusterConfig } from '../../core/config/schema.js'
import { resolveOptions, type OrchestratorOptions } from './options.js'
import type { Orchestrator } from './types.js'

export * from './types.js'
export type { OrchestratorOptions } from './options.js'
export {
  adaptiveSchedule,
  fixedSchedule,
  pollUntilDone,
  realClock,
  type Clock,
  type PollSchedule
} from './poll.js'

/**
 * The client for a cluster of the config: mlrun, kfp, argo, or a command on this machine. Each
 * client is imported when a cluster of its kind is used (a chunk of the bundle of its own), so a
 * step loads only the one it talks to.
 */
export async function createOrchestrator(
  cluster: ClusterConfig,
  options: OrchestratorOptions = {}
): Promise<Orchestrator> {
  const resolved = resolveOptions(options)
  switch (cluster.kind) {
    case 'command':
      return new (await import('./command.js')).CommandOrchestrator(cluster, resolved)
    case 'mlrun':
      return new (await import('./mlrun.js')).MlrunOrchestrator(cluster, resolved)
    case 'kfp':
      return new (await import('./kfp.js')).KfpOrchestrator(cluster, resolved)
    case 'argo':
      return new (await import('./argo.js')).ArgoOrchestrator(cluster, resolved)
  }
}
