import { z } from 'zod'
import { parseDuration } from '../duration.js'

/** Pipeline and notification events, in the order a run goes through them. */
export const EVENTS = ['started', 'approval-pending', 'succeeded', 'failed', 'cancelled'] as const
export type PipelineEvent = (typeof EVENTS)[number]

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
/** Prefixes of real credentials: a value like this belongs in a secret, not in git. */
const SECRET_PREFIXES = /^(xox[abposr]-|xapp-|ghp_|gho_|ghs_|ghu_|github_pat_|glpat-|sk-|AKIA|eyJ)/

export function looksLikeSecret(value: string): boolean {
  if (SECRET_PREFIXES.test(value)) return true
  // Long mixed-case-and-digit runs are tokens; environment variable names are UPPER_SNAKE words.
  return value.length >= 24 && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value) && !value.includes('_')
}

/** The name of an environment variable that holds a secret (never the secret itself). */
export const secretEnv = z
  .string()
  .refine(v => !looksLikeSecret(v), {
    message: 'looks like a literal secret: put it in a repository secret and name its environment variable here (e.g. MLRUN_TOKEN)'
  })
  .refine(v => ENV_NAME.test(v), { message: 'must be an environment variable name, e.g. MLRUN_TOKEN' })
  .describe('Name of the environment variable holding the secret (never the secret itself)')

export const duration = z
  .union([z.string(), z.number().nonnegative()])
  .refine(
    v => {
      try {
        parseDuration(v)
        return true
      } catch {
        return false
      }
    },
    { message: 'must be a duration such as 90s, 45m, 2h or 1h30m' }
  )
  .describe('Duration: 90s, 45m, 2h, 1h30m, or a number of seconds')

const httpUrl = z.url({ protocol: /^https?$/ }).describe('http(s) URL')
const name = z.string().min(1)
export const jsonValue: z.ZodType<unknown> = z.unknown()
const argumentsMap = z.record(z.string(), jsonValue).describe('Workflow arguments (any JSON values)')

const mlrunCluster = z.strictObject({
  kind: z.literal('mlrun'),
  url: httpUrl.describe('MLRun API URL, e.g. https://mlrun-api.default-tenant.app.example.com'),
  uiUrl: httpUrl.optional().describe('MLRun UI URL for run links (default: the API URL)'),
  tokenEnv: secretEnv.optional().describe('Bearer token environment variable'),
  usernameEnv: secretEnv.optional().describe('Iguazio username environment variable (Basic auth with accessKeyEnv)'),
  accessKeyEnv: secretEnv.optional().describe('Iguazio access key environment variable (V3IO_ACCESS_KEY)'),
  source: z.string().optional().describe('Project source loaded by the runner, e.g. git://github.com/org/repo#staging'),
  artifactPath: z.string().optional().describe('Where the runner writes artifacts'),
  clientVersion: z.string().default('1.7.0').describe('Sent as x-mlrun-client-version')
})

const kfpCluster = z.strictObject({
  kind: z.literal('kfp'),
  url: httpUrl.describe('Kubeflow Pipelines API URL (the ml-pipeline service or its ingress)'),
  uiUrl: httpUrl.optional().describe('KFP UI URL for run links (default: the API URL)'),
  tokenEnv: secretEnv.optional().describe('Bearer token environment variable'),
  experimentId: z.string().optional().describe('Experiment the runs are filed under'),
  namespace: z.string().optional().describe('Kubernetes namespace (multi-user KFP)')
})

const argoCluster = z.strictObject({
  kind: z.literal('argo'),
  url: httpUrl.describe('Argo Server URL'),
  uiUrl: httpUrl.optional().describe('Argo UI URL for run links (default: the server URL)'),
  namespace: z.string().default('argo').describe('Namespace of the WorkflowTemplates and Workflows'),
  tokenEnv: secretEnv.optional().describe('Bearer token environment variable')
})

const commandCluster = z.strictObject({
  kind: z.literal('command'),
  cwd: z.string().optional().describe('Working directory of the commands (default: the repository root)'),
  env: z.record(z.string(), z.string()).optional().describe('Extra environment variables (not secrets)')
})

export const clusterSchema = z.discriminatedUnion('kind', [mlrunCluster, kfpCluster, argoCluster, commandCluster])

export const workflowSchema = z.strictObject({
  name: z.string().optional().describe('Remote workflow / pipeline / WorkflowTemplate name (default: the key)'),
  command: z
    .union([z.string(), z.array(z.string()).min(1)])
    .optional()
    .describe('Command line for `command` clusters, e.g. python project_run.py --workflow-name train'),
  pipelineId: z.string().optional().describe('KFP pipeline id (default: resolved by name)'),
  pipelineVersionId: z.string().optional().describe('KFP pipeline version id (default: the latest)'),
  arguments: argumentsMap.default({}),
  timeout: duration.default('60m').describe('How long to wait before cancelling the remote run')
})

const gateRule = z
  .strictObject({
    better: z.enum(['higher', 'lower']).default('higher').describe('Which direction of the metric is better'),
    min: z.number().optional().describe('Fail below this value'),
    max: z.number().optional().describe('Fail above this value'),
    maxDrop: z.number().nonnegative().optional().describe('Largest allowed worsening against the champion, absolute'),
    maxRelativeDrop: z
      .number()
      .nonnegative()
      .optional()
      .describe('Largest allowed worsening against the champion, as a fraction (0.05 = 5%)')
  })
  .refine(rule => rule.min === undefined || rule.max === undefined || rule.min <= rule.max, {
    message: 'min must not exceed max'
  })

export const gatesSchema = z.record(z.string(), gateRule).describe('Metric gates, by metric name')

const approvalSchema = z.strictObject({
  distinctApprover: z
    .boolean()
    .default(false)
    .describe('Refuse an approval given by the actor who triggered the run'),
  allowUnprotected: z
    .boolean()
    .default(false)
    .describe(
      'Accept the risk of deploying to an environment without required reviewers (private repos without GitHub Enterprise)'
    )
})

export const environmentSchema = z.strictObject({
  branch: name.describe('Git branch this environment deploys from'),
  cluster: name.describe('Name of the cluster (under `clusters`) this environment uses'),
  requireApproval: z
    .boolean()
    .optional()
    .describe('Require a GitHub environment approval (default: every environment but the first)'),
  url: httpUrl.optional().describe('URL shown on the GitHub deployment'),
  arguments: z
    .record(z.string(), argumentsMap)
    .default({})
    .describe('Per-workflow argument overrides, e.g. {deploy: {replicas: 3}}'),
  projectSuffix: z.string().optional().describe('Appended to the project name, e.g. -staging'),
  gates: gatesSchema.optional().describe('Gate overrides for this environment (merged over `gates`)')
})

const registrySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('mlrun'),
    cluster: z.string().optional().describe('MLRun cluster to read (default: the first mlrun cluster)')
  }),
  z.strictObject({
    kind: z.literal('mlflow'),
    url: httpUrl.describe('MLflow tracking server URL'),
    tokenEnv: secretEnv.optional(),
    usernameEnv: secretEnv.optional(),
    passwordEnv: secretEnv.optional()
  }),
  z.strictObject({
    kind: z.literal('file'),
    path: z.string().default('.promote/registry').describe('Directory of the local registry')
  })
])

const modelSchema = z.strictObject({
  name: name.describe('Registry key / registered model name, e.g. model'),
  registry: registrySchema.default({ kind: 'file', path: '.promote/registry' }),
  exportDir: z.string().default('artifacts').describe('Where exported manifests are committed'),
  challengerTag: z.string().default('challenger'),
  championTag: z.string().default('champion')
})

const eventList = z.array(z.enum(EVENTS))

const notificationsSchema = z.strictObject({
  slack: z
    .strictObject({
      channel: z.string().optional().describe('Channel id or name (bot token mode)'),
      tokenEnv: secretEnv.optional().describe('Bot token environment variable (xoxb-...)'),
      webhookEnv: secretEnv.optional().describe('Incoming webhook URL environment variable'),
      events: eventList.default([...EVENTS]),
      mentionOnFailure: z.string().optional().describe('User group id (S0123ABC) mentioned on failure')
    })
    .optional(),
  email: z
    .strictObject({
      to: z.array(z.email()).min(1),
      from: z.email().default('promote-actions@localhost'),
      smtpUrlEnv: secretEnv.describe('Environment variable holding the SMTP URL, e.g. smtps://user:pass@host:465'),
      events: eventList.default(['failed'])
    })
    .optional()
})

const deploymentSchema = z.strictObject({
  workflow: z.string().default('deploy').describe('Workflow (under `workflows`) that deploys a model'),
  approval: approvalSchema.default({ distinctApprover: false, allowUnprotected: false }),
  sameArtifact: z
    .boolean()
    .default(true)
    .describe('Refuse a promotion unless the same manifest hash succeeded in the previous environment'),
  updateChampion: z
    .boolean()
    .default(false)
    .describe('After a successful deploy to the last environment, move the champion tag/alias to it')
})

export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    project: name.describe('Project name (the MLRun project, the KFP experiment prefix, ...)'),
    model: modelSchema,
    clusters: z.record(z.string(), clusterSchema).default({ local: { kind: 'command' } as never }),
    environments: z
      .record(z.string(), environmentSchema)
      .refine(envs => Object.keys(envs).length > 0, { message: 'define at least one environment' }),
    workflows: z.record(z.string(), workflowSchema).default({}),
    gates: gatesSchema.default({}),
    deployment: deploymentSchema.default({
      workflow: 'deploy',
      approval: { distinctApprover: false, allowUnprotected: false },
      sameArtifact: true,
      updateChampion: false
    }),
    notifications: notificationsSchema.default({})
  })
  .superRefine((config, ctx) => {
    const clusterNames = Object.keys(config.clusters)
    for (const [envName, env] of Object.entries(config.environments)) {
      if (!config.clusters[env.cluster]) {
        ctx.addIssue({
          code: 'custom',
          path: ['environments', envName, 'cluster'],
          message: `unknown cluster '${env.cluster}'; defined: ${clusterNames.join(', ') || '(none)'}`
        })
      }
      for (const workflowName of Object.keys(env.arguments)) {
        if (!config.workflows[workflowName]) {
          ctx.addIssue({
            code: 'custom',
            path: ['environments', envName, 'arguments', workflowName],
            message: `unknown workflow '${workflowName}'; defined: ${Object.keys(config.workflows).join(', ') || '(none)'}`
          })
        }
      }
      const cluster = config.clusters[env.cluster]
      if (cluster?.kind === 'command') {
        for (const [workflowName, workflow] of Object.entries(config.workflows)) {
          if (!workflow.command) {
            ctx.addIssue({
              code: 'custom',
              path: ['workflows', workflowName, 'command'],
              message: `environment '${envName}' runs on command cluster '${env.cluster}', so this workflow needs a command`
            })
          }
        }
      }
    }
    for (const [clusterName, cluster] of Object.entries(config.clusters)) {
      if (cluster.kind === 'mlrun' && (cluster.usernameEnv === undefined) !== (cluster.accessKeyEnv === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['clusters', clusterName, cluster.usernameEnv ? 'accessKeyEnv' : 'usernameEnv'],
          message: 'Basic auth needs both usernameEnv and accessKeyEnv'
        })
      }
    }
    const registry = config.model.registry
    if (registry.kind === 'mlrun') {
      const mlrunClusters = Object.entries(config.clusters).filter(([, c]) => c.kind === 'mlrun')
      if (registry.cluster ? config.clusters[registry.cluster]?.kind !== 'mlrun' : mlrunClusters.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['model', 'registry', 'cluster'],
          message: registry.cluster
            ? `'${registry.cluster}' is not an mlrun cluster; mlrun clusters: ${mlrunClusters.map(([n]) => n).join(', ') || '(none)'}`
            : 'an mlrun registry needs an mlrun cluster under `clusters`'
        })
      }
    }
    if (!config.workflows[config.deployment.workflow] && Object.keys(config.workflows).length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['deployment', 'workflow'],
        message: `unknown workflow '${config.deployment.workflow}'; defined: ${Object.keys(config.workflows).join(', ')}`
      })
    }
    const slack = config.notifications.slack
    if (slack && !slack.tokenEnv && !slack.webhookEnv) {
      ctx.addIssue({ code: 'custom', path: ['notifications', 'slack'], message: 'set tokenEnv (bot) or webhookEnv (incoming webhook)' })
    }
    if (slack?.tokenEnv && !slack.channel) {
      ctx.addIssue({ code: 'custom', path: ['notifications', 'slack', 'channel'], message: 'bot token mode needs a channel' })
    }
  })

export type PromoteConfig = z.output<typeof configSchema>
export type PromoteConfigInput = z.input<typeof configSchema>
export type ClusterConfig = z.output<typeof clusterSchema>
export type WorkflowConfig = z.output<typeof workflowSchema>
export type EnvironmentConfig = z.output<typeof environmentSchema>
export type GateRule = z.output<typeof gateRule>
export type GatesConfig = z.output<typeof gatesSchema>
export type RegistryConfig = PromoteConfig['model']['registry']
export type NotificationsConfig = PromoteConfig['notifications']
