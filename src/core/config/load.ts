import * as z from '../zod.js'
import { ConfigurationError, describeValue, type Problem } from '../errors.js'

export { describeValue, suggest }
import { suggest } from '../suggest.js'
import { readUserText } from '../fs.js'
import { capped, MAX_YAML_BYTES, parseYamlSource, type YamlSource } from '../yaml-source.js'
import { configSchema, type PromoteConfig } from './schema.js'
import { locateParameters } from './parameters.js'

export const DEFAULT_CONFIG_PATH = 'promote.yaml'

/** Reads and validates promote.yaml; throws a ConfigurationError listing every problem with its position. */
export async function loadConfig(file: string = DEFAULT_CONFIG_PATH): Promise<PromoteConfig> {
  return parseConfig(
    file,
    await readUserFile(file, 'config file not found (set the `config` input or --config)')
  )
}

/**
 * Reads a file the user named (a regular file within `maxBytes`, valid UTF-8), turning every
 * failure into one clear ConfigurationError naming the file.
 */
export async function readUserFile(
  file: string,
  notFound = 'file not found',
  maxBytes = MAX_YAML_BYTES
): Promise<string> {
  return readUserText(file, { shown: file, maxBytes, notFound })
}

export function parseConfig(file: string, text: string): PromoteConfig {
  return parseConfigSource(file, text).config
}

/** The config and the YAML it came from, for problems found later that point into the file. */
export function parseConfigSource(
  file: string,
  text: string
): { config: PromoteConfig; source: YamlSource } {
  const source = parseYamlSource(file, text)
  requireMapping(source, 'a promote.yaml mapping with project, model and environments')
  const config = validateWithSchema(source, configSchema)
  // Where each workflow parameter is declared, for "required argument missing" at run time.
  locateParameters(config, source)
  return { config, source }
}

/** Throws unless the document is a mapping (not empty, a list or a scalar). */
export function requireMapping(source: YamlSource, expected: string): void {
  const data = source.data
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && !(data instanceof Map))
    return
  const got =
    data === null || data === undefined ? 'the document is empty' : `got ${describeValue(data)}`
  throw new ConfigurationError([
    { file: source.file, ...source.positionOf([]), message: `expected ${expected}; ${got}` }
  ])
}

/** Validates parsed YAML against a zod schema, mapping each issue to its file position. */
export function validateWithSchema<S extends z.ZodMiniType>(
  source: YamlSource,
  schema: S
): z.output<S> {
  const result = schema.safeParse(source.data, { error: readableMessage })
  if (result.success) return result.data
  const problems = issuesToProblems(source, schema, result.error.issues)
  // One problem reads best as one line; several get a heading.
  throw new ConfigurationError(
    capped(problems),
    problems.length === 1 ? undefined : `${source.file}: ${problems.length} problems`
  )
}

export function issuesToProblems(
  source: YamlSource,
  schema: z.ZodMiniType,
  issues: z.core.$ZodIssue[]
): Problem[] {
  const problems: Problem[] = []
  /** Required keys that an unknown key's did-you-mean already explains (`brnach` for `branch`). */
  const explained = new Set<string>()
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue
    const known = knownKeysAt(schema, issue.path, source.data)
    for (const key of issue.keys) {
      const path = [...issue.path, key]
      const hint = suggest(key, known)
      if (hint) explained.add(formatPath([...issue.path, hint]))
      const secretHint =
        /^(token|password|secret|accessKey|webhook|webhookUrl|smtpUrl|apiKey|username)$/i.test(key)
          ? ` (secrets are never literal: use ${key}Env with the name of an environment variable)`
          : ''
      problems.push({
        file: source.file,
        ...source.positionOf(path, 'key'),
        path: formatPath(path),
        message: `unknown key '${key}'${hint ? `; did you mean '${hint}'?` : ''}${secretHint}${
          known.length && !hint && !secretHint ? ` (allowed: ${known.join(', ')})` : ''
        }`
      })
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue
    const path = formatPath(issue.path)
    const missing = getAt(source.data, issue.path) === undefined && issue.path.length > 0
    if (missing && explained.has(path)) continue
    problems.push({
      file: source.file,
      // A missing key has no position of its own: point at the mapping that lacks it.
      ...source.positionOf(missing ? issue.path.slice(0, -1) : issue.path),
      ...(path && { path }),
      message: issue.message
    })
  }
  // File order, so the list reads top to bottom.
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  null: 'null',
  date: 'a date'
}

/** Issue messages written for someone editing YAML (zod's defaults talk about JavaScript types). */
function readableMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected
      return issue.input === undefined
        ? `required: ${expected}`
        : `expected ${expected}, got ${describeValue(issue.input)}`
    }
    case 'invalid_value': {
      const values = issue.values.map(v => (typeof v === 'string' ? `'${v}'` : String(v)))
      const hint =
        typeof issue.input === 'string'
          ? suggest(
              issue.input,
              issue.values.filter(v => typeof v === 'string')
            )
          : undefined
      const choice = values.length === 1 ? values[0] : `one of ${values.join(', ')}`
      return `expected ${choice}, got ${describeValue(issue.input)}${hint ? `; did you mean '${hint}'?` : ''}`
    }
    case 'invalid_union': {
      const discriminator = (issue as { discriminator?: string }).discriminator
      const options = (issue as { options?: unknown[] }).options
      if (discriminator && options) {
        const names = options.map(String)
        const input = issue.input
        const value =
          input && typeof input === 'object'
            ? (input as Record<string, unknown>)[discriminator]
            : undefined
        if (value === undefined) return `required: ${discriminator}, one of ${names.join(', ')}`
        const hint = typeof value === 'string' ? suggest(value, names) : undefined
        return `unknown ${discriminator} ${describeValue(value)}; expected one of ${names.join(', ')}${hint ? ` (did you mean '${hint}'?)` : ''}`
      }
      const expected = [
        ...new Set(
          issue.errors.flatMap(branch =>
            branch
              .filter(i => i.code === 'invalid_type' && i.path.length === 0)
              .map(i => (i as { expected: string }).expected)
          )
        )
      ].map(t => TYPE_NAMES[t] ?? t)
      if (
        expected.length > 0 &&
        issue.errors.every(branch =>
          branch.some(i => i.code === 'invalid_type' && i.path.length === 0)
        )
      ) {
        return `expected ${expected.join(' or ')}, got ${describeValue(issue.input)}`
      }
      return undefined
    }
    case 'invalid_format':
      if (issue.format === 'url') return `must be a URL, got ${describeValue(issue.input)}`
      if (issue.format === 'email')
        return `must be an email address, got ${describeValue(issue.input)}`
      return undefined
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty'
      if (issue.origin === 'array')
        return `needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`
      if (issue.origin === 'number')
        return `must be at least ${issue.minimum}, got ${describeValue(issue.input)}`
      return undefined
    case 'too_big':
      if (issue.origin === 'number')
        return `must be at most ${issue.maximum}, got ${describeValue(issue.input)}`
      return undefined
    default:
      return undefined
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, i) =>
      typeof segment === 'number'
        ? `[${segment}]`
        : i === 0
          ? String(segment)
          : `.${String(segment)}`
    )
    .join('')
}

function getAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data
  for (const segment of path) {
    if (
      value === null ||
      typeof value !== 'object' ||
      !Object.prototype.hasOwnProperty.call(value, segment)
    )
      return undefined
    value = (value as Record<PropertyKey, unknown>)[segment]
  }
  return value
}

type Def = {
  type: string
  innerType?: z.core.$ZodType
  in?: z.core.$ZodType
  options?: z.core.$ZodType[]
  discriminator?: string
  shape?: Record<string, z.core.$ZodType>
  valueType?: z.core.$ZodType
  element?: z.core.$ZodType
  values?: unknown[]
}
const defOf = (schema: z.core.$ZodType | undefined): Def | undefined =>
  schema?._zod.def as Def | undefined

/** Walks a zod schema along a data path to list the keys allowed at that object. */
function knownKeysAt(schema: z.ZodMiniType, path: readonly PropertyKey[], data: unknown): string[] {
  let node: z.core.$ZodType | undefined = schema
  let value = data
  const unwrap = (): void => {
    for (let guard = 0; guard < 50; guard++) {
      const def = defOf(node)
      if (!def) return
      if (
        [
          'optional',
          'default',
          'nullable',
          'prefault',
          'readonly',
          'catch',
          'nonoptional'
        ].includes(def.type)
      )
        node = def.innerType
      else if (def.type === 'pipe') node = def.in
      else if (def.type === 'union' && def.options) {
        const disc = def.discriminator
        const kind =
          disc && value && typeof value === 'object'
            ? (value as Record<string, unknown>)[disc]
            : undefined
        node =
          def.options.find(o => {
            const literal = disc ? defOf(defOf(o)?.shape?.[disc])?.values : undefined
            return literal?.includes(kind)
          }) ?? def.options.find(o => defOf(o)?.type === 'object')
      } else return
    }
  }
  unwrap()
  for (const segment of path) {
    const def = defOf(node)
    if (def?.type === 'object') node = def.shape?.[String(segment)]
    else if (def?.type === 'record') node = def.valueType
    else if (def?.type === 'array') node = def.element
    else return []
    value =
      value && typeof value === 'object'
        ? (value as Record<PropertyKey, unknown>)[segment]
        : undefined
    unwrap()
  }
  const def = defOf(node)
  return def?.type === 'object' && def.shape
    ? Object.keys(def.shape).filter(k => k !== '$schema')
    : []
}
