import { readFileSync } from 'node:fs'
import { Ajv, type ValidateFunction } from 'ajv'

/**
 * Checks requests and responses against a real API description: Swagger 2.0 (Argo, KFP, Slack)
 * or OpenAPI 3 (GitHub's, from @octokit/openapi). Returns the problems; an empty list is valid.
 */
export interface SpecValidator {
  /** The spec's path template that matches, e.g. /apis/v2beta1/runs/{run_id}:terminate. */
  match(method: string, path: string): { template: string; operation: Operation } | undefined
  validateRequest(method: string, path: string, body: unknown, query?: URLSearchParams): string[]
  validateResponse(method: string, path: string, status: number, body: unknown): string[]
  /** Validates data against a named schema (definitions/X or components/schemas/X). */
  validateSchema(name: string, data: unknown): string[]
}

interface Parameter {
  name: string
  in: string
  required?: boolean
  schema?: unknown
  type?: string
  $ref?: string
}

interface Operation {
  operationId?: string
  parameters?: Parameter[]
  requestBody?: {
    required?: boolean
    content?: Record<string, { schema?: unknown }>
    $ref?: string
  }
  responses?: Record<
    string,
    { schema?: unknown; content?: Record<string, { schema?: unknown }>; $ref?: string }
  >
}

type Spec = {
  swagger?: string
  openapi?: string
  basePath?: string
  paths: Record<string, Record<string, Operation>>
  definitions?: Record<string, unknown>
  components?: {
    schemas?: Record<string, unknown>
    parameters?: Record<string, Parameter>
    responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>
    requestBodies?: Record<
      string,
      { required?: boolean; content?: Record<string, { schema?: unknown }> }
    >
  }
}

/**
 * OpenAPI 3.0's `nullable: true` is not JSON Schema: rewrite it as a type that admits null (and add
 * null to an enum, which JSON Schema checks separately), or as anyOf [null, schema] when there is
 * no type (allOf/$ref schemas such as GitHub's nullable-simple-user uses).
 */
function normalizeNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalizeNullable)
  if (!node || typeof node !== 'object') return node
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) out[key] = normalizeNullable(value)
  if (typeof out.nullable !== 'boolean') return out
  const nullable = out.nullable
  delete out.nullable
  if (!nullable) return out
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null']
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null]
    return out
  }
  if (Array.isArray(out.type)) {
    if (!out.type.includes('null')) out.type = [...out.type, 'null']
    return out
  }
  return { anyOf: [{ type: 'null' }, out] }
}

/** The media type's schema: application/json, else the first JSON-like one (vnd.github+json). */
function jsonSchemaOf(content: Record<string, { schema?: unknown }> | undefined): unknown {
  if (!content) return undefined
  if (content['application/json']) return content['application/json'].schema
  const key = Object.keys(content).find(type => type.includes('json'))
  return key ? content[key]?.schema : undefined
}

/** Query and path values are strings on the wire: coerce them as the schema's type says. */
function coerceParameter(value: string, schema: unknown): unknown {
  const type = (schema as { type?: unknown } | undefined)?.type
  const types = Array.isArray(type) ? type : [type]
  if (
    (types.includes('integer') || types.includes('number')) &&
    value.trim() !== '' &&
    !Number.isNaN(Number(value))
  )
    return Number(value)
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true'
  return value
}

const cache = new Map<string, SpecValidator>()

export function loadSpecValidator(
  file: string,
  options: { stripPrefix?: string } = {}
): SpecValidator {
  const key = `${file}|${options.stripPrefix ?? ''}`
  const cached = cache.get(key)
  if (cached) return cached
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Spec
  const isOpenApi3 = typeof raw.openapi === 'string' && raw.openapi.startsWith('3')
  const spec = (isOpenApi3 ? normalizeNullable(raw) : raw) as Spec
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: false,
    validateSchema: false,
    discriminator: false
  })
  ajv.addSchema(spec as object, 'spec')
  const compiled = new Map<string, ValidateFunction>()
  const compile = (schema: unknown): ValidateFunction => {
    const id = JSON.stringify(schema)
    let fn = compiled.get(id)
    if (!fn) {
      // Local refs (#/definitions/X) must resolve inside the spec document.
      const rewritten = JSON.parse(id.replace(/"\$ref":"#\//g, '"$ref":"spec#/')) as object
      fn = ajv.compile(rewritten)
      compiled.set(id, fn)
    }
    return fn
  }
  const errors = (fn: ValidateFunction, data: unknown, where: string) =>
    fn(data)
      ? []
      : (fn.errors ?? []).map(
          e =>
            `${where}${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`
        )

  const templates = Object.keys(spec.paths).map(template => {
    const pattern = template
      .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\\?\{[^}]+\\?\}/g, '[^/]+?')
      .replace(/\{[^}]+\}/g, '[^/]+?')
    return {
      template,
      regex: new RegExp(`^${(spec.basePath ?? '').replace(/\/$/, '')}${pattern}$`)
    }
  })
  // Literal segments beat parameters (/pipelines/names/{name} before /pipelines/{id}); on a tie,
  // the template with fewer parameters is the more specific one.
  const parameterCount = (template: string) => (template.match(/\{[^}]+\}/g) ?? []).length
  templates.sort(
    (a, b) =>
      b.template.replace(/\{[^}]+\}/g, '').length - a.template.replace(/\{[^}]+\}/g, '').length ||
      parameterCount(a.template) - parameterCount(b.template)
  )

  /** Follows a local $ref (#/components/parameters/owner) to the object it names. */
  const resolveRef = <T>(value: T): T => {
    let current: unknown = value
    for (let depth = 0; depth < 10; depth++) {
      const ref = (current as { $ref?: unknown } | undefined)?.$ref
      if (typeof ref !== 'string' || !ref.startsWith('#/')) break
      current = ref
        .slice(2)
        .split('/')
        .map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<unknown>(
          (node, part) => (node as Record<string, unknown> | undefined)?.[part],
          spec
        )
    }
    return current as T
  }
  const parametersOf = (operation: Operation, template: string): Parameter[] => {
    const shared =
      (spec.paths[template] as { parameters?: Parameter[] } | undefined)?.parameters ?? []
    return [...shared, ...(operation.parameters ?? [])]
      .map(p => resolveRef(p))
      .filter((p): p is Parameter => !!p && typeof p.name === 'string')
  }
  /** Values of the template's {parameters} in a concrete path. */
  const pathValues = (template: string, path: string): Record<string, string> => {
    const names = [...template.matchAll(/\{([^}]+)\}/g)].map(m => m[1] as string)
    const pattern = template
      .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\\?\{[^}]+\\?\}/g, '([^/]+?)')
      .replace(/\{[^}]+\}/g, '([^/]+?)')
    const found = new RegExp(`^${(spec.basePath ?? '').replace(/\/$/, '')}${pattern}$`).exec(path)
    const decode = (value: string) => {
      try {
        return decodeURIComponent(value)
      } catch {
        return value
      }
    }
    return Object.fromEntries(names.map((name, i) => [name, decode(found?.[i + 1] ?? '')]))
  }

  const match = (method: string, path: string) => {
    const clean =
      options.stripPrefix && path.startsWith(options.stripPrefix)
        ? path.slice(options.stripPrefix.length)
        : path
    for (const { template, regex } of templates) {
      const operation = spec.paths[template]?.[method.toLowerCase()]
      if (operation && regex.test(clean)) return { template, operation }
    }
    return undefined
  }

  const validator: SpecValidator = {
    match,
    validateRequest(method, path, body, query) {
      const found = match(method, path)
      if (!found) return [`${method} ${path} is not an operation of ${file.split('/').pop()}`]
      const problems: string[] = []
      const { operation } = found
      const parameters = parametersOf(operation, found.template)
      const bodyParam = parameters.find(p => p.in === 'body')
      const requestBody = resolveRef(operation.requestBody)
      const bodySchema = bodyParam?.schema ?? jsonSchemaOf(requestBody?.content)
      const bodyRequired = bodyParam?.required ?? requestBody?.required ?? false
      if (bodySchema && body !== undefined && body !== '')
        problems.push(...errors(compile(bodySchema), body, 'body'))
      else if (bodySchema && bodyRequired) problems.push('body is required')
      for (const parameter of parameters) {
        if (parameter.in === 'query' && parameter.required && !query?.has(parameter.name)) {
          problems.push(`query parameter '${parameter.name}' is required`)
        }
      }
      // OpenAPI 3 parameters carry a schema: check the values too (run_id an integer, state an enum).
      if (isOpenApi3) {
        const inPath = pathValues(
          found.template,
          options.stripPrefix && path.startsWith(options.stripPrefix)
            ? path.slice(options.stripPrefix.length)
            : path
        )
        for (const parameter of parameters) {
          if (!parameter.schema) continue
          const values =
            parameter.in === 'query'
              ? (query?.getAll(parameter.name) ?? [])
              : parameter.in === 'path'
                ? [inPath[parameter.name] ?? '']
                : []
          for (const value of values) {
            problems.push(
              ...errors(
                compile(parameter.schema),
                coerceParameter(value, resolveRef(parameter.schema)),
                `${parameter.in} parameter '${parameter.name}'`
              )
            )
          }
        }
      }
      return problems
    },
    validateResponse(method, path, status, body) {
      const found = match(method, path)
      if (!found) return [`${method} ${path} is not an operation`]
      const response = resolveRef(
        found.operation.responses?.[String(status)] ?? found.operation.responses?.default
      )
      if (!response)
        return [`${status} is not a documented response of ${method} ${found.template}`]
      const schema = response.schema ?? jsonSchemaOf(response.content)
      return schema ? errors(compile(schema), body, 'response') : []
    },
    validateSchema(name, data) {
      const ref =
        spec.definitions?.[name] !== undefined
          ? `#/definitions/${name}`
          : `#/components/schemas/${name}`
      return errors(compile({ $ref: ref }), data, name)
    }
  }
  cache.set(key, validator)
  return validator
}
