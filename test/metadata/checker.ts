// Checks for action metadata (action.yml) and for the workflows that use our actions and reusable
// workflows. Pure functions over YAML text, so checker.test.ts can prove they catch mistakes on
// small fixtures, and actions.test.ts / workflows.test.ts run them over the real repository.
import { parse as parseYaml } from 'yaml'
import * as z from '../../src/core/zod.js'

export const ACTION_NAMES = ['submit-train', 'submit-deploy', 'lint-test', 'notify'] as const
export type ActionName = (typeof ACTION_NAMES)[number]

const BRANDING_COLORS = [
  'white',
  'black',
  'yellow',
  'blue',
  'green',
  'orange',
  'red',
  'purple',
  'gray-dark'
] as const

const described = z.string().check(z.trim(), z.minLength(1, 'needs a description'))
const actionInput = z.looseObject({
  description: described,
  required: z.optional(z.boolean()),
  default: z.optional(z.union([z.string(), z.number(), z.boolean()])),
  deprecationMessage: z.optional(z.string())
})
const actionOutput = z.looseObject({ description: described })

/** The shape GitHub requires of a JavaScript action's action.yml, plus our house rules. */
export const actionMetadataSchema = z.strictObject({
  name: z.string().check(z.minLength(1)),
  description: described,
  author: z.optional(z.string()),
  branding: z.strictObject({
    icon: z.string().check(z.regex(/^[a-z0-9-]+$/, 'must be a Feather icon name')),
    color: z.enum(BRANDING_COLORS)
  }),
  inputs: z._default(z.record(z.string(), actionInput), {}),
  outputs: z._default(z.record(z.string(), actionOutput), {}),
  runs: z.strictObject({
    using: z.literal('node24'),
    main: z.string().check(z.minLength(1)),
    pre: z.optional(z.string()),
    'pre-if': z.optional(z.string()),
    post: z.optional(z.string()),
    'post-if': z.optional(z.string())
  })
})
export type ActionMetadata = z.output<typeof actionMetadataSchema>

/** The root action.yml: a composite action that only tells the user which sub-action to use. */
export const rootActionSchema = z.strictObject({
  name: z.string().check(z.minLength(1)),
  description: described,
  author: z.optional(z.string()),
  branding: z.strictObject({
    icon: z.string().check(z.minLength(1)),
    color: z.enum(BRANDING_COLORS)
  }),
  runs: z.strictObject({
    using: z.literal('composite'),
    steps: z.array(z.looseObject({ run: z.string(), shell: z.literal('bash') })).check(z.length(1))
  })
})

function zodProblems(error: z.core.$ZodError, prefix: string): string[] {
  return error.issues.map(
    issue => `${prefix}${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`
  )
}

export function parseYamlText(file: string, text: string): { value?: unknown; problems: string[] } {
  try {
    return { value: parseYaml(text, { uniqueKeys: true }), problems: [] }
  } catch (error) {
    return { problems: [`${file}: invalid YAML: ${(error as Error).message.split('\n')[0]}`] }
  }
}

/** Finds the default of an input schema field: the value zod fills in for a missing input. */
export function zodDefault(field: z.core.$ZodType): { has: boolean; value?: unknown } {
  let node: z.core.$ZodType | undefined = field
  for (let guard = 0; node && guard < 20; guard++) {
    const def = node._zod.def as {
      type: string
      defaultValue?: unknown
      innerType?: z.core.$ZodType
      in?: z.core.$ZodType
    }
    if (def.type === 'default' || def.type === 'prefault')
      return { has: true, value: def.defaultValue }
    node = def.type === 'pipe' ? def.in : def.innerType
  }
  return { has: false }
}

export interface ActionCheckOptions {
  /** The action folder name (submit-train, ...). */
  name: string
  /** Whether a path relative to the repository root exists. */
  exists: (repoPath: string) => boolean
  /**
   * The entry of the shared bundle (src/bundle.ts) that a dist/ stub starts, undefined when the
   * file is not such a stub. Each step has its own stub: a post step pointing at the main step's
   * would run the main step again.
   */
  stubEntry: (repoPath: string) => string | undefined
  /** The zod object the action's code parses its inputs with. */
  inputSchema?: z.ZodMiniObject<Record<string, z.ZodMiniType>>
}

/** Problems of one `<name>/action.yml`; [] when it is right. */
export function checkActionMetadata(text: string, options: ActionCheckOptions): string[] {
  const file = `${options.name}/action.yml`
  const parsed = parseYamlText(file, text)
  if (parsed.problems.length) return parsed.problems
  const result = actionMetadataSchema.safeParse(parsed.value)
  if (!result.success) return zodProblems(result.error, `${file}: `)
  const action = result.data
  const problems: string[] = []

  for (const key of ['main', 'pre', 'post'] as const) {
    const target = action.runs[key]
    if (target === undefined) continue
    // action.yml paths are relative to the action's folder.
    const repoPath = normalise(`${options.name}/${target}`)
    if (!repoPath.startsWith('dist/'))
      problems.push(`${file}: runs.${key} '${target}' must point under dist/`)
    else if (!options.exists(repoPath))
      problems.push(`${file}: runs.${key} '${target}' does not exist (${repoPath}); run the build`)
    else {
      const expected = key === 'main' ? options.name : `${options.name}/${key}`
      const entry = options.stubEntry(repoPath)
      if (entry !== expected)
        problems.push(
          `${file}: runs.${key} '${target}' must start the bundle entry '${expected}', ` +
            (entry === undefined ? 'but is not an entry stub' : `not '${entry}'`)
        )
    }
  }

  if (options.inputSchema) {
    const declared = Object.keys(action.inputs)
    const parsedKeys = Object.keys(options.inputSchema.shape)
    for (const key of declared.filter(k => !parsedKeys.includes(k))) {
      problems.push(
        `${file}: input '${key}' is declared but src/actions/${options.name}/inputs.ts does not parse it`
      )
    }
    for (const key of parsedKeys.filter(k => !declared.includes(k))) {
      problems.push(
        `${file}: src/actions/${options.name}/inputs.ts parses input '${key}' that action.yml does not declare`
      )
    }
    for (const key of declared.filter(k => parsedKeys.includes(k))) {
      const input = action.inputs[key]!
      const zodField = options.inputSchema.shape[key]!
      const schemaDefault = zodDefault(zodField)
      const yamlDefault = input.default === undefined ? undefined : String(input.default)
      const codeDefault = schemaDefault.has ? String(schemaDefault.value) : undefined
      if (yamlDefault !== codeDefault) {
        problems.push(
          `${file}: input '${key}' defaults to ${yamlDefault === undefined ? '(none)' : `'${yamlDefault}'`} in action.yml but to ${
            codeDefault === undefined ? '(none)' : `'${codeDefault}'`
          } in inputs.ts`
        )
      }
      if (
        input.required === true &&
        input.default === undefined &&
        zodField.safeParse(undefined).success
      ) {
        problems.push(`${file}: input '${key}' is required in action.yml but optional in inputs.ts`)
      }
    }
  }
  return problems
}

function normalise(path: string): string {
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '..') parts.pop()
    else if (part !== '.' && part !== '') parts.push(part)
  }
  return parts.join('/')
}

/** What a workflow may pass to an action. */
export interface ActionInterface {
  inputs: Record<string, { required?: boolean; default?: unknown }>
}

/** What a reusable workflow declares under on.workflow_call. */
export interface WorkflowCallInterface {
  inputs: Record<string, { required?: boolean; default?: unknown }>
  secrets: Record<string, { required?: boolean }>
}

export interface WorkflowCheckContext {
  actions: Record<string, ActionInterface>
  /**
   * The workflow_call interface of a reusable workflow: `name` is its file name under
   * .github/workflows/, `local` says whether it was referenced as ./.github/workflows/...
   * Undefined when no such workflow exists.
   */
  reusable: (name: string, local: boolean) => WorkflowCallInterface | 'not-callable' | undefined
}

/** `./submit-train`, `org/promote-actions/submit-train@v1`, `./submit-train/` */
const ACTION_REF = new RegExp(
  `^(?:\\./|[^/\\s]+/promote-actions/)(${ACTION_NAMES.join('|')})/?(?:@(.+))?$`
)
/** `./.github/workflows/x.yml`, `org/promote-actions/.github/workflows/x.yml@v1` */
const WORKFLOW_REF =
  /^(\.\/|[^/\s]+\/promote-actions\/)\.github\/workflows\/([^@/]+\.ya?ml)(?:@(.+))?$/

export function workflowCallInterface(
  text: string
): WorkflowCallInterface | 'not-callable' | undefined {
  let doc: unknown
  try {
    doc = parseYaml(text)
  } catch {
    return undefined
  }
  const on = (doc as { on?: unknown } | null)?.on
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
  if (on === 'workflow_call' || (Array.isArray(on) && on.includes('workflow_call')))
    return { inputs: {}, secrets: {} }
  if (!isRecord(on) || !('workflow_call' in on)) return 'not-callable'
  const call = isRecord(on.workflow_call) ? on.workflow_call : {}
  return {
    inputs: (isRecord(call.inputs) ? call.inputs : {}) as WorkflowCallInterface['inputs'],
    secrets: (isRecord(call.secrets) ? call.secrets : {}) as WorkflowCallInterface['secrets']
  }
}

/** Problems in how one workflow file uses our actions and reusable workflows; [] when right. */
export function checkWorkflowUses(
  file: string,
  text: string,
  context: WorkflowCheckContext
): string[] {
  const parsed = parseYamlText(file, text)
  if (parsed.problems.length) return parsed.problems
  const doc = parsed.value as { jobs?: Record<string, unknown> } | null
  const problems: string[] = []
  const jobs =
    doc && typeof doc === 'object' && doc.jobs && typeof doc.jobs === 'object' ? doc.jobs : {}
  // In a reusable workflow, ./ is the caller's checkout, not this repository.
  const callable = typeof workflowCallInterface(text) === 'object'
  for (const [jobId, jobValue] of Object.entries(jobs)) {
    const job = (jobValue ?? {}) as {
      uses?: unknown
      with?: unknown
      secrets?: unknown
      steps?: unknown
    }
    if (typeof job.uses === 'string') problems.push(...checkReusableUse(file, jobId, job, context))
    const steps = Array.isArray(job.steps) ? job.steps : []
    steps.forEach((stepValue, index) => {
      const step = (stepValue ?? {}) as {
        uses?: unknown
        with?: unknown
        name?: unknown
        id?: unknown
      }
      if (typeof step.uses !== 'string') return
      const match = ACTION_REF.exec(step.uses)
      if (!match) return
      const where = `${file}: jobs.${jobId}.steps[${index}]${typeof step.id === 'string' ? ` (${step.id})` : ''} uses ${step.uses}`
      if (callable && step.uses.startsWith('./')) {
        problems.push(
          `${where}: a reusable workflow runs in the caller's repository, where ./ is not promote-actions; use <owner>/promote-actions/${match[1]}@<ref>`
        )
      }
      if (!step.uses.startsWith('./') && match[2] === undefined) {
        problems.push(`${where}: a remote action needs a version, e.g. @v1`)
      }
      const action = context.actions[match[1]!]
      if (!action) {
        problems.push(`${where}: no such action in this repository`)
        return
      }
      const passed = withKeys(step.with)
      for (const key of passed.filter(k => !(k in action.inputs))) {
        problems.push(
          `${where}: input '${key}' is not declared by ${match[1]}/action.yml (inputs: ${Object.keys(action.inputs).join(', ')})`
        )
      }
      for (const [key, input] of Object.entries(action.inputs)) {
        if (input.required === true && input.default === undefined && !passed.includes(key)) {
          problems.push(`${where}: required input '${key}' is missing`)
        }
      }
    })
  }
  return problems
}

function withKeys(value: unknown): string[] {
  return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : []
}

function checkReusableUse(
  file: string,
  jobId: string,
  job: { uses?: unknown; with?: unknown; secrets?: unknown },
  context: WorkflowCheckContext
): string[] {
  const uses = job.uses as string
  const match = WORKFLOW_REF.exec(uses)
  if (!match) return []
  const where = `${file}: jobs.${jobId} uses ${uses}`
  const local = match[1] === './'
  const problems: string[] = []
  if (!local && match[3] === undefined)
    problems.push(`${where}: a remote reusable workflow needs a version, e.g. @v1`)
  const callee = context.reusable(match[2]!, local)
  if (callee === undefined) return [...problems, `${where}: no such workflow`]
  if (callee === 'not-callable')
    return [...problems, `${where}: that workflow has no on.workflow_call trigger`]
  const inputs = withKeys(job.with)
  for (const key of inputs.filter(k => !(k in callee.inputs))) {
    problems.push(
      `${where}: input '${key}' is not declared by on.workflow_call.inputs (declared: ${Object.keys(callee.inputs).join(', ') || 'none'})`
    )
  }
  for (const [key, input] of Object.entries(callee.inputs)) {
    if (input?.required === true && input.default === undefined && !inputs.includes(key)) {
      problems.push(`${where}: required input '${key}' is missing`)
    }
  }
  if (job.secrets === 'inherit') return problems
  const secrets = withKeys(job.secrets)
  for (const key of secrets.filter(k => !(k in callee.secrets))) {
    problems.push(
      `${where}: secret '${key}' is not declared by on.workflow_call.secrets (declared: ${Object.keys(callee.secrets).join(', ') || 'none'})`
    )
  }
  for (const [key, secret] of Object.entries(callee.secrets)) {
    if (secret?.required === true && !secrets.includes(key))
      problems.push(`${where}: required secret '${key}' is missing`)
  }
  return problems
}

/** Whether a YAML file outside .github/workflows/ is a workflow (examples keep some at their root). */
export function looksLikeWorkflow(text: string): boolean {
  try {
    const doc = parseYaml(text) as Record<string, unknown> | null
    return !!doc && typeof doc === 'object' && 'jobs' in doc && 'on' in doc
  } catch {
    return false
  }
}
