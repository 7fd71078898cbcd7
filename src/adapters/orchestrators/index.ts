import type { ClusterConfig } from '../../core/config/schema.js'
import { ArgoOrchestrator } from './argo.js'
import { CommandOrchestrator } from './command.js'
import { KfpOrchestrator } from './kfp.js'
import { MlrunOrchestrator } from './mlrun.js'
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

/** The client for a cluster of the config: mlrun, kfp, argo, or a command on this machine. */
export function createOrchestrator(
  cluster: ClusterConfig,
  options: OrchestratorOptions = {}
): Orchestrator {
  const resolved = resolveOptions(options)
  switch (cluster.kind) {
    case 'command':
      return new CommandOrchestrator(cluster, resolved)
    case 'mlrun':
      return new MlrunOrchestrator(cluster, resolved)
    case 'kfp':
      return new KfpOrchestrator(cluster, resolved)
    case 'argo':
      return new ArgoOrchestrator(cluster, resolved)
  }
}
