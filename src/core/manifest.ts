import { basename } from 'node:path'
import { stringify } from 'yaml'
import { z } from 'zod'
import { ConfigurationError } from './errors.js'
import { canonicalJson, sha256 } from './hash.js'
import { MAX_MANIFEST_BYTES, parseYamlSource, type YamlSource } from './yaml-source.js'
import { describeValue, readUserFile, requireMapping, validateWithSchema } from './config/load.js'
import { formatModelUri, parseModelUri } from './uri.js'

/**
 * The exported model manifest, shaped as an MLRun model artifact export (kind, metadata, spec,
 * status). MLflow and the file registry write the same shape. Loose objects: unknown fields are
 * kept, so a round trip loses nothing.
 */
const labelValue = z.union([z.string(), z.number(), z.boolean(), z.null()])
export const manifestSchema = z.looseObject({
  kind: z.string().min(1).describe('Artifact kind; models are `model`'),
  metadata: z.looseObject({
    key: z.string().min(1),
    project: z.string().optional(),
    iter: z.number().int().nonnegative().optional(),
    tree: z.string().optional(),
    tag: z.string().optional(),
    hash: z.string().optional(),
    uid: z.string().optional(),
    created: z.union([z.string(), z.date()]).optional(),
    updated: z.union([z.string(), z.date()]).optional(),
    labels: z.record(z.string(), labelValue).optional(),
    /** Set by non-MLRun registries: the URI this manifest was exported from. */
    uri: z.string().optional(),
    version: z.union([z.string(), z.number()]).optional()
  }),
  spec: z
    .looseObject({
      target_path: z.string().optional(),
      model_file: z.string().optional(),
      metrics: z
        .record(
          z.string(),
          z.number({
            error: issue =>
              `a metric must be a number (gates compare them), got ${describeValue(issue.input)}`
          })
        )
        .optional(),
      parameters: z.record(z.string(), z.unknown()).optional(),
      framework: z.string().optional(),
      algorithm: z.string().optional(),
      producer: z
        .looseObject({
          kind: z.string().optional(),
          name: z.string().optional(),
          uri: z.string().optional(),
          owner: z.string().optional(),
          workflow: z.string().optional()
        })
        .optional()
    })
    .default({}),
  status: z.looseObject({ state: z.string().optional() }).optional()
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
  const copy = structuredClone(raw) as { metadata?: Record<string, unknown> }
  if (copy.metadata) delete copy.metadata.tag
  return sha256(canonicalJson(copy))
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
  const source = parseYamlSource(file, text, { maxBytes: MAX_MANIFEST_BYTES })
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
  return parseManifest(file, await readUserFile(file, 'manifest not found'), options)
}

/** YAML text of a manifest, keys in their original order. */
export function stringifyManifest(raw: unknown): string {
  return stringify(raw, { lineWidth: 0, aliasDuplicateObjects: false })
}
