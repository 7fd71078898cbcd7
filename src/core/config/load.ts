import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { ConfigurationError, type Problem } from '../errors.js'
import { parseYamlSource, type YamlSource } from '../yaml-source.js'
import { configSchema, type PromoteConfig } from './schema.js'

export const DEFAULT_CONFIG_PATH = 'promote.yaml'

/** Reads and validates promote.yaml; throws a ConfigurationError listing every problem with its position. */
export async function loadConfig(file: string = DEFAULT_CONFIG_PATH): Promise<PromoteConfig> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ConfigurationError([
      { file, message: code === 'ENOENT' ? 'config file not found (set the `config` input or --config)' : `cannot read: ${code}` }
    ])
  }
  return parseConfig(file, text)
}

export function parseConfig(file: string, text: string): PromoteConfig {
  const source = parseYamlSource(file, text)
  if (source.data === null || source.data === undefined || typeof source.data !== 'object' || Array.isArray(source.data)) {
    throw new ConfigurationError([{ file, line: 1, column: 1, message: 'expected a mapping with project, model and environments' }])
  }
  return validateWithSchema(source, configSchema)
}

/** Validates parsed YAML against a zod schema, mapping each issue to its file position. */
export function validateWithSchema<S extends z.ZodType>(source: YamlSource, schema: S): z.output<S> {
  const result = schema.safeParse(source.data)
  if (result.success) return result.data
  throw new ConfigurationError(
    issuesToProblems(source, schema, result.error.issues),
    `${source.file}: ${result.error.issues.length === 1 ? 'invalid' : `${result.error.issues.length} problems`}`
  )
}

export function issuesToProblems(source: YamlSource, schema: z.ZodType, issues: z.core.$ZodIssue[]): Problem[] {
  const problems: Problem[] = []
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, issue.path, source.data)
      for (const key of issue.keys) {
        const path = [...issue.path, key]
        const hint = suggest(key, known)
        const secretHint = /^(token|password|secret|accessKey|webhook|smtpUrl)$/i.test(key)
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
      continue
    }
    const missing = issue.code === 'invalid_type' && getAt(source.data, issue.path) === undefined
    problems.push({
      file: source.file,
      ...source.positionOf(missing ? issue.path.slice(0, -1) : issue.path, missing ? 'value' : 'value'),
      path: formatPath(issue.path),
      message: missing ? `required (${issue.message.replace(/, received undefined$/, '').toLowerCase()})` : issue.message
    })
  }
  return problems
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? String(segment) : `.${String(segment)}`))
    .join('')
}

function getAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[segment]
  }
  return value
}

/** Walks a zod schema along a data path to list the keys allowed at that object. */
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[], data: unknown): string[] {
  let node: z.core.$ZodType | undefined = schema
  let value = data
  const descend = (): void => {
    for (;;) {
      const def = node?._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType; schema?: z.core.$ZodType } | undefined
      if (!def) return
      if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault' || def.type === 'readonly') node = def.innerType
      else if (def.type === 'pipe') node = def.in
      else if (def.type === 'union') {
        const options = (def as unknown as { options: z.core.$ZodType[]; discriminator?: string }).options
        const disc = (def as unknown as { discriminator?: string }).discriminator
        const kind = disc && value && typeof value === 'object' ? (value as Record<string, unknown>)[disc] : undefined
        node =
          options.find(o => {
            const shape = (o._zod.def as { shape?: Record<string, z.core.$ZodType> }).shape
            const literal = disc && shape?.[disc] ? (shape[disc]._zod.def as { values?: unknown[] }).values : undefined
            return literal?.includes(kind)
          }) ?? options.find(o => (o._zod.def as { type: string }).type === 'object')
      } else return
    }
  }
  descend()
  for (const segment of path) {
    const def = node?._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; valueType?: z.core.$ZodType; element?: z.core.$ZodType }
    if (def?.type === 'object') node = def.shape?.[String(segment)]
    else if (def?.type === 'record') node = def.valueType
    else if (def?.type === 'array') node = def.element
    else return []
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[segment] : undefined
    descend()
  }
  const def = node?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined
  return def?.type === 'object' && def.shape ? Object.keys(def.shape).filter(k => k !== '$schema') : []
}

/** The closest known key within a small edit distance, for did-you-mean hints. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length]!
}
