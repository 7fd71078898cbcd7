// The local `file` model registry (promote.yaml `model.registry.kind: file`), written by the
// training step and read by the deploy step, in the layout promote-actions reads:
//   <root>/<name>/versions/<n>/model.yaml     the manifest (an MLRun-style model export)
//   <root>/<name>/versions/<n>/<model file>   the model itself
//   <root>/<name>/tags/<tag>                  the version number a tag points at
// A version exists once its model.yaml does; every file is written to a temporary name and
// renamed, so readers never see half a version.
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync
} from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'

export const DEFAULT_REGISTRY = '.promote/registry'
export const MANIFEST_FILE = 'model.yaml'

function writeAtomic(file, text) {
  mkdirSync(dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, text)
  renameSync(temporary, file)
}

/** YAML for the small, flat-ish manifest (strings quoted as JSON, which YAML accepts). */
function toYaml(value, indent = '') {
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []'
    return value.map(v => `\n${indent}- ${toYaml(v, `${indent}  `).trimStart()}`).join('')
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    if (entries.length === 0) return ' {}'
    return entries
      .map(([k, v]) => {
        const rendered = toYaml(v, `${indent}  `)
        return `\n${indent}${k}:${rendered.startsWith('\n') ? rendered : rendered}`
      })
      .join('')
  }
  return ` ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`
}

export function manifestYaml(manifest) {
  return `${toYaml(manifest).trimStart()}\n`
}

function versionsOf(modelDir) {
  const dir = join(modelDir, 'versions')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter(n => /^[1-9]\d*$/.test(n))
    .map(Number)
    .sort((a, b) => a - b)
}

/** Claims the next free version directory (mkdir fails if a concurrent run took the number). */
function claimVersion(modelDir) {
  mkdirSync(join(modelDir, 'versions'), { recursive: true })
  for (let version = (versionsOf(modelDir).at(-1) ?? 0) + 1; ; version++) {
    const dir = join(modelDir, 'versions', String(version))
    try {
      mkdirSync(dir)
      return { version, dir }
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
    }
  }
}

/**
 * Registers a new version: copies the model file in, writes its manifest, points `tags` at it.
 * @returns {{uri: string, version: number, manifestPath: string, modelPath: string, hash: string}}
 */
export function registerModel({
  root = DEFAULT_REGISTRY,
  cwd = process.cwd(),
  name,
  project,
  modelFile,
  metrics,
  parameters,
  tags = ['latest'],
  labels = {},
  producer
}) {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name))
    throw new Error(`model name '${name}' must be letters, digits, '.', '-' or '_'`)
  const modelDir = resolve(cwd, root, name)
  const content = readFileSync(modelFile)
  const { version, dir: versionDir } = claimVersion(modelDir)
  const modelName = basename(modelFile)
  const uri = `models:/${name}/${version}`
  const hash = createHash('sha256').update(content).digest('hex')
  const targetDir = isAbsolute(root) ? versionDir : relative(cwd, versionDir)
  const manifest = {
    kind: 'model',
    metadata: {
      key: name,
      project,
      version,
      uri,
      hash,
      created: new Date().toISOString(),
      labels
    },
    spec: {
      target_path: `${targetDir.split('\\').join('/')}/`,
      model_file: modelName,
      size: content.length,
      metrics,
      parameters,
      framework: 'javascript',
      algorithm: 'logistic-regression',
      producer
    },
    status: { state: 'created' }
  }
  writeAtomic(join(versionDir, modelName), content)
  // Written last: its presence is what makes the version exist.
  writeAtomic(join(versionDir, MANIFEST_FILE), manifestYaml(manifest))
  for (const tag of tags) writeAtomic(join(modelDir, 'tags', tag), `${version}\n`)
  return {
    uri,
    version,
    manifestPath: join(versionDir, MANIFEST_FILE),
    modelPath: join(versionDir, modelName),
    hash
  }
}

/**
 * The model file a URI names: models:/<name>/<version>, models:/<name>@<tag>, or a path to the
 * model file itself.
 */
export function resolveModelFile(uri, root = DEFAULT_REGISTRY) {
  const match = /^models:\/([^/@]+)(?:\/(\d+)|@([\w.-]+))$/.exec(uri)
  if (!match) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri) && !uri.startsWith('file://')) {
      throw new Error(
        `cannot read model URI '${uri}': expected models:/<name>/<version>, models:/<name>@<tag> or a file path`
      )
    }
    const path = uri.startsWith('file://') ? decodeURIComponent(uri.slice(7)) : uri
    if (!existsSync(path)) throw new Error(`model file ${path} does not exist`)
    if (/\.ya?ml$/.test(path)) return modelOfManifest(path, dirname(path))
    return { modelPath: path, name: basename(path).replace(/\.json$/, ''), version: undefined }
  }
  const [, name, pinned, tag] = match
  const modelDir = join(root, name)
  let version = pinned
  if (tag) {
    const pointer = join(modelDir, 'tags', tag)
    if (!existsSync(pointer))
      throw new Error(`model '${name}' has no tag '${tag}' in the registry at ${root}`)
    version = readFileSync(pointer, 'utf8').trim()
  }
  const versionDir = join(modelDir, 'versions', String(version))
  const manifestFile = join(versionDir, MANIFEST_FILE)
  if (!existsSync(manifestFile))
    throw new Error(`model '${name}' has no version ${version} in the registry at ${root}`)
  return { ...modelOfManifest(manifestFile, versionDir), name, version: String(version) }
}

/** The model file a manifest names: its model_file, in its version directory. */
function modelOfManifest(file, versionDir) {
  const text = readFileSync(file, 'utf8')
  const field = key =>
    new RegExp(`^\\s+${key}:\\s*["']?([^"'\\n]+?)["']?\\s*$`, 'm').exec(text)?.[1]
  const modelFile = field('model_file') ?? 'model.json'
  const name = field('key') ?? basename(modelFile).replace(/\.json$/, '')
  const version = field('version')
  return { modelPath: join(versionDir, modelFile), name, version }
}
