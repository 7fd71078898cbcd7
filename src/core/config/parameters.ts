import * as z from '../zod.js'
import { describeValue, ConfigurationError, type Problem } from '../errors.js'
import { suggest } from '../suggest.js'

/**
 * Typed workflow arguments (the seed's pydantic TrainConfig / DeployConfig): a workflow may declare
 * its parameters in promote.yaml,
 *
 *   workflows:
 *     train:
 *       parameters:
 *         source_url: { type: string, required: true }
 *         test_size: { type: number, default: 0.2 }
 *
 * and then every argument given to it (workflow `arguments`, `environments.<env>.arguments.<wf>`,
 * the action's `arguments` input, --arg) must be one of them with the declared type; defaults fill
 * what nobody set; a required parameter nobody set stops the run before anything is submitted.
 * A workflow without `parameters` takes any arguments, as before.
 */
export const PARAMETER_TYPES = [
  'string',
  'number',
  'integer',
  'boolean',
  'list',
  'object',
  'any'
] as const
export type ParameterType = (typeof PARAMETER_TYPES)[number]

const TYPE_TEXT: Record<ParameterType, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  list: 'a list',
  object: 'a mapping',
  any: 'any value'
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function hasType(type: ParameterType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string'
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value)
    case 'boolean':
      return typeof value === 'boolean'
    case 'list':
      return Array.isArray(value)
    case 'object':
      return isRecord(value) && !(value instanceof Map) && !(value instanceof Set)
    case 'any':
      return true
  }
}

/** Why `value` is not of `type` (`expected a number, got 'abc'`), or undefined when it is. */
export function typeProblem(type: ParameterType, value: unknown): string | undefined {
  if (hasType(type, value)) return undefined
  const quote =
    type === 'string' && (typeof value === 'number' || typeof value === 'boolean')
      ? ` (quote it to pass text: '${String(value)}')`
      : ''
  return `expected ${TYPE_TEXT[type]}, got ${describeValue(value)}${quote}`
}

/** Where a parameter is declared in promote.yaml (set when the file is loaded). */
export interface DeclaredAt {
  file: string
  line: number
  column: number
}

export interface WorkflowParameter {
  type: ParameterType
  required: boolean
  default?: unknown
  description?: string | undefined
  declaredAt?: DeclaredAt
}

/** What promote.yaml may write for a parameter (`declaredAt` is the loader's, never the user's). */
export interface WorkflowParameterInput {
  type?: ParameterType | undefined
  required?: boolean | undefined
  default?: unknown
  description?: string | undefined
}

// Typed by hand (the schema itself has no transform, which would drop the defaults around it from
// the generated JSON Schema): the output leaves room for the loader's `declaredAt`.
export const parameterSchema: z.ZodMiniType<WorkflowParameter, WorkflowParameterInput> =
  z.withDescription(
    z
      .strictObject({
        type: z.withDescription(
          z._default(z.enum(PARAMETER_TYPES), 'any'),
          'string, number (any number), integer, boolean, list, object (a mapping) or any (default)'
        ),
        required: z.withDescription(
          z._default(z.boolean(), false),
          'The run is refused before it is submitted when no layer sets this argument'
        ),
        default: z.withDescription(
          z.optional(z.unknown()),
          'Value used when no layer sets the argument (must have the declared type)'
        ),
        description: z.withDescription(
          z.optional(z.string()),
          'What the argument means (for people)'
        )
      })
      .check(
        z.superRefine((parameter, ctx) => {
          if (parameter.default === undefined) return
          const problem = typeProblem(parameter.type, parameter.default)
          if (problem) ctx.addIssue({ code: 'custom', path: ['default'], message: problem })
          if (parameter.required) {
            ctx.addIssue({
              code: 'custom',
              path: ['required'],
              message:
                'a parameter with a default is never missing: drop `required: true` or the default'
            })
          }
        })
      ),
    'A declared workflow argument: its type, whether it is required, its default'
  )

export const parametersSchema = z.withDescription(
  z.record(z.string().check(z.minLength(1, 'must not be empty')), parameterSchema),
  'Declared arguments, by name. When set, every argument given to the workflow (here, per environment, or by the `arguments` input / --arg) must be one of these, with its type'
)

type Issue = { path: PropertyKey[]; message: string }

/** At most this many did-you-mean searches per config: each costs the number of parameters. */
const SUGGESTION_BUDGET = 50
/** Parameter names listed in a message at most. */
const LISTED = 12

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, LISTED).join(', ')
  return names.length > LISTED ? `${shown}, … (${names.length} in all)` : shown
}

/** A shared allowance of did-you-mean searches, so many misspellings stay linear in cost. */
interface Budget {
  left: number
}

function unknownArgument(
  name: string,
  workflow: string,
  declared: readonly string[],
  budget: Budget
): string {
  // Words far longer than any parameter have no close match; skip the edit-distance search.
  const hint =
    budget.left > 0 && name.length <= 64 ? (budget.left--, suggest(name, declared)) : undefined
  return `'${name}' is not a parameter of workflow '${workflow}'; ${
    hint
      ? `did you mean '${hint}'?`
      : `declare it under workflows.${workflow}.parameters or use one of: ${listNames(declared) || '(none)'}`
  }`
}

function declaredTypes(parameters: Record<string, unknown>): Map<string, ParameterType> {
  const types = new Map<string, ParameterType>()
  for (const [name, spec] of Object.entries(parameters)) {
    const type = isRecord(spec) ? spec.type : undefined
    // An invalid type has its own issue; check arguments against it as `any` meanwhile.
    types.set(
      name,
      typeof type === 'string' && (PARAMETER_TYPES as readonly string[]).includes(type)
        ? (type as ParameterType)
        : 'any'
    )
  }
  return types
}

function checkArguments(
  args: unknown,
  path: PropertyKey[],
  workflow: string,
  types: Map<string, ParameterType>,
  budget: Budget,
  issues: Issue[]
): void {
  if (!isRecord(args)) return
  let names: string[] | undefined
  for (const [name, value] of Object.entries(args)) {
    const type = types.get(name)
    if (type === undefined) {
      names ??= [...types.keys()]
      issues.push({
        path: [...path, name],
        message: unknownArgument(name, workflow, names, budget)
      })
      continue
    }
    const problem = typeProblem(type, value)
    if (problem) {
      issues.push({
        path: [...path, name],
        message: `${problem} (parameter '${name}' of workflow '${workflow}' is ${type})`
      })
    }
  }
}

/**
 * Arguments in promote.yaml that a workflow's `parameters` do not allow: unknown names (with a
 * did-you-mean) and values of the wrong type, in `workflows.<wf>.arguments` and
 * `environments.<env>.arguments.<wf>`. Written against possibly-invalid data, like the other cross
 * references; one pass over the arguments and parameters (each lookup is a Map's).
 */
export function argumentIssues(config: unknown): Issue[] {
  const issues: Issue[] = []
  if (!isRecord(config) || !isRecord(config.workflows)) return issues
  const budget: Budget = { left: SUGGESTION_BUDGET }
  const declared = new Map<string, Map<string, ParameterType>>()
  for (const [workflow, spec] of Object.entries(config.workflows)) {
    if (!isRecord(spec) || !isRecord(spec.parameters)) continue
    const types = declaredTypes(spec.parameters)
    declared.set(workflow, types)
    checkArguments(
      spec.arguments,
      ['workflows', workflow, 'arguments'],
      workflow,
      types,
      budget,
      issues
    )
  }
  if (declared.size === 0 || !isRecord(config.environments)) return issues
  for (const [envName, env] of Object.entries(config.environments)) {
    if (!isRecord(env) || !isRecord(env.arguments)) continue
    for (const [workflow, args] of Object.entries(env.arguments)) {
      const types = declared.get(workflow)
      if (types) {
        const path = ['environments', envName, 'arguments', workflow]
        checkArguments(args, path, workflow, types, budget, issues)
      }
    }
  }
  return issues
}

/**
 * Records where each parameter is declared, for errors raised after loading (a missing argument).
 * Looked up when first asked for: a position costs the full, position-keeping parse of the file,
 * which a valid promote.yaml otherwise never needs. Not enumerable, so the config still reads
 * (and serialises) as what the user wrote.
 */
export function locateParameters(
  config: {
    workflows: Record<string, { parameters?: Record<string, WorkflowParameter> | undefined }>
  },
  source: {
    file: string
    positionOf(
      path: readonly PropertyKey[],
      which?: 'key' | 'value'
    ): { line: number; column: number }
  }
): void {
  for (const [workflow, spec] of Object.entries(config.workflows)) {
    for (const [name, parameter] of Object.entries(spec.parameters ?? {})) {
      let declaredAt: DeclaredAt | undefined
      Object.defineProperty(parameter, 'declaredAt', {
        configurable: true,
        enumerable: false,
        get: () =>
          (declaredAt ??= {
            file: source.file,
            ...source.positionOf(['workflows', workflow, 'parameters', name], 'key')
          })
      })
    }
  }
}

/** One source of arguments, in the order they are merged (later ones win). */
export interface ArgumentLayer {
  /** Where the values come from, for messages: `workflows.train.arguments`, `--arg`. */
  from: string
  values: Record<string, unknown>
  /** Arguments promote-actions supplies itself (deploy: model_uri): allowed undeclared. */
  builtIn?: boolean
}

/**
 * Merges the argument layers of a workflow run over its parameters' defaults and checks them: every
 * name declared (built-in ones aside), every value of its type, every required parameter set.
 * Without parameters the layers are merged as they are. Throws one ConfigurationError listing
 * every problem, each required parameter at the file:line where it is declared.
 */
export function resolveArguments(
  workflow: string,
  parameters: Record<string, WorkflowParameter> | undefined,
  layers: readonly ArgumentLayer[]
): Record<string, unknown> {
  const merged: Record<string, unknown> = {}
  if (!parameters) {
    for (const layer of layers) Object.assign(merged, layer.values)
    return merged
  }
  const problems: Problem[] = []
  const budget: Budget = { left: SUGGESTION_BUDGET }
  let names: string[] | undefined
  for (const [name, parameter] of Object.entries(parameters)) {
    if (parameter.default !== undefined) merged[name] = structuredClone(parameter.default)
  }
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer.values)) {
      const parameter = Object.hasOwn(parameters, name) ? parameters[name] : undefined
      if (!parameter) {
        if (!layer.builtIn) {
          names ??= Object.keys(parameters)
          problems.push({
            message: `argument ${unknownArgument(name, workflow, names, budget)} (from ${layer.from})`
          })
          continue
        }
      } else {
        const problem = typeProblem(parameter.type, value)
        if (problem) {
          problems.push({
            ...(parameter.declaredAt ?? {}),
            path: `workflows.${workflow}.parameters.${name}`,
            message: `argument '${name}' from ${layer.from}: ${problem} (the parameter is ${parameter.type})`
          })
          continue
        }
      }
      merged[name] = value
    }
  }
  for (const [name, parameter] of Object.entries(parameters)) {
    if (!parameter.required || merged[name] !== undefined) continue
    problems.push({
      ...(parameter.declaredAt ?? {}),
      path: `workflows.${workflow}.parameters.${name}`,
      message: `required argument '${name}' of workflow '${workflow}' is not set: give it in workflows.${workflow}.arguments, in environments.<env>.arguments.${workflow}, or with the \`arguments\` input / --arg ${name}=...`
    })
  }
  if (problems.length > 0) {
    throw new ConfigurationError(
      problems,
      problems.length === 1
        ? undefined
        : `workflow '${workflow}': ${problems.length} problems with its arguments (nothing was submitted)`
    )
  }
  return merged
}
