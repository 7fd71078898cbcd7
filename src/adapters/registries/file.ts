import { lstat, mkdir, readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { ConfigurationError } from '../../core/errors.js'
import {
  readRepoText,
  readUserText,
  requireDirectoryInside,
  writeFileAtomic
} from '../../core/fs.js'
import { sha256 } from '../../core/hash.js'
import { parseManifest, stringifyManifest, type ModelRecord } from '../../core/manifest.js'
import { formatModelUri, parseModelUri, type ModelUri } from '../../core/uri.js'
import { MAX_MANIFEST_BYTES } from '../../core/yaml-source.js'
import type { ModelRegistry, ResolvedModel } from './types.js'

/**
 * A model registry in a directory, for projects without MLRun or MLflow (and the quickstart):
 *
 *   <root>/<name>/versions/<n>/model.yaml     the manifest (MLRun shape; metadata.version = n)
 *   <root>/<name>/versions/<n>/<model file>   the model itself
 *   <root>/<name>/tags/<tag>                  the version number the tag points at
 *
 * URIs: models:/<name>/<n>, models:/<name>@<tag>, or a path to a model.yaml. A version exists
 * once its model.yaml does; every file is written atomically, so readers never see a half version.
 */
export const MANIFEST_FILE = 'model.yaml'
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/
const TAG = /^[A-Za-z0-9_-]+$/

export interface RegisterRequest {
  /** Registry directory (promote.yaml model.registry.path), relative to cwd or absolute. */
  root: string
  /** Registered model name (promote.yaml model.name). */
  name: string
  /** Path of the trained model file to copy into the version. */
  modelFile: string
  metrics?: Record<string, number>
  parameters?: Record<string, unknown>
  project?: string
  framework?: string
  algorithm?: string
  labels?: Record<string, string | number | boolean>
  producer?: { kind?: string; name?: string; uri?: string; owner?: string; workflow?: string }
  /** Tags to point at the new version, e.g. ['latest']. */
  tags?: string[]
  /** Base for relative paths (default: process.cwd()). */
  cwd?: string
  /** For tests: the creation time. */
  now?: Date
}

export interface RegisteredVersion {
  name: string
  version: number
  uri: string
  /** The version's model.yaml. */
  manifestPath: string
  /** The copied model file inside the version directory. */
  modelPath: string
  /** sha256 of the model file (metadata.hash). */
  hash: string
}

function checkName(name: string, what: string): void {
  if (!NAME.test(name))
    throw new ConfigurationError(`${what} '${name}' must be letters, digits, '.', '-' or '_'`)
}

function checkTag(tag: string): void {
  if (!TAG.test(tag))
    throw new ConfigurationError(`tag '${tag}' must be letters, digits, '-' or '_'`)
}

async function versionsOf(modelDir: string): Promise<number[]> {
  let entries: string[]
  try {
    entries = await readdir(join(modelDir, 'versions'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return entries
    .filter(e => /^[1-9]\d*$/.test(e))
    .map(Number)
    .sort((a, b) => a - b)
}

function metricsOf(metrics: Record<string, number>): Record<string, number> {
  for (const [key, value] of Object.entries(metrics)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ConfigurationError(
        `metric '${key}' must be a finite number, got ${JSON.stringify(value)}`
      )
    }
  }
  return { ...metrics }
}

/**
 * Registers a new version of `name`: copies the model file in, writes its manifest, and moves
 * `tags` to it. Safe against concurrent registrations (each claims its version directory).
 */
export async function register(request: RegisterRequest): Promise<RegisteredVersion> {
  checkName(request.name, 'model name')
  for (const tag of request.tags ?? []) checkTag(tag)
  const cwd = request.cwd ?? process.cwd()
  const root = resolve(cwd, request.root)
  const modelDir = join(root, request.name)
  const source = resolve(cwd, request.modelFile)
  let content: Buffer
  try {
    if (!(await stat(source)).isFile())
      throw new ConfigurationError(`model file ${request.modelFile} is not a file`)
    content = await readFile(source)
  } catch (error) {
    if (error instanceof ConfigurationError) throw error
    throw new ConfigurationError(
      `cannot read model file ${request.modelFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`
    )
  }
  const metrics = metricsOf(request.metrics ?? {})
  await mkdir(join(modelDir, 'versions'), { recursive: true })

  // Claim the next free number: mkdir without `recursive` fails if another writer took it.
  let version = ((await versionsOf(modelDir)).at(-1) ?? 0) + 1
  let versionDir: string
  for (;;) {
    versionDir = join(modelDir, 'versions', String(version))
    try {
      await mkdir(versionDir)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      version++
    }
  }
  const modelFileName = basename(source)
  const modelPath = join(versionDir, modelFileName)
  const hash = sha256(content)
  const uri = formatModelUri({ scheme: 'models', name: request.name, version: String(version) })
  const targetDir = isAbsolute(request.root) ? versionDir : relative(cwd, versionDir)
  const manifest = {
    kind: 'model',
    metadata: {
      key: request.name,
      ...(request.project !== undefined && { project: request.project }),
      version,
      uri,
      hash,
      created: (request.now ?? new Date()).toISOString(),
      ...(request.labels && Object.keys(request.labels).length > 0 && { labels: request.labels })
    },
    spec: {
      target_path: `${targetDir.split('\\').join('/')}/`,
      model_file: modelFileName,
      size: content.length,
      metrics,
      parameters: { ...(request.parameters ?? {}) },
      ...(request.framework !== undefined && { framework: request.framework }),
      ...(request.algorithm !== undefined && { algorithm: request.algorithm }),
      ...(request.producer !== undefined && { producer: request.producer })
    },
    status: { state: 'created' }
  }
  await writeFileAtomic(modelPath, content)
  // Written last: its presence is what makes the version exist.
  await writeFileAtomic(join(versionDir, MANIFEST_FILE), stringifyManifest(manifest))
  for (const tag of request.tags ?? [])
    await writeFileAtomic(join(modelDir, 'tags', tag), `${version}\n`)
  return {
    name: request.name,
    version,
    uri,
    manifestPath: join(versionDir, MANIFEST_FILE),
    modelPath,
    hash
  }
}

export interface FileRegistryOptions {
  root: string
  cwd?: string
  project?: string
  /**
   * A repository root the registry must not read outside of (lint-test and promote validate,
   * where promote.yaml and the manifests' URIs come from a pull request).
   */
  confineTo?: string
}

/** Whether something (even a dangling link) is at `path`. */
const present = (path: string) =>
  lstat(path).then(
    () => true,
    () => false
  )

export class FileRegistry implements ModelRegistry {
  readonly kind = 'file' as const
  private readonly root: string

  constructor(private readonly options: FileRegistryOptions) {
    this.root = resolve(options.cwd ?? process.cwd(), options.root)
  }

  uriForTag(name: string, tag: string): string {
    return formatModelUri({ scheme: 'models', name, alias: tag })
  }

  pinnedUri(record: ModelRecord): string {
    return record.version
      ? formatModelUri({ scheme: 'models', name: record.name, version: record.version })
      : record.uri
  }

  private async readTag(name: string, tag: string, uri: string): Promise<string> {
    const tagFile = join(this.root, name, 'tags', tag)
    try {
      if (this.options.confineTo)
        await requireDirectoryInside(this.options.confineTo, dirname(tagFile), dirname(tagFile))
      if (!(await present(tagFile)))
        throw Object.assign(new Error('no tag file'), { code: 'ENOENT' })
      const text = (await this.readText(tagFile, 1024)).trim()
      if (!/^[1-9]\d*$/.test(text))
        throw new ConfigurationError(
          `model URI '${uri}': tag file ${join(this.root, name, 'tags', tag)} holds '${text}', not a version number`
        )
      return text
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      const tags = await readdir(join(this.root, name, 'tags')).catch(() => [] as string[])
      throw new ConfigurationError(
        `model URI '${uri}' does not resolve: model '${name}' has no tag '${tag}' in the file registry ${this.root} (tags: ${tags.filter(t => !t.startsWith('.')).join(', ') || 'none'})`
      )
    }
  }

  /** Reads a registry file as text; never outside `confineTo` when that is set. */
  private readText(file: string, maxBytes: number): Promise<string> {
    const options = { shown: file, maxBytes }
    return this.options.confineTo
      ? readRepoText(this.options.confineTo, file, options)
      : readUserText(file, options)
  }

  private async readManifest(file: string, uri: string, tag?: string): Promise<ResolvedModel> {
    if (!(await present(file)))
      throw new ConfigurationError(`model URI '${uri}' does not resolve: ${file} does not exist`)
    const text = await this.readText(file, MAX_MANIFEST_BYTES)
    const loaded = parseManifest(file, text)
    const manifest = structuredClone(loaded.raw) as { metadata: Record<string, unknown> }
    if (tag !== undefined) manifest.metadata.tag = tag
    const relocated = parseManifest(file, stringifyManifest(manifest))
    return { record: relocated.record, manifest: relocated.raw }
  }

  async resolve(uri: string): Promise<ResolvedModel> {
    let parsed: ModelUri
    try {
      parsed = parseModelUri(uri)
    } catch (error) {
      throw new ConfigurationError((error as Error).message)
    }
    if (parsed.scheme === 'file')
      return this.readManifest(resolve(this.options.cwd ?? process.cwd(), parsed.path), uri)
    if (parsed.scheme !== 'models') {
      throw new ConfigurationError(
        `'${uri}' is not a file-registry URI (models:/<name>/<version>, models:/<name>@<tag> or a path to a model.yaml); the configured registry is file`
      )
    }
    checkName(parsed.name, 'model name')
    if (this.options.confineTo) {
      const versions = join(this.root, parsed.name, 'versions')
      await requireDirectoryInside(this.options.confineTo, versions, versions)
    }
    const version =
      'alias' in parsed ? await this.readTag(parsed.name, parsed.alias, uri) : parsed.version
    const file = join(this.root, parsed.name, 'versions', version, MANIFEST_FILE)
    if (!('alias' in parsed)) {
      const known = await versionsOf(join(this.root, parsed.name))
      if (!known.includes(Number(version))) {
        throw new ConfigurationError(
          `model URI '${uri}' does not resolve: model '${parsed.name}' has no version ${version} in the file registry ${this.root} (versions: ${known.join(', ') || 'none'})`
        )
      }
    }
    return this.readManifest(file, uri, 'alias' in parsed ? parsed.alias : undefined)
  }

  async setTag(record: ModelRecord, tag: string): Promise<void> {
    checkTag(tag)
    const { record: pinned } = await this.resolve(this.pinnedUri(record))
    await writeFileAtomic(join(this.root, pinned.name, 'tags', tag), `${pinned.version}\n`)
  }
}
