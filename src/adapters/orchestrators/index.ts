import type { ClusterConfig } from '../../core/config/schema.js'
import { CommandOrchestrator } from './command.js'
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
    default:
      throw new Error(`the ${cluster.kind} client is being built`)
  }
}
