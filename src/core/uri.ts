/**
 * Model URIs: MLRun store URIs, MLflow models:/ URIs and local paths.
 *   store://models/<project>/<key>[#<iter>][:<tag>][@<tree>]   (also artifacts/, datasets/)
 *   models:/<name>/<version>   models:/<name>@<alias>
 *   file:///abs/path  ./relative/path  /abs/path
 */
export type StoreKind = 'models' | 'artifacts' | 'datasets'

export type ModelUri =
  | { scheme: 'store'; kind: StoreKind; project: string; key: string; iter: number; tag?: string; tree?: string }
  | { scheme: 'models'; name: string; version: string }
  | { scheme: 'models'; name: string; alias: string }
  | { scheme: 'file'; path: string }

export class UriError extends Error {
  constructor(uri: string, reason: string) {
    super(`invalid model URI '${uri}': ${reason}`)
    this.name = 'UriError'
  }
}

const STORE_KINDS: readonly StoreKind[] = ['models', 'artifacts', 'datasets']
const PROJECT = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/
const TREE = /^[A-Za-z0-9_-]+$/
const MLFLOW_NAME = /^[^/@\s][^/@]*$/

export function parseModelUri(uri: string): ModelUri {
  if (uri.trim() !== uri || uri === '') throw new UriError(uri, 'empty or surrounded by spaces')
  if (uri.startsWith('store://')) return parseStore(uri)
  if (uri.startsWith('models:/')) return parseMlflow(uri)
  if (uri.startsWith('file://')) {
    const path = decodeURIComponent(uri.slice('file://'.length))
    if (!path.startsWith('/')) throw new UriError(uri, 'file:// URIs need an absolute path (file:///dir/model.yaml)')
    return { scheme: 'file', path }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) {
    throw new UriError(uri, `unsupported scheme '${uri.split(':')[0]}'; use store://, models:/ or a path`)
  }
  return { scheme: 'file', path: uri }
}

function parseStore(uri: string): ModelUri {
  const rest = uri.slice('store://'.length)
  const slash = rest.indexOf('/')
  const kind = rest.slice(0, slash) as StoreKind
  if (slash < 0 || !STORE_KINDS.includes(kind)) {
    throw new UriError(uri, `expected store://models/<project>/<key>, store://artifacts/... or store://datasets/...`)
  }
  const body = rest.slice(slash + 1)
  const projectEnd = body.indexOf('/')
  if (projectEnd <= 0) throw new UriError(uri, 'missing <project>/<key>')
  const project = body.slice(0, projectEnd)
  if (!PROJECT.test(project)) throw new UriError(uri, `project '${project}' must be lowercase letters, digits and dashes`)
  let spec = body.slice(projectEnd + 1)
  let tree: string | undefined
  let tag: string | undefined
  let iter = 0
  const at = spec.indexOf('@')
  if (at >= 0) {
    tree = spec.slice(at + 1)
    spec = spec.slice(0, at)
    if (!TREE.test(tree)) throw new UriError(uri, `tree '${tree}' must be letters, digits, '-' or '_'`)
  }
  const colon = spec.indexOf(':')
  if (colon >= 0) {
    tag = spec.slice(colon + 1)
    spec = spec.slice(0, colon)
    if (!TAG.test(tag)) throw new UriError(uri, `tag '${tag}' must be letters, digits, '.', '-' or '_'`)
  }
  const hash = spec.indexOf('#')
  if (hash >= 0) {
    const iterText = spec.slice(hash + 1)
    spec = spec.slice(0, hash)
    if (!/^\d+$/.test(iterText)) throw new UriError(uri, `iteration '${iterText}' must be a whole number`)
    iter = Number(iterText)
  }
  if (!KEY.test(spec)) throw new UriError(uri, spec ? `key '${spec}' has characters MLRun does not allow` : 'missing key')
  return { scheme: 'store', kind, project, key: spec, iter, ...(tag !== undefined && { tag }), ...(tree !== undefined && { tree }) }
}

function parseMlflow(uri: string): ModelUri {
  const body = uri.slice('models:/'.length)
  const at = body.lastIndexOf('@')
  if (at >= 0) {
    const name = body.slice(0, at)
    const alias = body.slice(at + 1)
    if (!MLFLOW_NAME.test(name)) throw new UriError(uri, 'missing or invalid model name before @')
    if (!/^[A-Za-z0-9_-]+$/.test(alias)) throw new UriError(uri, `alias '${alias}' must be letters, digits, '-' or '_'`)
    return { scheme: 'models', name, alias }
  }
  const slash = body.lastIndexOf('/')
  if (slash <= 0) throw new UriError(uri, 'expected models:/<name>/<version> or models:/<name>@<alias>')
  const name = body.slice(0, slash)
  const version = body.slice(slash + 1)
  if (!MLFLOW_NAME.test(name)) throw new UriError(uri, `invalid model name '${name}'`)
  if (!/^[1-9]\d*$/.test(version)) {
    throw new UriError(uri, `version '${version}' must be a positive whole number (use models:/${name}@<alias> for aliases)`)
  }
  return { scheme: 'models', name, version }
}

export function formatModelUri(uri: ModelUri): string {
  switch (uri.scheme) {
    case 'store':
      return `store://${uri.kind}/${uri.project}/${uri.key}#${uri.iter}${uri.tag !== undefined ? `:${uri.tag}` : ''}${
        uri.tree !== undefined ? `@${uri.tree}` : ''
      }`
    case 'models':
      return 'alias' in uri ? `models:/${uri.name}@${uri.alias}` : `models:/${uri.name}/${uri.version}`
    case 'file':
      return uri.path.startsWith('/') ? `file://${encodeURI(uri.path)}` : uri.path
  }
}
