import * as core from '@actions/core'
import { resolve } from 'node:path'
import { tmpdir } from 'node:os'
import {
  createGitHubClient,
  GitHubDeploymentStore,
  openOrUpdatePull
} from '../../adapters/github/index.js'
import { createRegistry } from '../../adapters/registries/index.js'
import { approvalRequirement, enforceGitHubApproval } from '../../app/approval.js'
import {
  deploy,
  deployFailed,
  promotionReport,
  refusedDeployFacts,
  type DeployManifest,
  type DeployOutcome,
  type DeployRequest
} from '../../app/deploy.js'
import { planReport, type PromotionPlan } from '../../app/plan.js'
import type { RunContext } from '../../app/ports.js'
import type { PromoteConfig } from '../../core/config/schema.js'
import { planRollback, prepareRollbackManifest } from '../../app/rollback.js'
import { loadConfig } from '../../core/config/load.js'
import {
  challengerManifestPath,
  environmentNames,
  resolveEnvironment,
  type ResolvedEnvironment
} from '../../core/config/resolve.js'
import {
  ConfigurationError,
  errorMessage,
  isConfigurationError,
  RefusalError
} from '../../core/errors.js'
import { loadManifest } from '../../core/manifest.js'
import { COMMENT_MAX_CHARS, fitMarkdown } from '../../core/limits.js'
import { renderMarkdown } from '../../core/report.js'
import { readInputs } from '../common/inputs.js'
import { runAction, workspaceDir } from '../common/run.js'
import { jobSummary, runnerLog } from '../common/log.js'
import { deployContext, eventVisibility, fourEyesPeople, gitHubApprovalSource } from './github.js'
import { inputSchema, SECRET_INPUTS, tokenValue, type SubmitDeployInputs } from './inputs.js'
import { dryRun, gitHubPlan } from './plan.js'
import { clearSubmitting, saveSubmitting } from '../common/submission-state.js'
import { STATE } from './state.js'
import { runner } from '../common/surfaces.js'
import { eventPayload } from '../common/context.js'

/**
 * Deploys the committed challenger (or, with `rollback`, an earlier deployment's manifest) to an
 * environment: approval enforced from GitHub's own records, a GitHub deployment with statuses,
 * the same-artifact rule, the deploy workflow on the environment's cluster, smoke-test results,
 * the champion tag, and optionally the promotion PR to the next environment. SIGINT/SIGTERM (the
 * job being cancelled) cancels the remote run and marks the deployment `error`; the post step
 * does both if the main step was killed first.
 */
export const run = (): Promise<void> => runAction(submitDeploy)

async function submitDeploy(): Promise<void> {
  const inputs = readInputs(inputSchema, SECRET_INPUTS)
  const cwd = workspaceDir()
  const configPath = resolve(cwd, inputs.config)
  const config = await loadConfig(configPath)
  const event = eventPayload(process.env, message => runner.warning(message))
  const context = {
    ...deployContext(process.env, event, process.env.GITHUB_EVENT_NAME),
    ...(inputs.matrix && { matrix: inputs.matrix })
  }
  const environment = resolveEnvironment(config, {
    name: inputs.environment,
    branch: context.branch
  })
  const { required, warning } = approvalRequirement(
    environment.name,
    environment.requiresApproval,
    inputs['require-approval']
  )
  if (warning) runner.warning(warning)

  const token = tokenValue(inputs['github-token'])
  if (!token) {
    throw new ConfigurationError(
      'submit-deploy needs a GitHub token to read approvals and record the deployment: pass github-token (default ${{ github.token }}) with `permissions: { deployments: write, contents: read, actions: read }`'
    )
  }
  if (!context.repository)
    throw new ConfigurationError(
      'GITHUB_REPOSITORY is not set: submit-deploy runs in a GitHub Actions job'
    )
  if (!context.runId)
    throw new ConfigurationError(
      'GITHUB_RUN_ID is not set: submit-deploy runs in a GitHub Actions job'
    )
  const { owner, repo } = context.repository
  const client = await createGitHubClient(token, { onRetry: message => runner.warning(message) })
  const names = environmentNames(config)
  const store = new GitHubDeploymentStore(client, {
    owner,
    repo,
    productionEnvironments: [names[names.length - 1]!]
  })

  core.saveState(STATE.config, configPath)
  core.saveState(STATE.environment, environment.name)

  let manifest: DeployManifest
  let rollback: DeployRequest['rollback']
  let cleanup = async () => {}
  if (inputs.rollback || inputs['rollback-to']) {
    const plan = await planRollback(store, environment.name, {
      ...(inputs['rollback-to'] && { to: inputs['rollback-to'] }),
      log: runnerLog
    })
    const prepared = await prepareRollbackManifest(
      plan,
      environment.clusterConfig.kind === 'command',
      process.env.RUNNER_TEMP || tmpdir()
    )
    manifest = prepared.manifest
    cleanup = prepared.cleanup
    rollback = { restores: plan.restores, ...(plan.replaces && { replaces: plan.replaces }) }
    runnerLog.info(
      `Rolling ${environment.name} back to deployment #${plan.restores.id} (${plan.record.name} ${plan.record.version ?? ''})${plan.replaces ? `, replacing #${plan.replaces.id}` : ''}`
    )
  } else {
    const path = inputs.manifest ?? challengerManifestPath(config)
    const loaded = await loadManifest(resolve(cwd, path), {
      knownTags: [config.model.challengerTag, config.model.championTag]
    })
    manifest = { path, raw: loaded.raw, record: loaded.record }
  }

  // Where a plan reads what is live and who may approve: the dry run's and the promotion PR's.
  const visibility = eventVisibility(event)
  const planSources = {
    config,
    store,
    client,
    owner,
    repo,
    context,
    ...(visibility && { visibility })
  }

  if (inputs['dry-run']) {
    await dryRun({
      environment,
      manifest,
      ...(inputs.arguments && { arguments: inputs.arguments }),
      ...(inputs.timeout && { timeout: inputs.timeout }),
      ...(inputs['override-same-artifact'] && {
        overrideSameArtifact: inputs['override-same-artifact']
      }),
      ...(rollback && { rollback }),
      required,
      ...planSources
    })
    core.saveState(STATE.finished, 'true')
    return
  }

  const controller = new AbortController()
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return
    runner.warning(`Received ${signal}: the job is being cancelled; cancelling the deploy run`)
    controller.abort(new Error(`cancelled by ${signal}`))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  let outcome: DeployOutcome
  const startedAt = new Date().toISOString()
  try {
    outcome = await deploy(
      {
        environment,
        manifest,
        arguments: inputs.arguments,
        wait: inputs.wait,
        ...(inputs.timeout && { timeout: inputs.timeout }),
        ...(inputs['override-same-artifact'] && {
          overrideSameArtifact: inputs['override-same-artifact']
        }),
        ...(rollback && { rollback })
      },
      {
        config,
        store,
        log: runnerLog,
        context,
        approve: () =>
          enforceGitHubApproval({
            environment: environment.name,
            required,
            config: config.deployment.approval,
            runId: context.runId!,
            actors: [context.actor, context.triggeringActor ?? ''],
            repository: `${owner}/${repo}`,
            ...(context.serverUrl && { serverUrl: context.serverUrl }),
            source: gitHubApprovalSource(client, owner, repo, eventVisibility(event)),
            ...(environment.fourEyes && {
              fourEyes: {
                people: fourEyesPeople(event, process.env.GITHUB_EVENT_NAME, context)
              }
            }),
            log: runnerLog
          }),
        registry: () => createRegistry(config, process.env, { cwd }),
        orchestrator: { env: process.env, cwd },
        signal: controller.signal,
        deploymentsUrl: name => store.environmentPage(name),
        onProgress: progress => {
          if (progress.deploymentId !== undefined) {
            core.saveState(STATE.deploymentId, String(progress.deploymentId))
            runner.setOutput('deployment-id', String(progress.deploymentId))
          }
          if (progress.runId) {
            core.saveState(STATE.runId, progress.runId)
            runner.setOutput('run-id', progress.runId)
          }
          if (progress.cluster) core.saveState(STATE.cluster, progress.cluster)
          if (progress.submitting) saveSubmitting(progress.submitting, STATE)
          if (progress.notSubmitted) clearSubmitting(STATE)
        }
      }
    )
  } catch (error) {
    if (isConfigurationError(error)) {
      // A refusal (approval, same artifact) or a config mistake: nothing was recorded, but the
      // outputs and facts say what and why, so notify can tell people; the summary too.
      const refusal = error instanceof RefusalError ? error.refusal : undefined
      const facts = refusedDeployFacts(
        { environment, manifest, ...(rollback && { rollback }) },
        config,
        context,
        error,
        startedAt
      )
      runner.setOutput('status', refusal ? 'refused' : 'error')
      runner.setOutput('environment', environment.name)
      runner.setOutput('model-uri', manifest.record.uri)
      runner.setOutput('model-version', manifest.record.version ?? '')
      runner.setOutput('content-hash', manifest.record.contentHash)
      runner.setOutput('facts', JSON.stringify(facts))
      await jobSummary.summary({
        title: `Deploy of ${manifest.record.name} ${manifest.record.version ?? ''} to ${environment.name} refused`,
        verdict: 'fail',
        facts: [
          ['Environment', environment.name],
          ['Model', `${manifest.record.name} ${manifest.record.version ?? ''}`.trim()],
          ['Content hash', `\`${manifest.record.contentHash.slice(0, 12)}\``]
        ],
        sections: refusal
          ? [
              { title: 'Why', verdict: 'fail', text: [refusal.reason] },
              { title: 'Rule', text: [refusal.rule] },
              { title: 'Fix', text: [refusal.fix] }
            ]
          : [{ title: 'Why', verdict: 'fail', text: [error.message] }],
        ...(context.runUrl && { links: [{ label: 'Workflow run', url: context.runUrl }] })
      })
    }
    throw error
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await cleanup()
  }
  // The deployment has its final status (or was deliberately left in progress): the post step has
  // nothing to do, unless the run could not be cancelled.
  core.saveState(STATE.finished, 'true')
  if (outcome.cancelFailed) {
    core.saveState(STATE.cancelFailed, 'true')
    runner.warning(`The post step will try again to cancel run ${outcome.runId}`)
  }

  runner.setOutput('deployment-id', String(outcome.deployment.id))
  if (outcome.runId) runner.setOutput('run-id', outcome.runId)
  if (outcome.runUrl) runner.setOutput('run-url', outcome.runUrl)
  runner.setOutput('status', outcome.status)
  runner.setOutput('environment', environment.name)
  if (outcome.environmentUrl) runner.setOutput('environment-url', outcome.environmentUrl)
  runner.setOutput('model-uri', manifest.record.uri)
  runner.setOutput('model-version', manifest.record.version ?? '')
  runner.setOutput('content-hash', manifest.record.contentHash)
  runner.setOutput('approvers', outcome.approval.approvers.join(','))
  runner.setOutput('results', JSON.stringify(outcome.results))
  runner.setOutput('facts', JSON.stringify(outcome.facts))

  let pullFailure: string | undefined
  if (inputs['open-promotion-pr'] && outcome.status === 'success') {
    pullFailure = await openPromotionPull(
      inputs,
      token,
      owner,
      repo,
      outcome,
      manifest,
      environment,
      config,
      context,
      // The reviewer of the promotion PR sees what merging it will deploy, and under which rules.
      next =>
        gitHubPlan({
          environment: next,
          manifest,
          required: next.requiresApproval,
          laterDeploy: true,
          ...planSources
        })
    )
  } else if (inputs['open-promotion-pr'] && outcome.status !== 'success') {
    runnerLog.info(
      `No promotion pull request: the deploy to ${environment.name} did not succeed (${outcome.status})`
    )
  }

  await jobSummary.summary(outcome.report)
  if (deployFailed(outcome)) {
    runner.setFailed(
      outcome.champion?.failed
        ? outcome.champion.note
        : `Deploy of ${manifest.record.name} ${manifest.record.version ?? ''} to ${environment.name} ${outcome.status}: ${outcome.error ?? 'see the summary'}`
    )
  } else if (pullFailure) {
    runner.setFailed(pullFailure)
  }
}

async function openPromotionPull(
  inputs: SubmitDeployInputs,
  token: string,
  owner: string,
  repo: string,
  outcome: DeployOutcome,
  manifest: DeployManifest,
  environment: ResolvedEnvironment,
  config: PromoteConfig,
  context: RunContext,
  planNext: (next: ResolvedEnvironment) => Promise<PromotionPlan>
): Promise<string | undefined> {
  const names = environmentNames(config)
  const nextName = names[environment.index + 1]
  if (!nextName) {
    runner.warning(
      `open-promotion-pr: ${environment.name} is the last environment, there is nothing to promote to`
    )
    return undefined
  }
  const next = resolveEnvironment(config, { name: nextName })
  const { title, report } = promotionReport(outcome, manifest, environment, next, context)
  let plan: string
  try {
    plan = renderMarkdown(planReport(await planNext(next)))
  } catch (error) {
    plan = `The plan for ${next.name} could not be made: ${errorMessage(error)}`
  }
  const prToken = tokenValue(inputs['promotion-pr-token']) || token
  try {
    const pull = await openOrUpdatePull(
      await createGitHubClient(prToken, { onRetry: message => runner.warning(message) }),
      {
        owner,
        repo,
        head: environment.branch,
        base: next.branch,
        title,
        // A PR body has the comment limit: cut with a pointer to the run, never refused.
        body: fitMarkdown(
          `${renderMarkdown(report)}\n---\n\n${plan}`,
          COMMENT_MAX_CHARS,
          `Cut to fit GitHub's limit: the full report is in the job summary${context.runUrl ? ` of ${context.runUrl}` : ''}.`
        )
      }
    )
    runner.setOutput('pull-request-number', String(pull.number))
    runner.setOutput('pull-request-url', pull.url)
    runnerLog.info(`Promotion pull request #${pull.number} ${pull.action}: ${pull.url}`)
    outcome.report.facts?.push(['Promotion PR', `#${pull.number} (${pull.action}) ${pull.url}`])
    return undefined
  } catch (error) {
    if (/no commits between/i.test(errorMessage(error))) {
      // The branches are level: what was deployed here is already in the next branch.
      runnerLog.info(
        `No promotion pull request: ${next.branch} already has everything ${environment.branch} has`
      )
      outcome.report.facts?.push([
        'Promotion PR',
        `none: ${next.branch} already contains ${environment.branch}`
      ])
      return undefined
    }
    const message = `The deploy to ${environment.name} succeeded, but the promotion pull request ${environment.branch} → ${next.branch} could not be opened: ${errorMessage(error)}`
    outcome.report.sections.push({
      title: 'Promotion pull request',
      verdict: 'fail',
      text: [message]
    })
    return message
  }
}
