// The local `file` model registry, written by the training step and read by the deploy step:
//   <root>/<name>/<version>/manifest.yaml   the model's metadata (an MLRun-style model export)
//   <root>/<name>/<version>/<model file>    the model itself
//   <root>/<name>/tags/<tag>                the version a tag points at
// Every file is written to a temporary name first and renamed, so readers never see half a file.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync
} from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'

export const DEFAULT_REGISTRY = '.promote/registry'

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

function nextVersion(modelDir) {
  if (!existsSync(modelDir)) return 1
  const versions = readdirSync(modelDir)
    .filter(n => /^\d+$/.test(n))
    .map(Number)
  return versions.length ? Math.max(...versions) + 1 : 1
}

/**
 * Registers a new version: copies the model file in, writes its manifest, points `tag` at it.
 * @returns {{uri: string, version: number, manifestPath: string, modelPath: string}}
 */
export function registerModel({
  root = DEFAULT_REGISTRY,
  name,
  project,
  modelFile,
  metrics,
  parameters,
  tag = 'latest',
  labels = {},
  producer
}) {
  const modelDir = join(root, name)
  const version = nextVersion(modelDir)
  const versionDir = join(modelDir, String(version))
  const modelName = basename(modelFile)
  const uri = `models:/${name}/${version}`
  const manifest = {
    kind: 'model',
    metadata: {
      key: name,
      project,
      version: String(version),
      uri,
      tag,
      created: new Date().toISOString(),
      labels
    },
    spec: {
      target_path: `${resolve(versionDir)}/`,
      model_file: modelName,
      framework: 'javascript',
      algorithm: 'logistic-regression',
      metrics,
      parameters,
      producer
    },
    status: { state: 'created' }
  }
  writeAtomic(join(versionDir, modelName), readFileSync(modelFile))
  writeAtomic(join(versionDir, 'manifest.yaml'), manifestYaml(manifest))
  writeAtomic(join(modelDir, 'tags', tag), `${version}\n`)
  return {
    uri,
    version,
    manifestPath: join(versionDir, 'manifest.yaml'),
    modelPath: join(versionDir, modelName)
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
  const versionDir = join(modelDir, version)
  const manifestFile = join(versionDir, 'manifest.yaml')
  if (!existsSync(manifestFile))
    throw new Error(`model '${name}' has no version ${version} in the registry at ${root}`)
  const modelFileLine = /^\s+model_file:\s*"?([^"\n]+)"?$/m.exec(readFileSync(manifestFile, 'utf8'))
  return {
    modelPath: join(versionDir, modelFileLine ? modelFileLine[1] : 'model.json'),
    name,
    version
  }
}
