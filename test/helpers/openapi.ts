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

interface Operation {
  operationId?: string
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: unknown; type?: string; $ref?: string }>
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> }
  responses?: Record<string, { schema?: unknown; content?: Record<string, { schema?: unknown }>; $ref?: string }>
}

type Spec = {
  swagger?: string
  openapi?: string
  basePath?: string
  paths: Record<string, Record<string, Operation>>
  definitions?: Record<string, unknown>
  components?: { schemas?: Record<string, unknown> }
}

const cache = new Map<string, SpecValidator>()

export function loadSpecValidator(file: string, options: { stripPrefix?: string } = {}): SpecValidator {
  const key = `${file}|${options.stripPrefix ?? ''}`
  const cached = cache.get(key)
  if (cached) return cached
  const spec = JSON.parse(readFileSync(file, 'utf8')) as Spec
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, validateSchema: false, discriminator: false })
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
    fn(data) ? [] : (fn.errors ?? []).map(e => `${where}${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`)

  const templates = Object.keys(spec.paths).map(template => {
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+?').replace(/\{[^}]+\}/g, '[^/]+?')
    return { template, regex: new RegExp(`^${(spec.basePath ?? '').replace(/\/$/, '')}${pattern}$`) }
  })
  // Literal segments beat parameters (/pipelines/names/{name} before /pipelines/{id}).
  templates.sort((a, b) => b.template.replace(/\{[^}]+\}/g, '').length - a.template.replace(/\{[^}]+\}/g, '').length)

  const match = (method: string, path: string) => {
    const clean = options.stripPrefix && path.startsWith(options.stripPrefix) ? path.slice(options.stripPrefix.length) : path
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
      const bodyParam = operation.parameters?.find(p => p.in === 'body')
      const bodySchema = bodyParam?.schema ?? operation.requestBody?.content?.['application/json']?.schema
      const bodyRequired = bodyParam?.required ?? operation.requestBody?.required ?? false
      if (bodySchema && body !== undefined && body !== '') problems.push(...errors(compile(bodySchema), body, 'body'))
      else if (bodySchema && bodyRequired) problems.push('body is required')
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === 'query' && parameter.required && !query?.has(parameter.name)) {
          problems.push(`query parameter '${parameter.name}' is required`)
        }
      }
      return problems
    },
    validateResponse(method, path, status, body) {
      const found = match(method, path)
      if (!found) return [`${method} ${path} is not an operation`]
      const response = found.operation.responses?.[String(status)] ?? found.operation.responses?.default
      if (!response) return [`${status} is not a documented response of ${method} ${found.template}`]
      const schema = response.schema ?? response.content?.['application/json']?.schema
      return schema ? errors(compile(schema), body, 'response') : []
    },
    validateSchema(name, data) {
      const ref = spec.definitions?.[name] !== undefined ? `#/definitions/${name}` : `#/components/schemas/${name}`
      return errors(compile({ $ref: ref }), data, name)
    }
  }
  cache.set(key, validator)
  return validator
}
