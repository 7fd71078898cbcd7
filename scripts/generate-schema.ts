// Writes schema/promote.schema.json (JSON Schema, for editors) and docs/promote-yaml.md (the
// promote.yaml reference), both generated from the zod schema in src/core/config/schema.ts.
// Usage: npm run schema            (write both files)
//        npm run schema -- --check (exit 1 when either file is stale)
import { readFile, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import * as z from '../src/core/zod.js'
import { parseConfig } from '../src/core/config/load.js'
import { configSchema } from '../src/core/config/schema.js'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const SCHEMA_FILE = 'schema/promote.schema.json'
export const DOCS_FILE = 'docs/promote-yaml.md'
export const SCHEMA_URL =
  'https://raw.githubusercontent.com/promote-actions/promote-actions/v1/schema/promote.schema.json'

/** A complete promote.yaml shown in the reference (a test checks that it loads). */
export const EXAMPLE_CONFIG = `# yaml-language-server: $schema=${SCHEMA_URL}
project: cicd-flow
model:
  name: model # artifacts/model:challenger.yaml
  registry: { kind: mlrun }
clusters:
  iguazio:
    kind: mlrun
    url: https://mlrun-api.default-tenant.app.example.com
    tokenEnv: MLRUN_TOKEN # the name of a variable, never the token
environments: # in promotion order
  development: { branch: development, cluster: iguazio } # no approval: the first
  staging: { branch: staging, cluster: iguazio, projectSuffix: -staging }
  production:
    branch: main
    cluster: iguazio
    url: https://model.example.com
    arguments: { deploy: { replicas: 3 } }
workflows:
  train: { timeout: 2h, arguments: { epochs: 20 } }
  deploy: { timeout: 30m }
gates:
  accuracy: { min: 0.8, maxDrop: 0.02 }
notifications:
  slack: { channel: C0123ABCD, tokenEnv: SLACK_BOT_TOKEN }
  email: { to: [ml-team@example.com], smtpUrlEnv: SMTP_URL }
`

/** The example with two mistakes: a literal token and a misspelt key. */
export const BROKEN_EXAMPLE = EXAMPLE_CONFIG.replace(
  'tokenEnv: MLRUN_TOKEN',
  'tokenEnv: xoxb-1234567890-abcdef'
).replace('staging: { branch: staging', 'staging: { brnach: staging')

/** What the loader really says about BROKEN_EXAMPLE. */
export function exampleErrors(): string {
  try {
    parseConfig('promote.yaml', BROKEN_EXAMPLE)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('the broken example loads: fix BROKEN_EXAMPLE in scripts/generate-schema.ts')
}

type JsonSchema = {
  type?: string | string[]
  format?: string
  pattern?: string
  const?: unknown
  enum?: unknown[]
  default?: unknown
  description?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: JsonSchema | boolean
  items?: JsonSchema
  oneOf?: JsonSchema[]
  anyOf?: JsonSchema[]
  allOf?: JsonSchema[]
  minItems?: number
  minLength?: number
  minimum?: number
  exclusiveMinimum?: number
  examples?: unknown[]
  [key: string]: unknown
}

/** The JSON Schema of promote.yaml: the input side, so fields with defaults are optional. */
export function promoteJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(configSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any'
  }) as JsonSchema
  const { $schema, ...rest } = generated
  return {
    $schema,
    $id: SCHEMA_URL,
    title: 'promote.yaml',
    description:
      'Configuration of promote-actions: the model, its environments, clusters, workflows, gates and notifications.',
    ...rest
  }
}

export function renderJsonSchema(): string {
  return `${JSON.stringify(promoteJsonSchema(), null, 2)}\n`
}

interface Row {
  field: string
  type: string
  required: boolean
  default?: unknown
  description: string
}
interface Section {
  path: string
  title: string
  description?: string
  rows: Row[]
}

/** Placeholder names for the keys of maps, by the map's own key. */
const MAP_KEY_NAMES: Record<string, string> = {
  clusters: '<cluster>',
  environments: '<environment>',
  workflows: '<workflow>',
  gates: '<metric>',
  env: '<VARIABLE>'
}

function mapKeyName(path: string): string {
  if (/^environments\.<environment>\.arguments$/.test(path)) return '<workflow>'
  if (path.endsWith('arguments')) return '<argument>'
  return MAP_KEY_NAMES[path.split('.').pop() ?? ''] ?? '<name>'
}

function literal(value: unknown): string {
  return typeof value === 'string' ? `\`${value}\`` : `\`${JSON.stringify(value)}\``
}

function typeOf(schema: JsonSchema): string {
  if (schema.const !== undefined) return literal(schema.const)
  if (schema.enum) return `one of ${schema.enum.map(literal).join(', ')}`
  if (schema.examples?.includes('90s')) return 'duration (`90s`, `45m`, `2h`, `1h30m`, or seconds)'
  const options = schema.oneOf ?? schema.anyOf
  if (options) {
    const kinds = options.map(o => o.properties?.kind?.const).filter(k => k !== undefined)
    if (kinds.length === options.length)
      return `mapping, by \`kind\`: ${kinds.map(literal).join(', ')}`
    return [...new Set(options.map(typeOf))].join(' or ')
  }
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : schema.type
  switch (type) {
    case 'string':
      if (schema.format === 'uri') return 'URL'
      if (schema.format === 'email') return 'email address'
      if (schema.pattern === '^[A-Za-z_][A-Za-z0-9_]*$') return 'environment variable name'
      return 'string'
    case 'array': {
      const item = schema.items ? typeOf(schema.items) : 'values'
      return item.startsWith('one of ') ? `list, each ${item}` : `list of ${item}`
    }
    case 'object':
      if (schema.properties) return 'mapping'
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        const value = schema.additionalProperties
        return Object.keys(value).length === 0
          ? 'mapping of any values'
          : `mapping of ${typeOf(value)}`
      }
      return 'mapping'
    case undefined:
      return 'any'
    default:
      return type
  }
}

/** `mapping of <cluster> → ...` for maps whose keys the user names. */
function mapTypeOf(schema: JsonSchema, path: string): string | undefined {
  const value = schema.additionalProperties
  if (schema.type !== 'object' || schema.properties || !value || typeof value !== 'object')
    return undefined
  const valueType = Object.keys(value).length === 0 ? 'any value' : typeOf(value)
  return `mapping of \`${mapKeyName(path)}\` → ${valueType}`
}

function sectionsOf(root: JsonSchema): Section[] {
  const sections: Section[] = []
  const visit = (schema: JsonSchema, path: string, title: string, description?: string): void => {
    const options = schema.oneOf ?? schema.anyOf
    if (options && options.every(o => o.properties?.kind?.const !== undefined)) {
      for (const option of options) {
        visit(
          option,
          path,
          `${title} (kind: ${String(option.properties!.kind!.const)})`,
          schema.description
        )
      }
      return
    }
    if (schema.type === 'object' && schema.properties) {
      const section: Section = {
        path,
        title,
        rows: [],
        ...((schema.description ?? description) && {
          description: schema.description ?? description
        })
      }
      sections.push(section)
      const children: [JsonSchema, string][] = []
      for (const [key, child] of Object.entries(schema.properties)) {
        const childPath = path ? `${path}.${key}` : key
        section.rows.push({
          field: key,
          type: mapTypeOf(child, childPath) ?? typeOf(child),
          required: schema.required?.includes(key) ?? false,
          ...(child.default !== undefined && { default: child.default }),
          description: child.description ?? ''
        })
        children.push([child, childPath])
      }
      for (const [child, childPath] of children) visit(child, childPath, childPath)
      return
    }
    if (
      schema.type === 'object' &&
      schema.additionalProperties &&
      typeof schema.additionalProperties === 'object'
    ) {
      const value = schema.additionalProperties
      const childPath = `${path}.${mapKeyName(path)}`
      if (value.properties || value.oneOf || value.anyOf || value.additionalProperties) {
        visit(value, childPath, childPath, value.description)
      }
    }
  }
  visit(root, '', 'Top level')
  return sections
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

/** The promote.yaml reference in Markdown (unformatted). */
export function renderPromoteYamlDocsRaw(): string {
  const schema = promoteJsonSchema()
  const lines = [
    '<!-- Generated by `npm run schema` from src/core/config/schema.ts. Do not edit. -->',
    '',
    '# promote.yaml reference',
    '',
    'One file in your repository configures every promote-actions step: the model and where its',
    'versions live, the environments in promotion order, the clusters that run the workflows, the',
    'metric gates and the notifications. Every action input overrides the matching value.',
    '',
    'Problems are reported all at once, each with `file:line:column` and the field path. Secrets',
    'are never written in this file: fields ending in `Env` name an environment variable that holds',
    'the secret, and a value that looks like a token is an error wherever it appears.',
    '',
    'For editor completion, start the file with:',
    '',
    '```yaml',
    `# yaml-language-server: $schema=${SCHEMA_URL}`,
    '```',
    '',
    'Map keys written `<cluster>`, `<environment>`, `<workflow>` or `<metric>` are names you choose.',
    'Environments are in promotion order: `requireApproval` defaults to `true` for every',
    'environment except the first.',
    '',
    '## Example',
    '',
    '```yaml',
    EXAMPLE_CONFIG.trimEnd(),
    '```',
    '',
    'Check a file with `promote validate`; every problem is listed with its position:',
    '',
    '```text',
    exampleErrors(),
    '```',
    ''
  ]
  for (const section of sectionsOf(schema)) {
    lines.push(`## ${section.title === 'Top level' ? 'Top level' : `\`${section.title}\``}`, '')
    if (section.description) lines.push(section.description, '')
    lines.push(
      '| Field | Type | Required | Default | Description |',
      '| --- | --- | --- | --- | --- |'
    )
    for (const row of section.rows) {
      lines.push(
        `| \`${row.field}\` | ${cell(row.type)} | ${row.required ? 'yes' : 'no'} | ${
          row.default === undefined ? '' : cell(literal(row.default))
        } | ${cell(row.description)} |`
      )
    }
    lines.push('')
  }
  return lines.join('\n')
}

export async function renderPromoteYamlDocs(): Promise<string> {
  const options = (await prettier.resolveConfig(join(REPO_ROOT, DOCS_FILE))) ?? {}
  return prettier.format(renderPromoteYamlDocsRaw(), { ...options, parser: 'markdown' })
}

/** Every generated file, by path relative to the repository root. */
export async function generatedFiles(): Promise<Record<string, string>> {
  return { [SCHEMA_FILE]: renderJsonSchema(), [DOCS_FILE]: await renderPromoteYamlDocs() }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check')
  let stale = 0
  for (const [file, content] of Object.entries(await generatedFiles())) {
    const path = join(REPO_ROOT, file)
    const current = await readFile(path, 'utf8').catch(() => undefined)
    if (current === content) continue
    if (check) {
      console.error(`${file} is stale: run \`npm run schema\``)
      stale++
    } else {
      await writeFile(path, content)
      console.log(`wrote ${file}`)
    }
  }
  if (stale) process.exitCode = 1
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
