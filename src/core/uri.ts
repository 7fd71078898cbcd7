import { ConfigurationError } from './errors.js'

/**
 * Model URIs: MLRun store URIs, MLflow models:/ URIs and local paths.
 *   store://models/<project>/<key>[#<iter>][:<tag>][@<tree>][^<uid>]   (also artifacts/, datasets/)
 *   models:/<name>/<version>   models:/<name>/latest   models:/<name>@<alias>
 *   file:///abs/path  file:/abs/path  ./relative/path  /abs/path
 */
export type StoreKind = 'models' | 'artifacts' | 'datasets'

export type ModelUri =
  | {
      scheme: 'store'
      kind: StoreKind
      project: string
      key: string
      iter: number
      tag?: string
      tree?: string
      uid?: string
    }
  | { scheme: 'models'; name: string; version: string }
  | { scheme: 'models'; name: string; alias: string }
  | { scheme: 'file'; path: string }

/** A malformed model URI: a user mistake, so a ConfigurationError (printed without a stack trace). */
export class UriError extends ConfigurationError {
  readonly uri: string
  readonly reason: string
  constructor(uri: string, reason: string) {
    super([{ message: `invalid model URI '${withoutUserinfo(uri)}': ${reason}` }])
    this.name = 'UriError'
    this.uri = uri
    this.reason = reason
  }
}

/** A URI's user part may hold a token: never quote it. */
function withoutUserinfo(uri: string): string {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/i, '$1***@')
}

export const STORE_KINDS: readonly StoreKind[] = ['models', 'artifacts', 'datasets']
/** MLRun project names are DNS-1123 labels. */
const PROJECT = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/
const TREE = /^[A-Za-z0-9_-]+$/
const UID = /^[A-Za-z0-9_-]+$/
const MLFLOW_NAME = /^[^/@\s](?:[^/@]*[^/@\s])?$/
const MLFLOW_ALIAS = /^[A-Za-z0-9_-]+$/
const MLFLOW_STAGES = ['production', 'staging', 'archived', 'none']
/** `s3://...`, `http://...`: a scheme we do not read. (`model:challenger.yaml` is a file name.) */
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i

export function parseModelUri(uri: string): ModelUri {
  if (uri === '') throw new UriError(uri, 'empty')
  if (uri.trim() !== uri) throw new UriError(uri, 'surrounded by spaces')
  if (uri.startsWith('store://')) return parseStore(uri)
  if (uri.startsWith('store:'))
    throw new UriError(uri, 'MLRun store URIs start with store:// (store://models/<project>/<key>)')
  if (uri.startsWith('models:/')) return parseMlflow(uri)
  if (uri.startsWith('models:'))
    throw new UriError(uri, 'MLflow model URIs start with models:/ (models:/<name>/<version>)')
  if (uri.startsWith('file:')) return parseFile(uri)
  const scheme = SCHEME.exec(uri)
  if (scheme) {
    throw new UriError(
      uri,
      `unsupported scheme '${scheme[1]}:'; use store://, models:/, file:// or a path`
    )
  }
  return { scheme: 'file', path: uri }
}

function parseFile(uri: string): ModelUri {
  let rest = uri.slice('file:'.length)
  if (rest.startsWith('//')) {
    rest = rest.slice(2)
    const slash = rest.indexOf('/')
    const host = slash < 0 ? rest : rest.slice(0, slash)
    if (host !== '' && host !== 'localhost') {
      throw new UriError(
        uri,
        `file URIs on another host ('${host}') are not supported; use file:///abs/path`
      )
    }
    rest = slash < 0 ? '' : rest.slice(slash)
  }
  if (!rest.startsWith('/'))
    throw new UriError(
      uri,
      'file URIs need an absolute path (file:///dir/model.pkl); write relative paths without file:'
    )
  if (/[?#]/.test(rest))
    throw new UriError(uri, "file URIs take no query or fragment; encode '?' as %3F and '#' as %23")
  let path: string
  try {
    path = decodeURIComponent(rest)
  } catch {
    throw new UriError(uri, 'has a malformed %-escape')
  }
  if (path.includes('\0')) throw new UriError(uri, 'the path contains a NUL character')
  return { scheme: 'file', path }
}

function parseStore(uri: string): ModelUri {
  const rest = uri.slice('store://'.length)
  const slash = rest.indexOf('/')
  const kind = (slash < 0 ? rest : rest.slice(0, slash)) as StoreKind
  if (!STORE_KINDS.includes(kind)) {
    throw new UriError(
      uri,
      `unknown store kind '${kind}'; expected store://models/<project>/<key>, store://artifacts/... or store://datasets/...`
    )
  }
  const body = slash < 0 ? '' : rest.slice(slash + 1)
  const projectEnd = body.indexOf('/')
  if (projectEnd <= 0) throw new UriError(uri, `expected store://${kind}/<project>/<key>`)
  const project = body.slice(0, projectEnd)
  if (!PROJECT.test(project)) {
    throw new UriError(
      uri,
      `project '${project}' must be lowercase letters, digits and inner dashes`
    )
  }
  let spec = body.slice(projectEnd + 1)
  // Split from the right: [^uid], then [@tree], then [:tag], then [#iter].
  const take = (
    marker: string,
    what: string,
    pattern: RegExp,
    rule: string
  ): string | undefined => {
    const at = spec.indexOf(marker)
    if (at < 0) return undefined
    const value = spec.slice(at + 1)
    spec = spec.slice(0, at)
    if (value === '') throw new UriError(uri, `empty ${what} after '${marker}'`)
    if (!pattern.test(value)) throw new UriError(uri, `${what} '${value}' must be ${rule}`)
    return value
  }
  const uid = take('^', 'uid', UID, "letters, digits, '-' or '_'")
  const tree = take('@', 'tree', TREE, "letters, digits, '-' or '_'")
  const tag = take(
    ':',
    'tag',
    TAG,
    "letters, digits, '.', '-' or '_' (not starting with '.' or '-')"
  )
  const iterText = take('#', 'iteration', /^\d+$/, 'a whole number')
  const iter = iterText === undefined ? 0 : Number(iterText)
  if (!Number.isSafeInteger(iter)) throw new UriError(uri, `iteration '${iterText}' is too large`)
  if (spec === '') throw new UriError(uri, 'missing key after the project')
  if (spec.includes('/')) throw new UriError(uri, `key '${spec}' must not contain '/'`)
  if (!KEY.test(spec)) {
    throw new UriError(
      uri,
      `key '${spec}' must be letters, digits, '.', '-' or '_' (not starting with '.' or '-')`
    )
  }
  return {
    scheme: 'store',
    kind,
    project,
    key: spec,
    iter,
    ...(tag !== undefined && { tag }),
    ...(tree !== undefined && { tree }),
    ...(uid !== undefined && { uid })
  }
}

function parseMlflow(uri: string): ModelUri {
  const body = uri.slice('models:/'.length)
  if (body === '')
    throw new UriError(uri, 'expected models:/<name>/<version> or models:/<name>@<alias>')
  const at = body.lastIndexOf('@')
  if (at >= 0) {
    const name = body.slice(0, at)
    const alias = body.slice(at + 1)
    if (!MLFLOW_NAME.test(name)) throw new UriError(uri, `invalid model name '${name}' before '@'`)
    if (alias === '') throw new UriError(uri, "empty alias after '@'")
    if (!MLFLOW_ALIAS.test(alias))
      throw new UriError(uri, `alias '${alias}' must be letters, digits, '-' or '_'`)
    return { scheme: 'models', name, alias }
  }
  const slash = body.lastIndexOf('/')
  if (slash < 0)
    throw new UriError(uri, `missing version: models:/${body}/<version> or models:/${body}@<alias>`)
  const name = body.slice(0, slash)
  const version = body.slice(slash + 1)
  if (!MLFLOW_NAME.test(name))
    throw new UriError(uri, `invalid model name '${name}' (no '/', '@' or outer spaces)`)
  if (version === '') throw new UriError(uri, "empty version after '/'")
  if (MLFLOW_STAGES.includes(version.toLowerCase())) {
    throw new UriError(
      uri,
      `stage '${version}' is deprecated in MLflow; use an alias: models:/${name}@<alias>`
    )
  }
  if (version !== 'latest' && !/^[1-9]\d*$/.test(version)) {
    throw new UriError(
      uri,
      `version '${version}' must be a positive whole number or 'latest' (use models:/${name}@<alias> for aliases)`
    )
  }
  return { scheme: 'models', name, version }
}

/** Formats a URI so that parseModelUri gives it back; throws UriError for values no URI can carry. */
export function formatModelUri(uri: ModelUri): string {
  switch (uri.scheme) {
    case 'store':
      return (
        `store://${uri.kind}/${uri.project}/${uri.key}#${uri.iter}` +
        `${uri.tag !== undefined ? `:${uri.tag}` : ''}${uri.tree !== undefined ? `@${uri.tree}` : ''}${uri.uid !== undefined ? `^${uri.uid}` : ''}`
      )
    case 'models':
      return 'alias' in uri
        ? `models:/${uri.name}@${uri.alias}`
        : `models:/${uri.name}/${uri.version}`
    case 'file': {
      if (uri.path.startsWith('/')) {
        if (uri.path.includes('\0'))
          throw new UriError(uri.path, 'the path contains a NUL character')
        try {
          return `file://${uri.path.split('/').map(encodeURIComponent).join('/')}`
        } catch {
          throw new UriError(uri.path, 'the path is not well-formed Unicode')
        }
      }
      const text = uri.path
      const parsed = text === '' || text.trim() !== text ? undefined : safeParse(text)
      if (parsed?.scheme !== 'file' || parsed.path !== text) {
        throw new UriError(
          text,
          'this relative path cannot be written as a model URI (prefix it with ./)'
        )
      }
      return text
    }
  }
}

function safeParse(text: string): ModelUri | undefined {
  try {
    return parseModelUri(text)
  } catch {
    return undefined
  }
}

/** A short human label: `model:challenger` (store), `model@champion` / `model v3` (MLflow), the path. */
export function describeModelUri(uri: ModelUri): string {
  switch (uri.scheme) {
    case 'store':
      return `${uri.key}${uri.tag !== undefined ? `:${uri.tag}` : ''}${uri.iter ? ` #${uri.iter}` : ''}`
    case 'models':
      return 'alias' in uri ? `${uri.name}@${uri.alias}` : `${uri.name} v${uri.version}`
    case 'file':
      return uri.path
  }
}
