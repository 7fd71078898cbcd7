/**
 * A stateful fake Argo Server (REST API of Argo Workflows) on loopback.
 *
 * Every request is validated against the real swagger (../shared/specs/argo-workflows.swagger.json):
 * an invalid one gets 400 `{code: 3, message}` listing the problems, and the problems (also those
 * of the fake's own responses) go to `violations`. Tests end with `expect(argo.violations).toEqual([])`.
 *
 *   const argo = await startArgoServer({ token: 't0ken', templates: { train: { steps: [...] } } })
 *   ... cluster { kind: argo, url: argo.url, tokenEnv: ARGO_TOKEN } ...
 *
 * Routes: POST /api/v1/workflows/{ns}/submit (WorkflowTemplate only; unknown template 404;
 * submitOptions.labels / .annotations read as server/workflow/workflow_server.go SubmitWorkflow →
 * workflow/util/util.go ApplySubmitOpts → util/cmd/cmd.go ParseLabels read them: split on ',',
 * then on '=' into exactly two parts, else 500; then Kubernetes validates the object: a label
 * key or value that is not a valid label (63 characters of [A-Za-z0-9._-], alphanumeric at both
 * ends) is refused, 400 InvalidArgument),
 * GET /api/v1/workflows/{ns}/{name} (`fields=` honoured), GET /api/v1/workflows/{ns}
 * (listOptions.labelSelector k=v[,k=v]), PUT /api/v1/workflows/{ns}/{name}/terminate, and
 * GET /api/v1/workflow-events/{ns} (server-sent events, below).
 * Each status GET moves a workflow one poll along: Pending for `pendingPolls`, Running for
 * `runningPolls`, then Succeeded (outputs set), or Failed/Error with `error` as the message;
 * `hang: true` keeps it Running until terminated (then Failed, "Stopped with strategy 'Terminate'").
 *
 * The event stream follows server/workflow/workflow_server.go WatchWorkflows (the workflow named
 * by `listOptions.fieldSelector=metadata.name=<name>` must exist; `fields` apply with their
 * `result.object.` prefix) and argoproj/pkg grpc/http/forwarders.go (with `Accept:
 * text/event-stream`: `data: {"result": {"type", "object"}} \n\n` per event, an event only
 * when the projected message changed, a `:` keepalive line every 15 s). `listOptions.resourceVersion=0`
 * starts with an ADDED event of the workflow as it is. While watched, a workflow moves one poll
 * along every `streamTickMs` (the controller at work), so a stream alone sees it end.
 * `events`: 'stream' (default), a status to refuse the route with (404 as behind a proxy that
 * does not route it, 501), or 'json' (a proxy that drops the Accept header: the answer is JSON).
 * `breakStreamAfter: n` drops each stream's connection after n events.
 *
 * Detached submissions: POST /api/v1/workflows/{ns} (server/workflow/workflow_server.go
 * CreateWorkflow → workflow/validate/validate.go ValidateWorkflow): `workflow` is required; with
 * spec.workflowTemplateRef the Workflow may hold no `templates` ("Templates is invalid field in
 * spec if workflow referred WorkflowTemplate reference", 400) and the referred template must exist
 * (404 NotFound); hooks other than `exit` need an `expression` (validateHooks); hooks.exit is not
 * resolved at creation, as in Argo. GET /api/v1/workflow-templates/{ns}/{name} and
 * /api/v1/cluster-workflow-templates/{name} answer the training templates and the
 * `workflowTemplates` given as manifests (e.g. docs/argo-callback.yaml). `finish(name)` ends a
 * workflow and runs its exit hook as the controller does (operator.go: GetExitHook, hook arguments
 * or else the workflow's; globals such as {{workflow.name}} / {{workflow.status}} substituted before
 * inputs, workflow/common/util.go SubstituteParams); the hook's template must exist (else the exit
 * node errors, recorded in `exitHooks`), and its container is run the way docs/argo-callback.yaml's
 * script runs curl: its env is resolved (value, or secretKeyRef from `secrets`; a missing Secret or
 * key fails the pod, CreateContainerConfigError), then POST DISPATCH_URL with `Authorization:
 * Bearer $GITHUB_TOKEN`, the DISPATCH_HEADERS lines and DISPATCH_BODY.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { startServer, type RecordedRequest, type TestServer } from '../helpers/http-server.js'
import { loadSpecValidator, type SpecValidator } from '../helpers/openapi.js'
import { Faults, withFaults } from '../orchestrators/faults.js'

export interface FakeTemplate {
  steps?: Array<{ name: string; outputs?: Record<string, string> }>
  /** Workflow outputs (status.outputs.parameters) once it succeeds. */
  outputs?: Record<string, string>
  outcome?: 'Succeeded' | 'Failed' | 'Error'
  error?: string
  pendingPolls?: number
  runningPolls?: number
  hang?: boolean
}

export interface FakeWorkflow {
  name: string
  namespace: string
  uid: string
  template: string
  labels: Record<string, string>
  annotations: Record<string, string>
  parameters: Record<string, string>
  created: string
  polls: number
  terminated: boolean
  def: FakeTemplate
  /** spec.hooks (created Workflows only). */
  hooks?: Record<string, FakeHook>
  /** The outcome `finish()` forced. */
  forced?: 'Succeeded' | 'Failed' | 'Error'
}

export interface FakeHook {
  template?: string
  templateRef?: { name?: string; template?: string; clusterScope?: boolean }
  arguments?: { parameters?: Array<{ name: string; value?: string }> }
  expression?: string
}

/** A WorkflowTemplate manifest (the parts the fake runs: templates with inputs and a container). */
export interface WorkflowTemplateManifest {
  metadata: { name: string }
  spec: {
    templates: Array<{
      name: string
      inputs?: { parameters?: Array<{ name: string; value?: string }> }
      container?: {
        env?: Array<{
          name: string
          value?: string
          valueFrom?: { secretKeyRef?: { name: string; key: string } }
        }>
      }
    }>
  }
}

/** What an exit hook did when its workflow ended. */
export interface ExitHookRun {
  workflow: string
  phase: 'Succeeded' | 'Failed' | 'Error'
  message?: string
  request?: { url: string; headers: Record<string, string>; body: string; status: number }
}

export interface ArgoServer extends TestServer {
  workflows: FakeWorkflow[]
  /** Exit hooks run by finish(), in order. */
  exitHooks: ExitHookRun[]
  /** Ends a workflow (its template's outcome, or `outcome`) and runs its exit hook. */
  finish(name: string, outcome?: 'Succeeded' | 'Failed' | 'Error'): Promise<void>
  violations: string[]
  faults: Faults
  terminated: string[]
  /** Event streams opened (GET workflow-events answered 200). */
  streams(): number
  /** Status requests (GET /api/v1/workflows/{ns}/{name}). */
  statusRequests(): number
}

function phaseOf(wf: FakeWorkflow): { phase: string; message?: string } {
  if (wf.terminated) return { phase: 'Failed', message: "Stopped with strategy 'Terminate'" }
  if (wf.forced)
    return wf.forced === 'Succeeded'
      ? { phase: wf.forced }
      : { phase: wf.forced, message: wf.def.error ?? 'child failed' }
  const pending = wf.def.pendingPolls ?? 1
  const running = wf.def.runningPolls ?? 2
  if (wf.polls <= pending) return { phase: 'Pending' }
  if (wf.def.hang || wf.polls <= pending + running) return { phase: 'Running' }
  const outcome = wf.def.outcome ?? 'Succeeded'
  return outcome === 'Succeeded'
    ? { phase: outcome }
    : { phase: outcome, message: wf.def.error ?? 'child failed' }
}

function toWorkflow(wf: FakeWorkflow): Record<string, unknown> {
  const { phase, message } = phaseOf(wf)
  const done = !['Pending', 'Running'].includes(phase)
  const started = new Date(Date.parse(wf.created) + 1000).toISOString()
  const nodes: Record<string, unknown> = {}
  const steps = wf.def.steps ?? [{ name: 'main' }]
  steps.forEach((step, index) => {
    const id = `${wf.name}-${index + 1}`
    const last = index === steps.length - 1
    const stepPhase =
      phase === 'Pending'
        ? 'Pending'
        : !done
          ? last
            ? 'Running'
            : 'Succeeded'
          : last
            ? phase
            : 'Succeeded'
    nodes[id] = {
      id,
      name: `${wf.name}.${step.name}`,
      displayName: step.name,
      type: 'Pod',
      templateName: step.name,
      phase: stepPhase,
      startedAt: new Date(Date.parse(started) + index * 1000).toISOString(),
      ...(stepPhase !== 'Running' &&
        stepPhase !== 'Pending' && {
          finishedAt: new Date(Date.parse(started) + (index + 1) * 1000).toISOString()
        }),
      ...(stepPhase !== 'Succeeded' && message && { message }),
      ...(step.outputs &&
        stepPhase === 'Succeeded' && {
          outputs: {
            parameters: Object.entries(step.outputs).map(([name, value]) => ({ name, value }))
          }
        })
    }
  })
  return {
    metadata: {
      name: wf.name,
      namespace: wf.namespace,
      uid: wf.uid,
      labels: wf.labels,
      ...(Object.keys(wf.annotations).length && { annotations: wf.annotations }),
      creationTimestamp: wf.created
    },
    spec: {
      entrypoint: 'main',
      workflowTemplateRef: { name: wf.template },
      arguments: {
        parameters: Object.entries(wf.parameters).map(([name, value]) => ({ name, value }))
      },
      ...(wf.hooks && { hooks: wf.hooks })
    },
    status: {
      phase,
      ...(message && { message }),
      ...(phase !== 'Pending' && { startedAt: started }),
      ...(done && {
        finishedAt: new Date(Date.parse(started) + steps.length * 1000).toISOString()
      }),
      nodes,
      ...(phase === 'Succeeded' &&
        wf.def.outputs && {
          outputs: {
            parameters: Object.entries(wf.def.outputs).map(([name, value]) => ({ name, value }))
          }
        })
    }
  }
}

/** Keeps only the listed dotted paths (Argo's `fields` parameter); `items.` paths apply per item. */
export function projectFields(
  value: Record<string, unknown>,
  fields: string | null
): Record<string, unknown> {
  if (!fields) return value
  const out: Record<string, unknown> = {}
  for (const field of fields
    .split(',')
    .map(f => f.trim())
    .filter(Boolean)) {
    const parts = field.split('.')
    copyPath(value, out, parts)
  }
  return out
}

function copyPath(from: unknown, to: Record<string, unknown>, parts: string[]): void {
  if (!from || typeof from !== 'object') return
  const [head, ...rest] = parts
  const source = (from as Record<string, unknown>)[head!]
  if (source === undefined) return
  if (rest.length === 0) {
    to[head!] = source
    return
  }
  if (Array.isArray(source)) {
    const target = (Array.isArray(to[head!]) ? to[head!] : source.map(() => ({}))) as Record<
      string,
      unknown
    >[]
    source.forEach((item, i) => copyPath(item, target[i]!, rest))
    to[head!] = target
    return
  }
  const target = (to[head!] ?? {}) as Record<string, unknown>
  copyPath(source, target, rest)
  to[head!] = target
}

function parseLabels(text: string | undefined): Record<string, string> {
  const labels: Record<string, string> = {}
  for (const pair of (text ?? '').split(',').filter(Boolean)) {
    const at = pair.indexOf('=')
    labels[pair.slice(0, at)] = pair.slice(at + 1)
  }
  return labels
}

/** util/cmd/cmd.go ParseLabels: `k=v[,k=v]`, each split on '=' into exactly two parts. */
function parseSubmitPairs(text: string): Record<string, string> | string {
  const pairs: Record<string, string> = {}
  for (const spec of text.split(',')) {
    const parts = spec.split('=')
    if (parts.length !== 2) return `unexpected label spec: ${spec}`
    if (!parts[0]) return 'unexpected empty label key'
    pairs[parts[0]] = parts[1]!
  }
  return pairs
}

/** k8s.io/apimachinery validation: label values (IsValidLabelValue) and qualified keys. */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/
const QUALIFIED_NAME =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/
function metadataProblems(labels: Record<string, string>, annotations: Record<string, string>) {
  const problems: string[] = []
  for (const [key, value] of Object.entries(labels)) {
    if (!QUALIFIED_NAME.test(key))
      problems.push(
        `metadata.labels: Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.'`
      )
    if (value.length > 63 || !LABEL_VALUE.test(value))
      problems.push(
        `metadata.labels: Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`
      )
  }
  for (const key of Object.keys(annotations)) {
    if (!QUALIFIED_NAME.test(key)) problems.push(`metadata.annotations: Invalid value: "${key}"`)
  }
  return problems
}

const rpcError = (code: number, message: string) => ({ code, message })

export async function startArgoServer(options: {
  specFile: string
  token?: string
  templates?: Record<string, FakeTemplate>
  namespace?: string
  events?: 'stream' | 'json' | number
  keepaliveMs?: number
  streamTickMs?: number
  breakStreamAfter?: number
  /** More WorkflowTemplates (manifests), e.g. the callback template of docs/argo-callback.yaml. */
  workflowTemplates?: WorkflowTemplateManifest[]
  /** Kubernetes Secrets of the namespace: name → data (decoded). */
  secrets?: Record<string, Record<string, string>>
}): Promise<ArgoServer> {
  const spec: SpecValidator = loadSpecValidator(options.specFile)
  const templates = options.templates ?? { train: {} }
  const workflows: FakeWorkflow[] = []
  const violations: string[] = []
  const terminated: string[] = []
  const exitHooks: ExitHookRun[] = []
  const faults = new Faults()
  const manifests = new Map((options.workflowTemplates ?? []).map(t => [t.metadata.name, t]))
  /** A WorkflowTemplate as the server answers it: the training ones get a `main` template. */
  const templateJson = (name: string, namespace: string) => {
    const manifest = manifests.get(name)
    if (manifest) return { metadata: { name, namespace }, spec: structuredClone(manifest.spec) }
    if (templates[name])
      return {
        metadata: { name, namespace },
        spec: { entrypoint: 'main', templates: [{ name: 'main' }] }
      }
    return undefined
  }

  /** The controller running the exit hook of an ended workflow, and the hook's curl container. */
  const runExitHook = async (wf: FakeWorkflow) => {
    const hook = wf.hooks?.exit
    // A terminated workflow runs no exit handler (ShutdownStrategy.ShouldExecute: Terminate → false).
    if (!hook || wf.terminated) return
    const { phase } = phaseOf(wf)
    const record: ExitHookRun = { workflow: wf.name, phase: 'Error' }
    exitHooks.push(record)
    const manifest = hook.templateRef ? manifests.get(hook.templateRef.name ?? '') : undefined
    const template = manifest?.spec.templates.find(t => t.name === hook.templateRef?.template)
    if (!template) {
      record.message = `error in exit template execution : template reference ${hook.templateRef?.name}.${hook.templateRef?.template} not found`
      return
    }
    // Globals first (SubstituteParams), then the inputs into the template.
    const globals: Record<string, string> = {
      'workflow.name': wf.name,
      'workflow.namespace': wf.namespace,
      'workflow.status': phase,
      'workflow.uid': wf.uid
    }
    const substitute = (text: string, values: Record<string, string>) =>
      text.replace(/{{\s*([^}]+?)\s*}}/g, (all, key: string) => values[key] ?? all)
    const args = Object.fromEntries(
      (hook.arguments?.parameters ?? []).map(p => [p.name, substitute(p.value ?? '', globals)])
    )
    const inputs: Record<string, string> = { ...globals }
    for (const p of template.inputs?.parameters ?? []) {
      const value = args[p.name] ?? p.value
      if (value === undefined) {
        record.message = `inputs.parameters.${p.name} was not supplied`
        return
      }
      inputs[`inputs.parameters.${p.name}`] = value
    }
    const env: Record<string, string> = {}
    for (const e of template.container?.env ?? []) {
      if (e.value !== undefined) env[e.name] = substitute(e.value, inputs)
      const ref = e.valueFrom?.secretKeyRef
      if (ref) {
        const name = substitute(ref.name, inputs)
        const key = substitute(ref.key, inputs)
        const value = options.secrets?.[name]?.[key]
        if (value === undefined) {
          record.message = `CreateContainerConfigError: secret "${name}" (key "${key}") not found`
          return
        }
        env[e.name] = value
      }
    }
    const headers: Record<string, string> = {
      authorization: `Bearer ${env.GITHUB_TOKEN ?? ''}`,
      'content-type': 'application/json',
      'user-agent': 'curl/8.11.1'
    }
    for (const line of (env.DISPATCH_HEADERS ?? '').split('\n')) {
      const at = line.indexOf(':')
      if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim()
    }
    const url = env.DISPATCH_URL ?? ''
    const body = env.DISPATCH_BODY ?? ''
    const response = await fetch(url, { method: 'POST', headers, body })
    record.request = { url, headers, body, status: response.status }
    record.phase = response.ok ? 'Succeeded' : 'Failed'
    if (!response.ok)
      record.message = `curl: (22) The requested URL returned error: ${response.status}`
  }

  const finish = async (name: string, outcome?: 'Succeeded' | 'Failed' | 'Error') => {
    const wf = workflows.find(w => w.name === name)
    if (!wf) throw new Error(`fake Argo: no workflow ${name}`)
    wf.forced = outcome ?? wf.def.outcome ?? 'Succeeded'
    await runExitHook(wf)
  }

  const reply = (request: RecordedRequest, status: number, body: unknown) => {
    const problems = spec.validateResponse(request.method, request.path, status, body)
    violations.push(...problems.map(p => `response to ${request.method} ${request.path}: ${p}`))
    return { status, body }
  }

  let streams = 0
  const stream = (request: RecordedRequest, response: ServerResponse, wf: FakeWorkflow) =>
    new Promise<undefined>(done => {
      streams++
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'transfer-encoding': 'chunked',
        'x-content-type-options': 'nosniff'
      })
      let sent = 0
      let previous = ''
      const send = (type: string) => {
        const message = { result: { type, object: toWorkflow(wf) } }
        reply(request, 200, message)
        const data = JSON.stringify(projectFields(message, request.query.get('fields')))
        if (data === previous) return
        previous = data
        response.write(`data: ${data} \n\n`)
        if (++sent === options.breakStreamAfter) {
          finish()
          response.socket?.destroy()
        }
      }
      const tick = setInterval(() => {
        wf.polls++
        send('MODIFIED')
      }, options.streamTickMs ?? 20)
      const keepalive = setInterval(() => response.write(':\n'), options.keepaliveMs ?? 15_000)
      const finish = () => {
        clearInterval(tick)
        clearInterval(keepalive)
        done(undefined)
      }
      response.on('close', finish)
      if (request.query.get('listOptions.resourceVersion') === '0') send('ADDED')
    })

  const route = async (request: RecordedRequest, response: ServerResponse) => {
    const problems = spec.validateRequest(
      request.method,
      request.path,
      request.body === '' ? undefined : request.body,
      request.query
    )
    if (problems.length) {
      violations.push(...problems.map(p => `${request.method} ${request.path}: ${p}`))
      return reply(request, 400, rpcError(3, problems.join('; ')))
    }
    if (options.token && request.headers.authorization !== `Bearer ${options.token}`) {
      return reply(
        request,
        401,
        rpcError(16, 'token not valid. see https://argo-workflows.readthedocs.io/en/latest/faq/')
      )
    }
    if (request.method === 'GET' && request.path.startsWith('/api/v1/workflow-events/')) {
      const events = options.events ?? 'stream'
      if (typeof events === 'number')
        return { status: events, body: rpcError(events === 404 ? 5 : 12, 'Not Found') }
      const namespace = decodeURIComponent(request.path.split('/')[4] ?? '')
      const name = /^metadata\.name=(.+)$/.exec(
        request.query.get('listOptions.fieldSelector') ?? ''
      )?.[1]
      const wf = workflows.find(w => w.namespace === namespace && w.name === name)
      if (!wf) return reply(request, 404, rpcError(5, `workflows.argoproj.io "${name}" not found`))
      // A proxy that drops Accept: the gateway's newline-delimited JSON.
      if (events === 'json')
        return { status: 200, body: { result: { type: 'ADDED', object: toWorkflow(wf) } } }
      if (request.headers.accept !== 'text/event-stream')
        violations.push('GET workflow-events without Accept: text/event-stream')
      return stream(request, response, wf)
    }
    const templateRoute =
      /^\/api\/v1\/(?:workflow-templates\/([^/]+)|cluster-workflow-templates)\/([^/]+)$/.exec(
        request.path
      )
    if (request.method === 'GET' && templateRoute) {
      const tplName = decodeURIComponent(templateRoute[2]!)
      const found = templateJson(tplName, decodeURIComponent(templateRoute[1] ?? ''))
      if (!found)
        return reply(
          request,
          404,
          rpcError(
            5,
            `${templateRoute[1] ? 'workflowtemplates' : 'clusterworkflowtemplates'}.argoproj.io "${tplName}" not found`
          )
        )
      return reply(request, 200, found)
    }
    const parts = request.path.split('/').slice(4).map(decodeURIComponent)
    const [namespace, name, action] = parts
    const find = () => workflows.find(w => w.namespace === namespace && w.name === name)
    if (request.method === 'POST' && name === 'submit' && parts.length === 2) {
      const body = request.body as {
        resourceKind?: string
        resourceName?: string
        submitOptions?: {
          generateName?: string
          parameters?: string[]
          labels?: string
          annotations?: string
        }
      }
      if (body.resourceKind !== 'WorkflowTemplate')
        return reply(request, 400, rpcError(3, `unsupported resourceKind '${body.resourceKind}'`))
      const def = templates[body.resourceName ?? '']
      if (!def) {
        return reply(
          request,
          404,
          rpcError(5, `workflowtemplates.argoproj.io "${body.resourceName}" not found`)
        )
      }
      const parameters: Record<string, string> = {}
      for (const p of body.submitOptions?.parameters ?? []) {
        const at = p.indexOf('=')
        if (at < 1) return reply(request, 400, rpcError(3, `parameter '${p}' is not name=value`))
        parameters[p.slice(0, at)] = p.slice(at + 1)
      }
      const passed: Array<Record<string, string>> = []
      for (const [what, text] of [
        ['labels', body.submitOptions?.labels],
        ['Annotations', body.submitOptions?.annotations]
      ] as const) {
        const parsed = text ? parseSubmitPairs(text) : {}
        if (typeof parsed === 'string') {
          violations.push(`submitOptions.${what.toLowerCase()}: ${parsed}`)
          return reply(
            request,
            500,
            rpcError(
              13,
              `expected ${what} of the form: NAME1=VALUE2,NAME2=VALUE2. Received: ${text}: ${parsed}`
            )
          )
        }
        passed.push(parsed)
      }
      const [labels, annotations] = passed as [Record<string, string>, Record<string, string>]
      const invalid = metadataProblems(labels, annotations)
      if (invalid.length) {
        violations.push(...invalid)
        return reply(
          request,
          400,
          rpcError(3, `Workflow.argoproj.io is invalid: ${invalid.join(', ')}`)
        )
      }
      const wf: FakeWorkflow = {
        name: `${body.submitOptions?.generateName ?? `${body.resourceName}-`}${randomBytes(3).toString('hex').slice(0, 5)}`,
        namespace: namespace!,
        uid: randomUUID(),
        template: body.resourceName!,
        labels: {
          ...labels,
          'workflows.argoproj.io/workflow-template': body.resourceName!
        },
        annotations,
        parameters,
        created: new Date().toISOString(),
        polls: 0,
        terminated: false,
        def
      }
      workflows.push(wf)
      return reply(request, 200, toWorkflow(wf))
    }
    if (request.method === 'POST' && parts.length === 1) {
      const body = request.body as {
        workflow?: {
          metadata?: {
            name?: string
            generateName?: string
            labels?: Record<string, string>
            annotations?: Record<string, string>
          }
          spec?: {
            workflowTemplateRef?: { name?: string; clusterScope?: boolean }
            templates?: unknown[]
            arguments?: { parameters?: Array<{ name: string; value?: string }> }
            hooks?: Record<string, FakeHook>
            onExit?: string
          }
        }
      }
      const workflow = body.workflow
      if (!workflow) return reply(request, 400, rpcError(3, 'workflow body not specified'))
      const spec = workflow.spec ?? {}
      const ref = spec.workflowTemplateRef
      if (!ref?.name) {
        violations.push('fake Argo creates Workflows from a workflowTemplateRef only')
        return reply(request, 400, rpcError(3, 'fake Argo needs spec.workflowTemplateRef'))
      }
      if (spec.templates?.length)
        return reply(
          request,
          400,
          rpcError(
            3,
            'Templates is invalid field in spec if workflow referred WorkflowTemplate reference'
          )
        )
      const def = templates[ref.name]
      if (!def)
        return reply(
          request,
          404,
          rpcError(5, `workflowtemplates.argoproj.io "${ref.name}" not found`)
        )
      for (const [hookName, hook] of Object.entries(spec.hooks ?? {}))
        if (hookName !== 'exit' && !hook.expression)
          return reply(request, 400, rpcError(3, `hooks.${hookName} Expression required`))
      const labels = workflow.metadata?.labels ?? {}
      const annotations = workflow.metadata?.annotations ?? {}
      const invalid = metadataProblems(labels, annotations)
      if (invalid.length) {
        violations.push(...invalid)
        return reply(
          request,
          400,
          rpcError(3, `Workflow.argoproj.io is invalid: ${invalid.join(', ')}`)
        )
      }
      const parameters: Record<string, string> = {}
      for (const p of spec.arguments?.parameters ?? []) parameters[p.name] = p.value ?? ''
      const wf: FakeWorkflow = {
        name:
          workflow.metadata?.name ??
          `${workflow.metadata?.generateName ?? `${ref.name}-`}${randomBytes(3).toString('hex').slice(0, 5)}`,
        namespace: namespace!,
        uid: randomUUID(),
        template: ref.name,
        labels,
        annotations,
        parameters,
        created: new Date().toISOString(),
        polls: 0,
        terminated: false,
        def,
        ...(spec.hooks && { hooks: spec.hooks })
      }
      workflows.push(wf)
      return reply(request, 200, toWorkflow(wf))
    }
    if (request.method === 'GET' && parts.length === 1) {
      const selector = parseLabels(request.query.get('listOptions.labelSelector') ?? '')
      const items = workflows
        .filter(
          w =>
            w.namespace === namespace &&
            Object.entries(selector).every(([k, v]) => w.labels[k] === v)
        )
        .map(toWorkflow)
      const list = { metadata: {}, items }
      reply(request, 200, list)
      return { status: 200, body: projectFields(list, request.query.get('fields')) }
    }
    if (request.method === 'GET' && parts.length === 2) {
      const wf = find()
      if (!wf) return reply(request, 404, rpcError(5, `workflows.argoproj.io "${name}" not found`))
      wf.polls++
      const full = toWorkflow(wf)
      reply(request, 200, full)
      return { status: 200, body: projectFields(full, request.query.get('fields')) }
    }
    if (request.method === 'PUT' && action === 'terminate') {
      const wf = find()
      if (!wf) return reply(request, 404, rpcError(5, `workflows.argoproj.io "${name}" not found`))
      const { phase } = phaseOf(wf)
      if (phase === 'Pending' || phase === 'Running') wf.terminated = true
      terminated.push(wf.name)
      return reply(request, 200, toWorkflow(wf))
    }
    return {
      status: 501,
      body: rpcError(12, `fake Argo Server does not implement ${request.method} ${request.path}`)
    }
  }

  const server = await startServer((request, response) =>
    withFaults(faults, request, response, () => route(request, response))
  )
  const statusPath = /^\/api\/v1\/workflows\/[^/]+\/[^/]+$/
  return Object.assign(server, {
    workflows,
    exitHooks,
    finish,
    violations,
    faults,
    terminated,
    streams: () => streams,
    statusRequests: () =>
      server.requests.filter(r => r.method === 'GET' && statusPath.test(r.path)).length
  })
}
