/**
 * A world for promote collect's tests and bench: local servers that speak the real contracts that speak the real contracts: Argo (argo-server.ts,
 * the Argo swagger), KFP (kfp-server.ts, the v2beta1 swagger), MLRun (mlrun-server.ts,
 * server/api crud/workflows.py and endpoints/runs.py), GitHub (github-server.ts + github-git.ts,
 * checked against @octokit/openapi), Slack's incoming webhook and SMTP. The submissions carry the
 * labels a detached submit gives them (src/app/submission.ts + repository and mode).
 *
 * Exactly once: one callback or one reconcile makes one export commit and one PR with the gate
 * report; a second reconcile changes nothing; a callback racing a reconcile makes one; a
 * collector that died after any step is finished by the next; a failed run is announced (Slack
 * and email) without a PR; the GitHub token never appears in a body, a log line or the summary.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSmtpMailer } from '../../src/adapters/email/smtp.js'
import { createGitHubClient, type GitHubClient } from '../../src/adapters/github/client.js'
import { createOrchestrator } from '../../src/adapters/orchestrators/index.js'
import {
  LABEL_MODE,
  LABEL_REPOSITORY,
  type Orchestrator
} from '../../src/adapters/orchestrators/types.js'
import { createRegistry, register } from '../../src/adapters/registries/index.js'
import type { SlackMessageRef } from '../../src/core/detached.js'
import { postWebhook } from '../../src/adapters/slack/webhook.js'
import {
  COLLECTED_REF_PREFIX,
  NOTIFIED_REF_PREFIX,
  type CollectPorts,
  type CollectRequest
} from '../../src/app/collect.js'
import { notify } from '../../src/app/notify.js'
import type { Log, RunContext } from '../../src/app/ports.js'
import { labelValue, submissionIdentity } from '../../src/app/submission.js'
import { parseConfig } from '../../src/core/config/load.js'
import type { PromoteConfig } from '../../src/core/config/schema.js'
import { renderMarkdown } from '../../src/core/report.js'
import { startArgoServer, type ArgoServer } from '../fakes/argo-server.js'
import { startGitHubServer, type GitHubServer } from '../fakes/github-server.js'
import { startKfpServer, type KfpServer } from '../fakes/kfp-server.js'
import { startMlrunServer, type MlrunServer } from '../fakes/mlrun-server.js'
import { startSlackServer, type FakeSlack } from '../fakes/slack-server.js'
import { startSmtpServer, type FakeSmtp } from '../fakes/smtp-server.js'
import { sharedFile } from '../helpers/shared.js'

export const argoSpec = sharedFile('specs/argo-workflows.swagger.json')
export const kfpSpec = sharedFile('specs/kfp-v2beta1.swagger.json')
export const TOKEN = 'orch-Token-5678-wxyz'
export const REPO = { owner: 'acme', repo: 'heart' }
export const FULL = 'acme/heart'
export const MODEL_URI = 'models:/heart/2'
export const GITHUB_RUN = '5001'

export type Kind = 'argo' | 'kfp' | 'mlrun'

export interface World {
  kind: Kind
  config: PromoteConfig
  cwd: string
  github: GitHubServer
  slack: FakeSlack
  smtp: FakeSmtp
  orchestrator: Orchestrator
  /** The GitHub client collect uses, made once per world (making one loads @actions/github). */
  githubClient: GitHubClient
  /** Ends every run on the cluster (the controller at work). */
  finishRuns(): void
  violations(): string[]
  lines: string[]
  close(): Promise<void>
}

/** Every world started and not yet closed (tests close them after each test). */
export const openWorlds = new Set<World>()

export function recordingLog(lines: string[]): Log {
  return {
    info: m => lines.push(m),
    debug: m => lines.push(`debug: ${m}`),
    warning: m => lines.push(`warning: ${m}`),
    error: m => lines.push(`error: ${m}`),
    group: (title, fn) => {
      lines.push(title)
      return fn()
    },
    secret: () => {}
  }
}

export const context: RunContext = {
  repository: REPO,
  sha: 'c0ffee'.padEnd(40, '0'),
  ref: 'refs/heads/development',
  branch: 'development',
  actor: 'octocat',
  runId: GITHUB_RUN,
  runAttempt: '1',
  job: 'train',
  runUrl: `https://github.com/${FULL}/actions/runs/${GITHUB_RUN}`
}

/** The collecting job's own run (a schedule or a dispatch). */
const collectContext: RunContext = { ...context, runId: '6001', job: 'collect' }

export async function startWorld(
  kind: Kind,
  outcome: 'succeeded' | 'failed' = 'succeeded'
): Promise<World> {
  const failed = outcome === 'failed'
  let clusterYaml: string
  let finishRuns: () => void
  let violations: () => string[]
  let close: () => Promise<void>
  if (kind === 'argo') {
    const argo: ArgoServer = await startArgoServer({
      specFile: argoSpec!,
      token: TOKEN,
      templates: {
        train: {
          hang: false,
          runningPolls: 1_000_000,
          ...(failed && { outcome: 'Failed', error: 'OOMKilled' }),
          steps: [{ name: 'train', outputs: { accuracy: '0.91' } }],
          outputs: { model_uri: MODEL_URI }
        }
      }
    })
    clusterYaml = `{kind: argo, url: '${argo.url}', namespace: ml, tokenEnv: ORCH_TOKEN}`
    finishRuns = () =>
      argo.workflows.forEach(wf => (wf.def = { ...wf.def, pendingPolls: 0, runningPolls: 0 }))
    violations = () => argo.violations
    close = () => argo.close()
  } else if (kind === 'kfp') {
    const kfp: KfpServer = await startKfpServer({
      specFile: kfpSpec!,
      token: TOKEN,
      pipelines: {
        train: { runningPolls: 1_000_000, ...(failed && { outcome: 'FAILED' }), steps: ['train'] }
      }
    })
    clusterYaml = `{kind: kfp, url: '${kfp.url}', tokenEnv: ORCH_TOKEN, experimentId: exp-1}`
    finishRuns = () =>
      kfp.runs.forEach(run => (run.def = { ...run.def, pendingPolls: 0, runningPolls: 0 }))
    violations = () => kfp.violations
    close = () => kfp.close()
  } else {
    const mlrun: MlrunServer = await startMlrunServer({
      token: TOKEN,
      projects: {
        heart: {
          train: {
            runningPolls: 1_000_000,
            ...(failed && { outcome: 'Failed', error: 'train step failed' }),
            steps: [{ name: 'train', results: { accuracy: 0.91, model_uri: MODEL_URI } }]
          }
        }
      }
    })
    clusterYaml = `{kind: mlrun, url: '${mlrun.url}', tokenEnv: ORCH_TOKEN, source: 'git://github.com/acme/heart#main'}`
    finishRuns = () =>
      mlrun.runners.forEach(run => (run.def = { ...run.def, runnerPolls: 0, runningPolls: 0 }))
    violations = () => mlrun.violations
    close = () => mlrun.close()
  }
  const github = await startGitHubServer({ repos: [{ ...REPO, visibility: 'private' }] })
  const slack = await startSlackServer()
  const smtp = await startSmtpServer()
  const closers: Array<() => Promise<void>> = [
    close,
    () => github.close(),
    () => slack.close(),
    () => smtp.close()
  ]

  const cwd = mkdtempSync(join(tmpdir(), 'collect-'))
  closers.push(async () => rmSync(cwd, { recursive: true, force: true }))
  const text = [
    'project: heart',
    'model: {name: heart, registry: {kind: file, path: .promote/registry}, exportDir: artifacts}',
    `clusters: {dev: ${clusterYaml}}`,
    'environments:',
    '  development: {branch: development, cluster: dev}',
    '  production: {branch: main, cluster: dev}',
    'deployment: {workflow: train}',
    'workflows: {train: {}}',
    'gates: {accuracy: {min: 0.8, maxDrop: 0.05}}',
    'notifications:',
    '  slack: {webhookEnv: SLACK_WEBHOOK_URL, events: [succeeded, failed, cancelled]}',
    '  email: {to: [ml@example.com], smtpUrlEnv: SMTP_URL, events: [failed]}'
  ].join('\n')
  writeFileSync(join(cwd, 'promote.yaml'), text)
  const config = parseConfig('promote.yaml', text)
  // The registry holds the trained model (version 2) and the champion (version 1).
  mkdirSync(join(cwd, 'models'))
  writeFileSync(join(cwd, 'models', 'model.bin'), 'weights')
  await register({
    root: '.promote/registry',
    name: 'heart',
    modelFile: 'models/model.bin',
    metrics: { accuracy: 0.9 },
    tags: ['champion'],
    cwd
  })
  await register({
    root: '.promote/registry',
    name: 'heart',
    modelFile: 'models/model.bin',
    metrics: { accuracy: 0.91 },
    tags: ['latest'],
    cwd
  })

  // The GitHub runs of this repository: the one that submitted (its Train step spans the
  // submission) and the collecting one.
  github.setJobs(FULL, Number(GITHUB_RUN), 1, [
    {
      name: 'train (development)',
      started_at: new Date(Date.now() - 60_000).toISOString(),
      completed_at: new Date(Date.now() + 60_000).toISOString(),
      steps: [
        {
          name: 'Train',
          started_at: new Date(Date.now() - 5_000).toISOString(),
          completed_at: new Date(Date.now() + 5_000).toISOString()
        }
      ]
    }
  ])
  github.setJobs(FULL, 6001, 1, [
    { name: 'collect', runner_name: 'runner-7', started_at: new Date().toISOString(), steps: [] }
  ])
  github.addBranch(FULL, 'development')
  // The champion's manifest on the production branch (main).
  github.addFile(
    FULL,
    'main',
    'artifacts/heart:champion.yaml',
    'kind: model\nmetadata: {key: heart, tag: champion}\nspec: {metrics: {accuracy: 0.93}}\n'
  )
  const lines: string[] = []
  const orchestrator = await createOrchestrator(config.clusters.dev!, {
    env: { ORCH_TOKEN: TOKEN },
    pollScale: 0.01
  })
  const githubClient = await createGitHubClient(github.token, {
    baseUrl: github.url,
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 }
  })
  const world: World = {
    kind,
    config,
    cwd,
    github,
    githubClient,
    slack,
    smtp,
    orchestrator,
    finishRuns,
    violations,
    lines,
    close: async () => {
      openWorlds.delete(world)
      while (closers.length) await closers.pop()!()
    }
  }
  openWorlds.add(world)
  return world
}

/** What a detached submit sends: the submission's labels plus repository and mode. */
export async function submitDetached(
  world: World,
  attempt = 1,
  githubRun = GITHUB_RUN,
  /** The Slack message train.yml's start step posted, kept by the run (an annotation). */
  message?: SlackMessageRef
): Promise<{ runId: string; key: string; name: string }> {
  const target = {
    workflow: 'train',
    project: 'heart',
    arguments: { epochs: 3 },
    source: 'git://github.com/acme/heart#main',
    workflowPath: 'train.py'
  }
  const identity = submissionIdentity({
    context: { ...context, runId: githubRun, runAttempt: String(attempt) },
    workflowKey: 'train',
    environment: 'development',
    cluster: 'dev',
    target,
    detached: true,
    message
  })
  const submitted = await world.orchestrator.submit({
    ...target,
    labels: {
      ...identity.labels,
      [LABEL_REPOSITORY]: labelValue(`${REPO.owner}-${REPO.repo}`),
      [LABEL_MODE]: 'detached'
    },
    annotations: identity.annotations,
    displayName: `${identity.key}-a${identity.attempt}`
  })
  return {
    runId: submitted.runId,
    key: identity.key,
    name: `${identity.key}-a${identity.attempt}`
  }
}

export function ports(world: World, now = Date.parse('2026-06-01T12:00:40Z')): CollectPorts {
  const env = { SLACK_WEBHOOK_URL: world.slack.webhookUrl, SMTP_URL: world.smtp.url }
  const log = recordingLog(world.lines)
  return {
    log,
    reporter: {
      summary: async report => {
        world.lines.push(renderMarkdown(report))
      }
    },
    github: world.githubClient,
    orchestrator: cluster =>
      createOrchestrator(cluster, { env: { ORCH_TOKEN: TOKEN }, pollScale: 0.01 }),
    registry: config => createRegistry(config, {}, { cwd: world.cwd }),
    notify: (event, facts) =>
      notify(
        { event, facts, config: world.config, context: collectContext, env },
        {
          log,
          slack: () => {
            throw new Error('bot mode is not configured in this test')
          },
          webhook: (url, message) => postWebhook(url, message),
          mailer: url => createSmtpMailer(url)
        }
      ),
    now: () => now
  }
}

export function request(world: World, callback?: CollectRequest['callback']): CollectRequest {
  return {
    config: world.config,
    repository: REPO,
    context: collectContext,
    env: {},
    runnerName: 'runner-7',
    ...(callback && { callback })
  }
}

/** Commits on challenger branches, PRs, messages, mails: what a collection leaves behind. */
export function effects(world: World) {
  const git = world.github.git(FULL)
  const refs = git.allRefs().map(([ref]) => ref)
  return {
    challengerBranches: refs.filter(ref => ref.startsWith('refs/heads/promote/challenger/')),
    exportCommits: [...git.commits.values()].filter(c => c.message.startsWith('Export ')).length,
    collected: refs.filter(ref => ref.startsWith(COLLECTED_REF_PREFIX)),
    notified: refs.filter(ref => ref.startsWith(NOTIFIED_REF_PREFIX)),
    pulls: world.github.pulls(FULL),
    slack: world.slack.webhookMessages.length,
    mails: world.smtp.mails.length
  }
}
