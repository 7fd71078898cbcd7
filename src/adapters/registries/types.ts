import type { ModelRecord } from '../../core/manifest.js'
import type { PythonDict } from '../../core/yaml-export.js'

/**
 * One interface over MLRun's artifact store, MLflow's model registry and the local file registry.
 */
export interface ResolvedModel {
  record: ModelRecord
  /** The manifest to write under the export dir (MLRun: the artifact exactly as MLRun exports it). */
  manifest: Record<string, unknown>
  /**
   * The same manifest as Python values (ints as bigint, floats as number), when the registry's
   * answer tells `228.0` from `228` (MLRun's JSON does); export writes this one.
   */
  python?: PythonDict
}

export interface ModelRegistry {
  readonly kind: 'mlrun' | 'mlflow' | 'file'
  /** Resolves a model URI; throws a ConfigurationError with the registry's message if it does not resolve. */
  resolve(uri: string): Promise<ResolvedModel>
  /** Points `tag` (MLRun tag, MLflow alias, file pointer) at the model `record` describes. */
  setTag(record: ModelRecord, tag: string): Promise<void>
  /**
   * The URI of model `name` under `tag` in this registry (e.g. the champion). `project` (MLRun)
   * defaults to the config's project; pass the challenger's, whose lineage the tag belongs to.
   */
  uriForTag(name: string, tag: string, project?: string): string
  /**
   * The URI that names exactly the version `record` describes, whatever tag moved since
   * (MLRun: by tree and iteration; MLflow and file: by version). Used for drift checks.
   */
  pinnedUri(record: ModelRecord): string
}
