import { basename } from 'node:path'
import * as z from './zod.js'
import { ConfigurationError } from './errors.js'
import { canonicalJson, sha256 } from './hash.js'
import {
  MAX_MANIFEST_BYTES,
  MAX_MANIFEST_KEYS,
  parseYamlSource,
  type YamlSource
} from './yaml-source.js'
import { describeValue, readUserFile, requireMapping, validateWithSchema } from './config/load.js'
import { formatModelUri, parseModelUri } from './uri.js'
import { dumpPyYaml, fromJsValue, type PythonDict, type PythonValue } from './yaml-export.js'

/**
 * The exported model manifest, shaped as an MLRun model artifact export (kind, metadata, spec,
 * status). MLflow and the file registry write the same shape. Loose objects: unknown fields are
 * kept, so a round trip loses nothing.
 */
const labelValue = z.union([z.string(), z.number(), z.boolean(), z.null()])
export const manifestSchema = z.looseObject({
  kind: z.withDescription(z.string().check(z.minLength(1)), 'Artifact kind; models are `model`'),
  metadata: z.looseObject({
    key: z.string().check(z.minLength(1)),
    project: z.optional(z.string()),
    iter: z.optional(z.number().check(z.int(), z.nonnegative())),
    tree: z.optional(z.string()),
    tag: z.optional(z.string()),
    hash: z.optional(z.string()),
    uid: z.optional(z.string()),
    created: z.optional(z.union([z.string(), z.date()])),
    updated: z.optional(z.union([z.string(), z.date()])),
    labels: z.optional(z.record(z.string(), labelValue)),
    /** Set by non-MLRun registries: the URI this manifest was exported from. */
    uri: z.optional(z.string()),
    version: z.optional(z.union([z.string(), z.number()]))
  }),
  spec: z._default(
    z.looseObject({
      target_path: z.optional(z.string()),
      model_file: z.optional(z.string()),
      metrics: z.optional(
        z.record(
          z.string(),
          z.number({
            error: issue =>
              `a metric must be a number (gates compare them), got ${describeValue(issue.input)}`
          })
        )
      ),
      parameters: z.optional(z.record(z.string(), z.unknown())),
      framework: z.optional(z.string()),
      algorithm: z.optional(z.string()),
      producer: z.optional(
        z.looseObject({
          kind: z.optional(z.string()),
          name: z.optional(z.string()),
          uri: z.optional(z.string()),
          owner: z.optional(z.string()),
          workflow: z.optional(z.string())
        })
      )
    }),
    {}
  ),
  status: z.optional(z.looseObject({ state: z.optional(z.string()) }))
})

export type ModelManifest = z.output<typeof manifestSchema>

/** The registry-neutral view of one model version that gates, deploys and notifications use. */
export interface ModelRecord {
  name: string
  project?: string
  version?: string
  tag?: string
  iteration?: number
  tree?: string
  /** Where the model came from: store://..., models:/..., or a path. */
  uri: string
  /** Where the model file lives (target_path + model_file). */
  location?: string
  metrics: Record<string, number>
  parameters: Record<string, unknown>
  framework?: string
  algorithm?: string
  producerRun?: { kind?: string; name?: string; uri?: string; owner?: string; workflow?: string }
  /** The registry's own hash of the model file (MLRun metadata.hash). */
  artifactHash?: string
  /** sha256 of the manifest without its tag: equal for the same artifact under any tag. */
  contentHash: string
  created?: string
  updated?: string
  labels: Record<string, string>
  state?: string
}

export interface LoadedManifest {
  file: string
  /** The data exactly as read: write this back to round-trip. */
  raw: Record<string, unknown>
  manifest: ModelManifest
  record: ModelRecord
  source: YamlSource
}

export function manifestContentHash(raw: unknown): string {
  const isMapping = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
  // The tag is left out; canonicalJson copies as it sorts, so only the two levels that change are
  // copied here (a deep clone of a large export cost more than the hash).
  let hashed = raw
  if (isMapping(raw) && isMapping(raw.metadata)) {
    const { tag: _tag, ...metadata } = raw.metadata
    hashed = { ...raw, metadata }
  }
  return sha256(canonicalJson(hashed))
}

export function toModelRecord(manifest: ModelManifest, raw: unknown = manifest): ModelRecord {
  const { metadata, spec } = manifest
  const uri =
    metadata.uri ??
    formatModelUri({
      scheme: 'store',
      kind:
        manifest.kind === 'model'
          ? 'models'
          : manifest.kind === 'dataset'
            ? 'datasets'
            : 'artifacts',
      project: metadata.project ?? 'default',
      key: metadata.key,
      iter: metadata.iter ?? 0,
      ...(metadata.tag !== undefined && { tag: metadata.tag }),
      ...(metadata.tree !== undefined && { tree: metadata.tree })
    })
  const location = spec.target_path
    ? spec.model_file && !spec.target_path.endsWith(spec.model_file)
      ? `${spec.target_path.replace(/\/?$/, '/')}${spec.model_file}`
      : spec.target_path
    : undefined
  const time = (value: unknown) =>
    value instanceof Date ? value.toISOString() : (value as string | undefined)
  return {
    name: metadata.key,
    ...(metadata.project !== undefined && { project: metadata.project }),
    ...(metadata.version !== undefined
      ? { version: String(metadata.version) }
      : metadata.iter !== undefined || metadata.tree !== undefined
        ? { version: `${metadata.tree ?? ''}#${metadata.iter ?? 0}`.replace(/^#/, '') }
        : {}),
    ...(metadata.tag !== undefined && { tag: metadata.tag }),
    ...(metadata.iter !== undefined && { iteration: metadata.iter }),
    ...(metadata.tree !== undefined && { tree: metadata.tree }),
    uri,
    ...(location !== undefined && { location }),
    metrics: { ...(spec.metrics ?? {}) },
    parameters: { ...(spec.parameters ?? {}) },
    ...(spec.framework !== undefined && { framework: spec.framework }),
    ...(spec.algorithm !== undefined && { algorithm: spec.algorithm }),
    ...(spec.producer !== undefined && { producerRun: spec.producer }),
    ...(metadata.hash !== undefined && { artifactHash: metadata.hash }),
    contentHash: manifestContentHash(raw),
    ...(metadata.created !== undefined && { created: time(metadata.created) }),
    ...(metadata.updated !== undefined && { updated: time(metadata.updated) }),
    labels: Object.fromEntries(
      Object.entries(metadata.labels ?? {}).map(([k, v]) => [k, String(v)])
    ),
    ...(manifest.status?.state !== undefined && { state: manifest.status.state })
  }
}

/**
 * Parses `<key>:<tag>.yaml`. Returns undefined for names without a colon.
 */
export function parseManifestFileName(file: string): { key: string; tag: string } | undefined {
  const match = /^(.+):([^:]+)\.ya?ml$/.exec(basename(file))
  return match ? { key: match[1]!, tag: match[2]! } : undefined
}

export interface ManifestCheckOptions {
  /** Tags that may appear in file names whatever the manifest's own registry tag is. */
  knownTags?: string[]
}

export function parseManifest(
  file: string,
  text: string,
  options: ManifestCheckOptions = {}
): LoadedManifest {
  return checkManifest(parseManifestYaml(file, text), options)
}

/** A manifest's YAML, parsed with the manifest budgets (size, keys), not yet checked. */
export function parseManifestYaml(file: string, text: string): YamlSource {
  return parseYamlSource(file, text, { maxBytes: MAX_MANIFEST_BYTES, maxKeys: MAX_MANIFEST_KEYS })
}

/** Checks parsed manifest YAML (schema, file name against key and tag): parse once, check here. */
export function checkManifest(
  source: YamlSource,
  options: ManifestCheckOptions = {}
): LoadedManifest {
  const file = source.file
  requireMapping(source, 'a model manifest mapping (kind, metadata, spec)')
  const manifest = validateWithSchema(source, manifestSchema)
  const named = parseManifestFileName(file)
  if (named) {
    const problems = []
    if (named.key !== manifest.metadata.key) {
      problems.push({
        file,
        ...source.positionOf(['metadata', 'key']),
        path: 'metadata.key',
        message: `key '${manifest.metadata.key}' disagrees with the file name, which says '${named.key}'`
      })
    }
    const allowedTags = new Set([
      ...(options.knownTags ?? []),
      ...(manifest.metadata.tag ? [manifest.metadata.tag] : [])
    ])
    if (!allowedTags.has(named.tag)) {
      problems.push({
        file,
        ...source.positionOf(['metadata', 'tag']),
        path: 'metadata.tag',
        message: `the file name's tag '${named.tag}' is neither the manifest's tag '${manifest.metadata.tag ?? '(none)'}' nor one of ${[...(options.knownTags ?? [])].join(', ') || '(none configured)'}`
      })
    }
    if (problems.length)
      throw new ConfigurationError(problems, `${file}: file name disagrees with the manifest`)
  }
  if (manifest.metadata.uri !== undefined) {
    try {
      parseModelUri(manifest.metadata.uri)
    } catch (error) {
      throw new ConfigurationError([
        {
          file,
          ...source.positionOf(['metadata', 'uri']),
          path: 'metadata.uri',
          message: (error as Error).message
        }
      ])
    }
  }
  const raw = source.data as Record<string, unknown>
  return { file, raw, manifest, record: toModelRecord(manifest, raw), source }
}

export async function loadManifest(
  file: string,
  options: ManifestCheckOptions = {}
): Promise<LoadedManifest> {
  return parseManifest(
    file,
    await readUserFile(file, 'manifest not found', MAX_MANIFEST_BYTES),
    options
  )
}

/**
 * YAML text of a manifest as MLRun writes it (PyYAML's `safe_dump`, see yaml-export.ts), keys in
 * their original order: YAML 1.1 readers (MLRun's PyYAML) and YAML 1.2 readers (ours) read back
 * the same values. Pass Python values (ints as bigint) to keep floats such as `228.0` floats;
 * plain JavaScript data writes integral numbers as ints.
 */
export function stringifyManifest(raw: unknown): string {
  const value = raw instanceof Map ? (raw as PythonDict) : fromJsValue(raw)
  if (!(value instanceof Map)) throw new TypeError('a manifest must be a mapping')
  return dumpPyYaml(value)
}

// ---------------------------------------------------------------------------------------------
// What MLRun's artifact.export() writes

/**
 * The fields MLRun's `to_dict` writes for a model artifact, in the order the classes declare them
 * (mlrun/artifacts/base.py `Artifact._dict_fields`, `ArtifactMetadata._dict_fields` +
 * `_extra_fields`, `ArtifactSpec._dict_fields` + `_extra_fields`, `ArtifactStatus._dict_fields`;
 * mlrun/artifacts/model.py `ModelArtifactSpec._dict_fields`; mlrun/features.py `Feature._dict_fields`).
 * Anything else the API answers with (`metadata.uid`, `metadata.created`, fields of newer MLRun
 * versions) is not written by `export()`.
 */
export const MLRUN_EXPORT_FIELDS = {
  artifact: ['kind', 'metadata', 'spec', 'status'],
  metadata: ['key', 'project', 'iter', 'tree', 'description', 'hash', 'tag', 'updated', 'labels'],
  modelSpec: [
    'src_path',
    'target_path',
    'viewer',
    'inline',
    'format',
    'size',
    'db_key',
    'extra_data',
    'unpackaging_instructions',
    'producer',
    'model_file',
    'metrics',
    'parameters',
    'inputs',
    'outputs',
    'framework',
    'algorithm',
    'feature_vector',
    'feature_weights',
    'feature_stats',
    'model_target_file',
    'annotations',
    'sources',
    'license',
    'encoding'
  ],
  status: ['state', 'stats', 'preview', 'header_original_length'],
  feature: [
    'name',
    'description',
    'value_type',
    'dims',
    'default',
    'labels',
    'aggregate',
    'validator',
    'origin'
  ]
} as const

/**
 * Key order of the MLRun objects in an existing export. MLRun's `to_dict` iterates a Python `set`
 * of field names, so every process writes them in another (hash-seeded) order and the order means
 * nothing; re-exporting in the order of the file being replaced keeps the diff to what changed.
 */
export interface MlrunKeyOrder {
  artifact?: string[]
  metadata?: string[]
  spec?: string[]
  status?: string[]
  feature?: string[]
}

/**
 * The key order of the MLRun objects in a previous export, read from its lines without parsing
 * it (a manifest may be megabytes of feature statistics). Block-style YAML as PyYAML writes it;
 * for anything else the order found may be partial, which only costs diff noise.
 */
export function mlrunKeyOrder(text: string): MlrunKeyOrder {
  const order: Required<MlrunKeyOrder> = {
    artifact: [],
    metadata: [],
    spec: [],
    status: [],
    feature: []
  }
  const add = (list: string[], key: string) => {
    if (!list.includes(key)) list.push(key)
  }
  let section: 'metadata' | 'spec' | 'status' | undefined
  let featureIndent: number | undefined
  // A key at the start of a line, after its indentation and a sequence dash.
  const line = /( *)(- +)?([A-Za-z_][A-Za-z0-9_]*):(?: |\n|$)/y
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    // MLRun's own fields sit at most 6 columns deep; feature statistics are deeper.
    line.lastIndex = start
    const match = text.startsWith('       ', start) ? null : line.exec(text)
    if (match) {
      const indent = match[1]!.length
      const dash = match[2]
      const key = match[3]!
      if (indent === 0 && !dash) {
        add(order.artifact, key)
        section = key === 'metadata' || key === 'spec' || key === 'status' ? key : undefined
        featureIndent = undefined
      } else if (section && indent === 2 && !dash) {
        add(order[section], key)
        featureIndent =
          section === 'spec' && (key === 'inputs' || key === 'outputs') ? 2 : undefined
      } else if (featureIndent !== undefined && dash && indent >= featureIndent) {
        add(order.feature, key)
        featureIndent = indent
      } else if (featureIndent !== undefined && !dash && indent === featureIndent + 2) {
        add(order.feature, key)
      }
    }
    start = end + 1
  }
  return order
}

const isEmpty = (value: PythonValue | undefined) =>
  value === undefined ||
  value === null ||
  (Array.isArray(value) && value.length === 0) ||
  (value instanceof Map && value.size === 0)

/**
 * `ModelObj.to_dict` (mlrun/model.py) of an object built by `from_dict`: the declared fields, in
 * `order` first, then in declaration order; a field that is None or an empty dict or list is
 * left out (`_is_valid_field_value_for_serialization`). `defaults` are what the constructor sets
 * when the field is absent; `objects` build the fields that are objects themselves (metadata,
 * spec, status, features), which exist even when absent and are left out when they come out empty.
 */
function modelObj(
  source: PythonValue | undefined,
  fields: readonly string[],
  order: string[] | undefined,
  defaults: Record<string, PythonValue> = {},
  objects: Record<string, (value: PythonValue | undefined) => PythonValue> = {}
): PythonDict {
  const struct = source instanceof Map ? source : new Map<string, PythonValue>()
  const result: PythonDict = new Map()
  for (const field of [...(order ?? []).filter(key => fields.includes(key)), ...fields]) {
    if (result.has(field)) continue
    let value = struct.has(field) ? struct.get(field) : defaults[field]
    const build = objects[field]
    if (build) value = build(value)
    if (!isEmpty(value)) result.set(field, value!)
  }
  return result
}

/**
 * The model artifact as MLRun's own `artifact.export("<key>:<tag>.yaml")` writes it
 * (mlrun/artifacts/base.py `Artifact.export` → `to_yaml` → `to_dict`), from the artifact the
 * MLRun API answers with (server/api/api/endpoints/artifacts_v2.py `get_artifact`): only the
 * fields `to_dict` writes, the defaults the constructors leave (`status.state: created`,
 * `spec.license: ''`, a feature's `value_type: str`), `spec.inputs`/`outputs` as `ObjectList`s of
 * `Feature`s (one per name, mlrun/model.py `ObjectList.from_list`). Artifacts of other kinds keep
 * their spec as it is (their spec classes declare other fields).
 */
export function mlrunArtifactExport(artifact: PythonDict, order: MlrunKeyOrder = {}): PythonDict {
  const fields = MLRUN_EXPORT_FIELDS
  const kind = artifact.get('kind') ?? 'artifact'
  const features = (value: PythonValue | undefined): PythonValue | undefined => {
    if (!Array.isArray(value)) return value
    const byName = new Map<PythonValue, PythonValue>()
    for (const feature of value) {
      if (!(feature instanceof Map)) return value
      byName.set(
        feature.get('name') ?? null,
        modelObj(feature, fields.feature, order.feature, { value_type: 'str' })
      )
    }
    return [...byName.values()]
  }
  return modelObj(
    artifact,
    fields.artifact,
    order.artifact,
    { kind },
    {
      metadata: value => modelObj(value, fields.metadata, order.metadata),
      spec: value =>
        kind === 'model'
          ? modelObj(value, fields.modelSpec, order.spec, { license: '' }, {
              inputs: features,
              outputs: features
            } as Record<string, (value: PythonValue | undefined) => PythonValue>)
          : (value ?? null),
      status: value => modelObj(value, fields.status, order.status, { state: 'created' })
    }
  )
}
