import * as z from '../zod.js'
import { branchNameProblem } from '../git-ref.js'
import { parseDuration } from '../duration.js'
import { MODEL_KEY_PATTERN, MODEL_KEY_RULE, outsideRepositoryProblem } from '../paths.js'
import { describeValue } from '../errors.js'
import { argumentIssues, parametersSchema } from './parameters.js'

/** Pipeline and notification events, in the order a run goes through them. */
export const EVENTS = ['started', 'approval-pending', 'succeeded', 'failed', 'cancelled'] as const
export type PipelineEvent = (typeof EVENTS)[number]

export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
/** Prefixes of real credentials: a value like this belongs in a secret, not in git. */
const SECRET_PREFIXES =
  /^(xox[abposr]-|xapp-|ghp_|gho_|ghs_|ghu_|ghr_|github_pat_|glpat-|sk-|AKIA|eyJ)/

/**
 * Shapes of credentials that are unmistakable wherever they appear (any string in promote.yaml):
 * provider token prefixes, JWTs, private keys, Slack webhook URLs and URLs with a password.
 */
const LITERAL_SECRETS: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\bxox[abposr]-[A-Za-z0-9-]{8,}/, what: 'a Slack token' },
  { pattern: /\bxapp-[A-Za-z0-9-]{8,}/, what: 'a Slack app token' },
  { pattern: /\b(ghp|gho|ghs|ghu|ghr)_[A-Za-z0-9]{20,}/, what: 'a GitHub token' },
  { pattern: /\bgithub_pat_[A-Za-z0-9_]{20,}/, what: 'a GitHub token' },
  { pattern: /\bglpat-[A-Za-z0-9_-]{16,}/, what: 'a GitLab token' },
  { pattern: /\bsk-[A-Za-z0-9_-]{20,}/, what: 'an API key' },
  { pattern: /\bAKIA[0-9A-Z]{16}\b/, what: 'an AWS access key' },
  { pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\./, what: 'a JWT' },
  { pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/, what: 'a private key' },
  { pattern: /hooks\.slack\.com\/(services|workflows|triggers)\//, what: 'a Slack webhook URL' },
  { pattern: /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i, what: 'a URL with a password' },
  // https://TOKEN@host: a token in the user part (ssh's user part is a login name, not a secret).
  {
    pattern: /(?:^|\s)(?!(?:git\+)?ssh:)[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+@/i,
    what: 'a URL with credentials in its user part'
  }
]

/** Whether an `...Env` value is a secret rather than the name of the variable holding it. */
export function looksLikeSecret(value: string): boolean {
  if (SECRET_PREFIXES.test(value) || literalSecretKind(value)) return true
  // Long mixed-case-and-digit runs are tokens; environment variable names are UPPER_SNAKE words.
  return (
    value.length >= 24 &&
    /[a-z]/.test(value) &&
    /[A-Z]/.test(value) &&
    /\d/.test(value) &&
    !value.includes('_')
  )
}

/** What kind of credential `value` contains, if it unmistakably contains one. */
export function literalSecretKind(value: string): string | undefined {
  return LITERAL_SECRETS.find(s => s.pattern.test(value))?.what
}

const SECRET_MESSAGE =
  'looks like a literal secret: store it as a repository secret, pass it to the job as an environment variable, and put that variable name here (e.g. MLRUN_TOKEN)'

/** The name of an environment variable that holds a secret (never the secret itself). */
export const secretEnv = z.withDescription(
  z.withMeta(
    z.string().check(
      z.superRefine((value, ctx) => {
        if (looksLikeSecret(value)) ctx.addIssue({ code: 'custom', message: SECRET_MESSAGE })
        else if (!ENV_NAME.test(value)) {
          ctx.addIssue({
            code: 'custom',
            message: `'${value}' is not an environment variable name (letters, digits and _, e.g. MLRUN_TOKEN)`
          })
        }
      })
    ),
    { pattern: ENV_NAME.source }
  ),
  'Name of the environment variable holding the secret (never the secret itself)'
)

function durationProblem(value: string | number, positive: boolean): string | undefined {
  if (typeof value === 'number' && value < 0) return `must not be negative, got ${value}`
  let ms: number
  try {
    ms = parseDuration(value)
  } catch {
    return `'${value}' is not a duration: use a number with a unit, e.g. 90s, 45m, 2h or 1h30m`
  }
  return positive && ms <= 0 ? 'must be longer than zero' : undefined
}

const durationBase = (positive: boolean) =>
  z.withDescription(
    z.withMeta(
      z
        .union([z.string(), z.number()], {
          error: 'must be a duration such as 90s, 45m, 2h or 1h30m'
        })
        .check(
          z.superRefine((value, ctx) => {
            const problem = durationProblem(value, positive)
            if (problem) ctx.addIssue({ code: 'custom', message: problem })
          })
        ),
      { examples: ['90s', '45m', '2h', '1h30m'] }
    ),
    'Duration: 90s, 45m, 2h, 1h30m, or a number of seconds'
  )

/** A duration (`90m`, `2h`, `1h30m`, or seconds). */
export const duration = durationBase(false)
/** A duration that must be longer than zero (timeouts, intervals). */
export const positiveDuration = durationBase(true)

const httpUrl = z.withDescription(
  z.url({
    protocol: /^https?$/,
    error: issue =>
      issue.code === 'invalid_format'
        ? `must be an http:// or https:// URL, got ${describeValue(issue.input)}`
        : undefined
  }),
  'http(s) URL'
)
const name = z.string().check(z.minLength(1, 'must not be empty'))
export const jsonValue: z.ZodMiniType<unknown> = z.unknown()
const argumentsMap = z.withDescription(
  z.record(z.string(), jsonValue),
  'Workflow arguments (any JSON values)'
)

/** A key of an MLRun project secret (Kubernetes secret data key: [-._a-zA-Z0-9]+). */
const projectSecretKey = z.string().check(
  z.superRefine((value, ctx) => {
    if (looksLikeSecret(value)) ctx.addIssue({ code: 'custom', message: SECRET_NAME_MESSAGE })
    else if (!/^[-._a-zA-Z0-9]{1,253}$/.test(value))
      ctx.addIssue({
        code: 'custom',
        message: `'${value}' is not a secret key name (letters, digits, '-', '_' and '.', e.g. PROMOTE_GITHUB_DISPATCH)`
      })
  })
)
/** A Kubernetes object name (RFC 1123 subdomain): a Secret or a WorkflowTemplate. */
const kubernetesName = z.string().check(
  z.superRefine((value, ctx) => {
    if (looksLikeSecret(value)) ctx.addIssue({ code: 'custom', message: SECRET_NAME_MESSAGE })
    else if (
      value.length > 253 ||
      !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(value)
    )
      ctx.addIssue({
        code: 'custom',
        message: `'${value}' is not a Kubernetes name (lowercase letters, digits, '-' and '.')`
      })
  })
)
const SECRET_NAME_MESSAGE =
  'looks like a literal secret: name the secret that holds the token here, never the token'
const callbackApiUrl = z.withDescription(
  z.optional(httpUrl),
  "GitHub REST API URL the orchestrator calls (default: the submitting run's GITHUB_API_URL, https://api.github.com on github.com)"
)

const mlrunCallback = z.withDescription(
  z.strictObject({
    tokenSecret: z.withDescription(
      projectSecretKey,
      'Key of an MLRun project secret whose value is the JSON {"headers": {"Authorization": "Bearer <token>"}}: the run notification\'s secret_params name it ({"secret": key}), so the token never travels in the submit request; the token needs Contents: write (fine-grained) or repo scope'
    ),
    apiUrl: callbackApiUrl
  }),
  "Detached runs: a webhook run notification that sends the repository_dispatch 'promote-training-finished' when the workflow runner ends (completed, error or aborted)"
)

const argoCallback = z.withDescription(
  z.strictObject({
    tokenSecret: z.withDescription(
      kubernetesName,
      "Kubernetes Secret (in the cluster's namespace) holding the GitHub token, read by the exit handler's container through secretKeyRef; the token needs Contents: write (fine-grained) or repo scope"
    ),
    tokenKey: z.withDescription(
      z._default(
        z
          .string()
          .check(
            z.regex(
              /^[-._a-zA-Z0-9]+$/,
              "must be a Secret data key (letters, digits, '-', '_' and '.')"
            )
          ),
        'token'
      ),
      'Key of the token in that Secret'
    ),
    template: z.withDescription(
      z._default(kubernetesName, 'promote-callback'),
      'WorkflowTemplate holding the exit handler (docs/argo-callback.yaml has it): a Workflow referring to a WorkflowTemplate may not carry templates of its own (workflow/validate/validate.go WorkflowTemplateRefFields)'
    ),
    entrypoint: z.withDescription(
      z._default(z.string().check(z.minLength(1)), 'dispatch'),
      'Template of that WorkflowTemplate the exit hook runs'
    ),
    clusterScope: z.withDescription(
      z._default(z.boolean(), false),
      'The callback template is a ClusterWorkflowTemplate'
    ),
    apiUrl: callbackApiUrl
  }),
  "Detached runs: an exit hook (spec.hooks.exit) on the Workflow that POSTs the repository_dispatch 'promote-training-finished' when the workflow ends, whatever its phase"
)

const mlrunCluster = z.strictObject({
  kind: z.withDescription(
    z.literal('mlrun'),
    'MLRun (runs project workflows through the MLRun API)'
  ),
  url: z.withDescription(
    httpUrl,
    'MLRun API URL, e.g. https://mlrun-api.default-tenant.app.example.com'
  ),
  uiUrl: z.withDescription(
    z.optional(httpUrl),
    'MLRun UI URL for run links (default: the API URL)'
  ),
  tokenEnv: z.withDescription(z.optional(secretEnv), 'Bearer token environment variable'),
  usernameEnv: z.withDescription(
    z.optional(secretEnv),
    'Iguazio username environment variable (Basic auth with accessKeyEnv)'
  ),
  accessKeyEnv: z.withDescription(
    z.optional(secretEnv),
    'Iguazio access key environment variable (V3IO_ACCESS_KEY)'
  ),
  source: z.withDescription(
    z.optional(z.string()),
    "Project source loaded by the runner, e.g. git://github.com/org/repo#{branch}; '{branch}' becomes the environment's branch"
  ),
  artifactPath: z.withDescription(z.optional(z.string()), 'Where the runner writes artifacts'),
  clientVersion: z.withDescription(
    z._default(z.string(), '1.7.0'),
    'Sent as x-mlrun-client-version'
  ),
  createProject: z.withDescription(
    z._default(z.boolean(), true),
    "Create an environment's project when it does not exist (as mlrun.get_or_create_project), with the source, artifact path and the workflows that have a path; false fails with the fix instead"
  ),
  callback: z.optional(mlrunCallback)
})

const kfpCluster = z.strictObject({
  kind: z.withDescription(z.literal('kfp'), 'Kubeflow Pipelines v2'),
  url: z.withDescription(
    httpUrl,
    'Kubeflow Pipelines API URL (the ml-pipeline service or its ingress)'
  ),
  uiUrl: z.withDescription(z.optional(httpUrl), 'KFP UI URL for run links (default: the API URL)'),
  tokenEnv: z.withDescription(z.optional(secretEnv), 'Bearer token environment variable'),
  experimentId: z.withDescription(z.optional(z.string()), 'Experiment the runs are filed under'),
  namespace: z.withDescription(z.optional(z.string()), 'Kubernetes namespace (multi-user KFP)')
})

const argoCluster = z.strictObject({
  kind: z.withDescription(z.literal('argo'), 'Argo Workflows (WorkflowTemplates)'),
  url: z.withDescription(httpUrl, 'Argo Server URL'),
  uiUrl: z.withDescription(
    z.optional(httpUrl),
    'Argo UI URL for run links (default: the server URL)'
  ),
  namespace: z.withDescription(
    z._default(z.string(), 'argo'),
    'Namespace of the WorkflowTemplates and Workflows'
  ),
  tokenEnv: z.withDescription(z.optional(secretEnv), 'Bearer token environment variable'),
  callback: z.optional(argoCallback)
})

const commandCluster = z.strictObject({
  kind: z.withDescription(z.literal('command'), 'Any CLI run on the runner (or your laptop)'),
  cwd: z.withDescription(
    z.optional(z.string()),
    'Working directory of the commands (default: the repository root)'
  ),
  env: z.withDescription(
    z.optional(z.record(z.string(), z.string())),
    'Extra environment variables (not secrets)'
  )
})

export const CLUSTER_KINDS = ['mlrun', 'kfp', 'argo', 'command'] as const
export const clusterSchema = z.withDescription(
  z.discriminatedUnion('kind', [mlrunCluster, kfpCluster, argoCluster, commandCluster]),
  'An orchestrator: kind mlrun, kfp, argo or command (any CLI, or local)'
)

export const workflowSchema = z.strictObject({
  name: z.withDescription(
    z.optional(z.string()),
    'Remote workflow / pipeline / WorkflowTemplate name (default: the key)'
  ),
  path: z.withDescription(
    z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
    "MLRun: the workflow file in the project source, as project_setup.py's set_workflow (e.g. src/workflows/train_workflow.py); sent with each submit and used when promote-actions creates the project"
  ),
  command: z.withDescription(
    z.optional(
      z.union([
        z.string().check(z.minLength(1, 'must not be empty')),
        z.array(z.string()).check(z.minLength(1, 'needs at least the program name'))
      ])
    ),
    'Command line for `command` clusters, e.g. python project_run.py --workflow-name train'
  ),
  pipelineId: z.withDescription(
    z.optional(z.string()),
    'KFP pipeline id (default: resolved by name)'
  ),
  pipelineVersionId: z.withDescription(
    z.optional(z.string()),
    'KFP pipeline version id (default: the latest)'
  ),
  arguments: z._default(argumentsMap, {}),
  parameters: z.withDescription(
    z.optional(parametersSchema),
    'Declared arguments, by name, e.g. {source_url: {type: string, required: true}, test_size: {type: number, default: 0.2}}; when set, every argument of this workflow must be one of them, with its type'
  ),
  timeout: z.withDescription(
    z._default(positiveDuration, '60m'),
    'How long to wait before cancelling the remote run'
  )
})

const THRESHOLDS = ['min', 'max', 'maxDrop', 'maxRelativeDrop'] as const
const gateFields = {
  better: z.withDescription(
    z.enum(['higher', 'lower']),
    'Which direction of the metric is better (default: higher)'
  ),
  min: z.withDescription(z.optional(z.number()), 'Fail below this value'),
  max: z.withDescription(z.optional(z.number()), 'Fail above this value'),
  maxDrop: z.withDescription(
    z.optional(z.number().check(z.nonnegative())),
    'Largest allowed worsening against the champion, absolute'
  ),
  maxRelativeDrop: z.withDescription(
    z.optional(z.number().check(z.nonnegative())),
    'Largest allowed worsening against the champion, as a fraction (0.05 = 5%)'
  )
}
const minNotAboveMax = (rule: { min?: number | undefined; max?: number | undefined }) =>
  rule.min === undefined || rule.max === undefined || rule.min <= rule.max

const gateRule = z
  .strictObject({ ...gateFields, better: z._default(gateFields.better, 'higher') })
  .check(
    z.refine(minNotAboveMax, { message: 'min must not exceed max', path: ['min'] }),
    z.refine(rule => THRESHOLDS.some(t => rule[t] !== undefined), {
      message: `set at least one of ${THRESHOLDS.join(', ')}`
    })
  )

/** A per-environment gate override: only the fields it sets replace the global rule's. */
const gateOverride = z
  .strictObject({ ...gateFields, better: z.optional(gateFields.better) })
  .check(z.refine(minNotAboveMax, { message: 'min must not exceed max', path: ['min'] }))

export const gatesSchema = z.withDescription(
  z.record(z.string(), gateRule),
  'Metric gates, by metric name'
)
export const gateOverridesSchema = z.withDescription(
  z.record(z.string(), gateOverride),
  'Gate overrides for this environment, by metric name (merged over `gates`)'
)

const approvalSchema = z.strictObject({
  distinctApprover: z.withDescription(
    z._default(z.boolean(), false),
    'Refuse an approval given by the actor who triggered the run'
  ),
  allowUnprotected: z.withDescription(
    z._default(z.boolean(), false),
    'Accept the risk of deploying to an environment without required reviewers (private repos without GitHub Enterprise)'
  )
})

export const environmentSchema = z.strictObject({
  branch: z.withDescription(
    name.check(
      z.superRefine((value, ctx) => {
        const problem = value ? branchNameProblem(value) : undefined
        if (problem) ctx.addIssue({ code: 'custom', message: `not a git branch name: ${problem}` })
      })
    ),
    'Git branch this environment deploys from'
  ),
  cluster: z.withDescription(name, 'Name of the cluster (under `clusters`) this environment uses'),
  requireApproval: z.withDescription(
    z.optional(z.boolean()),
    'Require a GitHub environment approval (default: true for every environment but the first)'
  ),
  fourEyes: z.withDescription(
    z._default(z.boolean(), false),
    "Four-eyes rule: the approver is neither the merged pull request's author nor its merger (without a pull request, not who triggered the run)"
  ),
  url: z.withDescription(z.optional(httpUrl), 'URL shown on the GitHub deployment'),
  arguments: z.withDescription(
    z._default(z.record(z.string(), argumentsMap), {}),
    'Per-workflow argument overrides, e.g. {deploy: {replicas: 3}}'
  ),
  projectSuffix: z.withDescription(
    z.optional(z.string()),
    'Appended to the project name, e.g. -staging'
  ),
  userProject: z.withDescription(
    z.optional(z.boolean()),
    "MLRun user_project=True: append '-<user>' to the project name (after projectSuffix), the user being the cluster's usernameEnv value normalised as MLRun does (the seed's staging/master in --single-cluster-mode)"
  ),
  source: z.withDescription(
    z.optional(z.string()),
    "Project source for this environment (MLRun), overriding the cluster's `source`"
  ),
  gates: z.optional(gateOverridesSchema)
})

const registrySchema = z.withDescription(
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.withDescription(z.literal('mlrun'), 'The MLRun artifact store of an mlrun cluster'),
      cluster: z.withDescription(
        z.optional(z.string()),
        'MLRun cluster to read (default: the first mlrun cluster)'
      )
    }),
    z.strictObject({
      kind: z.withDescription(z.literal('mlflow'), 'An MLflow model registry'),
      url: z.withDescription(httpUrl, 'MLflow tracking server URL'),
      tokenEnv: z.withDescription(z.optional(secretEnv), 'Bearer token environment variable'),
      usernameEnv: z.withDescription(
        z.optional(secretEnv),
        'Basic auth username environment variable'
      ),
      passwordEnv: z.withDescription(
        z.optional(secretEnv),
        'Basic auth password environment variable'
      )
    }),
    z.strictObject({
      kind: z.withDescription(
        z.literal('file'),
        'A registry in a local directory (tests, demos, the CLI)'
      ),
      path: z.withDescription(
        z._default(z.string(), '.promote/registry'),
        'Directory of the local registry'
      )
    })
  ]),
  'Where model versions, tags and aliases live: mlrun, mlflow or a local file registry'
)

/** Tags become file names (`model:<tag>.yaml`), MLRun tags and MLflow aliases: the common subset. */
const tagName = z
  .string()
  .check(
    z.regex(
      /^[A-Za-z0-9_-]+$/,
      "must be letters, digits, '-' or '_' (it names files, MLRun tags and MLflow aliases)"
    )
  )

const modelSchema = z.withDescription(
  z.strictObject({
    name: z.withDescription(
      name.check(z.regex(MODEL_KEY_PATTERN, MODEL_KEY_RULE)),
      'Registry key / registered model name, e.g. model'
    ),
    registry: z._default(registrySchema, { kind: 'file', path: '.promote/registry' }),
    exportDir: z.withDescription(
      z._default(
        z.string().check(
          z.minLength(1, 'must not be empty'),
          z.superRefine((dir, ctx) => {
            const problem = outsideRepositoryProblem(dir)
            if (problem) ctx.addIssue({ code: 'custom', message: problem })
          })
        ),
        'artifacts'
      ),
      'Where exported manifests are committed: a directory inside the repository, relative to its root'
    ),
    challengerTag: z.withDescription(
      z._default(tagName, 'challenger'),
      'Tag (or alias) of the model under review'
    ),
    championTag: z.withDescription(
      z._default(tagName, 'champion'),
      'Tag (or alias) of the model in production'
    )
  }),
  'The model being promoted'
)

const eventList = z
  .array(z.enum(EVENTS))
  .check(
    z.refine(events => new Set(events).size === events.length, { message: 'lists an event twice' })
  )

const notificationsSchema = z.withDescription(
  z.strictObject({
    slack: z.withDescription(
      z.optional(
        z.strictObject({
          channel: z.withDescription(
            z.optional(z.string().check(z.minLength(1))),
            'Channel id or name (bot token mode)'
          ),
          tokenEnv: z.withDescription(
            z.optional(secretEnv),
            'Bot token environment variable (xoxb-...)'
          ),
          webhookEnv: z.withDescription(
            z.optional(secretEnv),
            'Incoming webhook URL environment variable'
          ),
          events: z.withDescription(
            z._default(eventList, [...EVENTS]),
            `Events to post: ${EVENTS.join(', ')}`
          ),
          mentionOnFailure: z.withDescription(
            z.optional(z.string()),
            'User group id (S0123ABC) mentioned on failure'
          )
        })
      ),
      'Slack: a bot token and channel, or an incoming webhook'
    ),
    email: z.withDescription(
      z.optional(
        z.strictObject({
          to: z.withDescription(
            z
              .array(z.email('must be an email address'))
              .check(z.minLength(1, 'needs at least one recipient')),
            'Recipients'
          ),
          from: z.withDescription(
            z._default(z.email('must be an email address'), 'promote-actions@localhost'),
            'Sender address'
          ),
          smtpUrlEnv: z.withDescription(
            secretEnv,
            'Environment variable holding the SMTP URL, e.g. smtps://user:pass@host:465'
          ),
          events: z.withDescription(
            z._default(eventList, ['failed']),
            `Events to mail: ${EVENTS.join(', ')}`
          )
        })
      ),
      'Email through an SMTP server'
    )
  }),
  'Where run events are announced'
)

const deploymentSchema = z.withDescription(
  z.strictObject({
    workflow: z.withDescription(
      z._default(z.string(), 'deploy'),
      'Workflow (under `workflows`) that deploys a model'
    ),
    approval: z.withDescription(
      z._default(approvalSchema, { distinctApprover: false, allowUnprotected: false }),
      'Rules for GitHub environment approvals'
    ),
    sameArtifact: z.withDescription(
      z._default(z.boolean(), true),
      'Refuse a promotion unless the same manifest hash succeeded in the previous environment'
    ),
    updateChampion: z.withDescription(
      z._default(z.boolean(), false),
      'After a successful deploy to the last environment, move the champion tag/alias to it'
    ),
    smokeTest: z.withDescription(
      z._default(
        z.strictObject({
          step: z.withDescription(
            z.optional(name),
            "The deploy workflow's step that reports the smoke test (total_tests, errors, match, latencies), e.g. model-server-tester: its results are read, and a deploy where it did not run or reported nothing fails"
          )
        }),
        {}
      ),
      'Where the smoke-test results of the deploy workflow come from'
    )
  }),
  'How deployments are approved and recorded'
)

const configObject = z.strictObject({
  $schema: z.withDescription(z.optional(z.string()), 'JSON Schema of this file, for editors'),
  project: z.withDescription(
    name,
    'Project name (the MLRun project, the KFP experiment prefix, ...)'
  ),
  model: modelSchema,
  clusters: z.withDescription(
    z._default(z.record(z.string(), clusterSchema), { local: { kind: 'command' } as never }),
    'Orchestrators, by name (default: one `command` cluster named local)'
  ),
  environments: z.withDescription(
    z.record(z.string(), environmentSchema).check(
      z.refine(envs => Object.keys(envs).length > 0, {
        message: 'define at least one environment'
      })
    ),
    'Environments in promotion order, e.g. development, staging, production'
  ),
  workflows: z.withDescription(
    z._default(z.record(z.string(), workflowSchema), {}),
    'Workflows, by name (train, deploy, ...)'
  ),
  gates: z._default(gatesSchema, {}),
  deployment: z._default(deploymentSchema, {
    workflow: 'deploy',
    approval: { distinctApprover: false, allowUnprotected: false },
    sameArtifact: true,
    updateChampion: false,
    smokeTest: {}
  }),
  notifications: z._default(notificationsSchema, {})
})

type ConfigObject = z.output<typeof configObject>
type Issue = { path: PropertyKey[]; message: string }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const entries = (value: unknown): [string, Record<string, unknown>][] =>
  isRecord(value)
    ? (Object.entries(value).filter(([, v]) => isRecord(v)) as [string, Record<string, unknown>][])
    : []
/** Names for a message; a long list is cut, so a message stays short however big the file. */
const listOf = (names: string[], shown = 10) =>
  names.length === 0
    ? '(none)'
    : names.length <= shown
      ? names.join(', ')
      : `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`

/**
 * Rules that span fields: references between sections, pairs of fields that go together, and
 * literal secrets anywhere. Written against possibly-invalid data (it runs even when fields
 * failed), so one pass reports every problem.
 */
export function crossReferenceIssues(config: unknown): Issue[] {
  const issues: Issue[] = []
  if (!isRecord(config)) return issues
  // A section that is itself invalid has its own problem; checking references into it adds noise.
  const clustersValid = config.clusters === undefined || isRecord(config.clusters)
  const clusters = isRecord(config.clusters) ? config.clusters : {}
  const workflows = isRecord(config.workflows) ? config.workflows : {}
  const clusterNames = Object.keys(clusters)
  const workflowNames = Object.keys(workflows)
  const gates = isRecord(config.gates) ? config.gates : {}

  const branches = new Map<string, string>()
  let commandEnvironment: { envName: string; clusterName: string } | undefined
  const userProjectEnvironments: Record<string, string[]> = Object.create(null)
  for (const [envName, env] of entries(config.environments)) {
    if (
      clustersValid &&
      typeof env.cluster === 'string' &&
      env.cluster &&
      !Object.hasOwn(clusters, env.cluster)
    ) {
      issues.push({
        path: ['environments', envName, 'cluster'],
        message: `unknown cluster '${env.cluster}'; defined: ${listOf(clusterNames)}`
      })
    }
    if (typeof env.branch === 'string') {
      const other = branches.get(env.branch)
      if (other !== undefined) {
        issues.push({
          path: ['environments', envName, 'branch'],
          message: `branch '${env.branch}' already deploys to '${other}'; each environment needs its own branch`
        })
      } else branches.set(env.branch, envName)
    }
    for (const workflowName of isRecord(env.arguments) ? Object.keys(env.arguments) : []) {
      if (!Object.hasOwn(workflows, workflowName)) {
        issues.push({
          path: ['environments', envName, 'arguments', workflowName],
          message: `unknown workflow '${workflowName}'; defined: ${listOf(workflowNames)}`
        })
      }
    }
    for (const [metric, rule] of entries(env.gates)) {
      if (!Object.hasOwn(gates, metric) && !THRESHOLDS.some(t => rule[t] !== undefined)) {
        issues.push({
          path: ['environments', envName, 'gates', metric],
          message: `'${metric}' has no global gate, so this override needs one of ${THRESHOLDS.join(', ')}`
        })
      }
    }
    const cluster = isRecord(env.cluster === undefined ? undefined : clusters[String(env.cluster)])
      ? (clusters[String(env.cluster)] as Record<string, unknown>)
      : undefined
    if (cluster?.kind === 'command' && commandEnvironment === undefined)
      commandEnvironment = { envName, clusterName: String(env.cluster) }
    if (env.userProject === true && typeof env.cluster === 'string')
      (userProjectEnvironments[env.cluster] ??= []).push(envName)
  }
  // Once per workflow, not per environment x workflow: a problem list (and the time to build it)
  // must grow with the file, not with the product of two of its sections.
  if (commandEnvironment) {
    for (const [workflowName, workflow] of entries(workflows)) {
      if (workflow.command === undefined) {
        issues.push({
          path: ['workflows', workflowName, 'command'],
          message: `environment '${commandEnvironment.envName}' runs on command cluster '${commandEnvironment.clusterName}', so this workflow needs a command`
        })
      }
    }
  }

  for (const [clusterName, cluster] of entries(clusters)) {
    if (
      cluster.kind === 'mlrun' &&
      (cluster.usernameEnv === undefined) !== (cluster.accessKeyEnv === undefined)
    ) {
      issues.push({
        path: [
          'clusters',
          clusterName,
          cluster.usernameEnv === undefined ? 'usernameEnv' : 'accessKeyEnv'
        ],
        message: 'Basic auth needs both usernameEnv and accessKeyEnv'
      })
    }
    if (cluster.kind === 'mlrun' && cluster.usernameEnv === undefined) {
      for (const envName of userProjectEnvironments[clusterName] ?? []) {
        issues.push({
          path: ['environments', envName, 'userProject'],
          message: `MLRun appends the user name (V3IO_USERNAME) to the project: cluster '${clusterName}' needs usernameEnv naming the variable that holds it`
        })
      }
    }
    if (
      cluster.kind === 'mlrun' &&
      cluster.tokenEnv !== undefined &&
      cluster.accessKeyEnv !== undefined
    ) {
      issues.push({
        path: ['clusters', clusterName, 'tokenEnv'],
        message: 'choose one: tokenEnv (bearer) or usernameEnv/accessKeyEnv (basic)'
      })
    }
    if (cluster.kind === 'command') {
      for (const [variable, value] of Object.entries(isRecord(cluster.env) ? cluster.env : {})) {
        if (
          typeof value === 'string' &&
          value &&
          /(TOKEN|SECRET|PASSWORD|PASSWD|ACCESS_KEY|API_KEY)/i.test(variable)
        ) {
          issues.push({
            path: ['clusters', clusterName, 'env', variable],
            message: `${variable} looks like a secret: set it from a repository secret in the workflow's env, not in promote.yaml`
          })
        }
      }
    }
  }

  // MLRun project names are DNS-1123 labels; catch a bad one here rather than as a remote 400.
  if (typeof config.project === 'string' && config.project) {
    const badProjects = new Map<string, { path: PropertyKey[]; name: string; envs: string[] }>()
    for (const [envName, env] of entries(config.environments)) {
      const cluster =
        typeof env.cluster === 'string' && Object.hasOwn(clusters, env.cluster)
          ? clusters[env.cluster]
          : undefined
      if (!isRecord(cluster) || cluster.kind !== 'mlrun') continue
      const suffix = typeof env.projectSuffix === 'string' ? env.projectSuffix : undefined
      const projectName = `${config.project}${suffix ?? ''}`
      if (/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(projectName) && projectName.length <= 63) continue
      const path = suffix === undefined ? ['project'] : ['environments', envName, 'projectSuffix']
      const key = path.join('.')
      const entry = badProjects.get(key) ?? { path, name: projectName, envs: [] }
      entry.envs.push(envName)
      badProjects.set(key, entry)
    }
    for (const { path, name: projectName, envs } of badProjects.values()) {
      issues.push({
        path,
        message: `MLRun project '${projectName}' (${envs.length === 1 ? 'environment' : 'environments'} ${envs.join(', ')}) must be at most 63 lowercase letters, digits and inner dashes`
      })
    }
  }

  const model = isRecord(config.model) ? config.model : {}
  const registry = isRecord(model.registry) ? model.registry : undefined
  if (registry?.kind === 'mlrun') {
    const mlrunClusters = entries(clusters)
      .filter(([, c]) => c.kind === 'mlrun')
      .map(([n]) => n)
    if (typeof registry.cluster === 'string') {
      if ((clusters[registry.cluster] as Record<string, unknown> | undefined)?.kind !== 'mlrun') {
        issues.push({
          path: ['model', 'registry', 'cluster'],
          message: `'${registry.cluster}' is not an mlrun cluster; mlrun clusters: ${listOf(mlrunClusters)}`
        })
      }
    } else if (mlrunClusters.length === 0) {
      issues.push({
        path: ['model', 'registry'],
        message: 'an mlrun registry needs an mlrun cluster under `clusters`'
      })
    }
  }
  if ((model.challengerTag ?? 'challenger') === (model.championTag ?? 'champion')) {
    issues.push({
      path: ['model', 'championTag'],
      message: 'the champion and challenger tags must differ'
    })
  }

  const deployment = isRecord(config.deployment) ? config.deployment : {}
  // Without any workflows there is nothing to check against (a lint-only setup).
  const deployWorkflow = typeof deployment.workflow === 'string' ? deployment.workflow : 'deploy'
  if (workflowNames.length > 0 && !Object.hasOwn(workflows, deployWorkflow)) {
    issues.push({
      path: ['deployment', 'workflow'],
      message: `no workflow '${deployWorkflow}' under \`workflows\` deploys the model (deployment.workflow, default 'deploy'); defined: ${listOf(workflowNames)}`
    })
  }

  const notifications = isRecord(config.notifications) ? config.notifications : {}
  const slack = isRecord(notifications.slack) ? notifications.slack : undefined
  if (slack && slack.tokenEnv === undefined && slack.webhookEnv === undefined) {
    issues.push({
      path: ['notifications', 'slack'],
      message: 'set tokenEnv (bot token) or webhookEnv (incoming webhook)'
    })
  }
  if (slack && slack.tokenEnv !== undefined && slack.channel === undefined) {
    issues.push({
      path: ['notifications', 'slack', 'channel'],
      message: 'bot token mode needs a channel'
    })
  }

  // Arguments against the workflows' declared parameters (names and types).
  issues.push(...argumentIssues(config))

  walkStrings(config, [], (value, path) => {
    // ...Env fields and callback secret names have their own, stricter check.
    const last = String(path[path.length - 1])
    if (path[0] === '$schema' || last.endsWith('Env') || last === 'tokenSecret') return
    const kind = literalSecretKind(value)
    if (kind) {
      issues.push({
        path,
        message: `contains ${kind}: secrets are never literal in promote.yaml; store it as a repository secret and name its environment variable in a ...Env field`
      })
    }
  })
  return issues
}

function walkStrings(
  value: unknown,
  path: PropertyKey[],
  visit: (value: string, path: PropertyKey[]) => void
): void {
  if (typeof value === 'string') visit(value, path)
  else if (Array.isArray(value)) value.forEach((item, i) => walkStrings(item, [...path, i], visit))
  else if (isRecord(value))
    for (const [key, item] of Object.entries(value)) walkStrings(item, [...path, key], visit)
}

/** Applies the defaults that depend on other fields (approval: every environment but the first). */
function withDerivedDefaults(config: ConfigObject) {
  const environments = Object.fromEntries(
    Object.entries(config.environments).map(([envName, env], index) => [
      envName,
      { ...env, requireApproval: env.requireApproval ?? index > 0 }
    ])
  ) as Record<string, EnvironmentConfig>
  return { ...config, environments }
}

export const configSchema = z.pipe(
  configObject.check(
    z.superRefine(
      (config, ctx) => {
        for (const issue of crossReferenceIssues(config)) ctx.addIssue({ code: 'custom', ...issue })
      },
      // Run even when fields failed, so every problem is reported at once.
      { when: () => true }
    )
  ),
  z.transform(withDerivedDefaults)
)

/** The keys allowed at the top of promote.yaml. */
export const CONFIG_KEYS = Object.keys(configObject.shape)

export type PromoteConfig = z.output<typeof configSchema>
export type PromoteConfigInput = z.input<typeof configSchema>
export type ClusterConfig = z.output<typeof clusterSchema>
export type WorkflowConfig = z.output<typeof workflowSchema>
/** An environment after loading: `requireApproval` is always decided. */
export type EnvironmentConfig = Omit<z.output<typeof environmentSchema>, 'requireApproval'> & {
  requireApproval: boolean
}
export type GateRule = z.output<typeof gateRule>
export type GateOverride = z.output<typeof gateOverride>
export type GatesConfig = z.output<typeof gatesSchema>
export type RegistryConfig = PromoteConfig['model']['registry']
export type NotificationsConfig = PromoteConfig['notifications']
