import * as core from '@actions/core'
import * as github from '@actions/github'
import { resolve } from 'node:path'
import { tmpdir } from 'node:os'
import {
  createGitHubClient,
  GitHubDeploymentStore,
  openOrUpdatePull
} from '../../adapters/github/index.js'
import { createRegistry } from '../../adapters/registries/index.js'
import { enforceGitHubApproval } from '../../app/approval.js'
import {
  deploy,
  deployFailed,
  promotionReport,
  type DeployManifest,
  type DeployOutcome,
  type DeployRequest
} from '../../app/deploy.js'
import type { RunContext } from '../../app/ports.js'
import type { PromoteConfig } from '../../core/config/schema.js'
import { planRollback, writeRollbackManifest } from '../../app/rollback.js'
import { loadConfig } from '../../core/config/load.js'
import {
  challengerManifestPath,
  environmentNames,
  resolveEnvironment,
  type ResolvedEnvironment
} from '../../core/config/resolve.js'
import { ConfigurationError, errorMessage, isConfigurationError } from '../../core/errors.js'
import { loadManifest } from '../../core/manifest.js'
import { renderMarkdown } from '../../core/report.js'
import { readInputs } from '../common/inputs.js'
import { runAction, workspaceDir } from '../common/run.js'
import { jobSummary, runnerLog } from '../common/log.js'
import { deployContext, eventVisibility, gitHubApprovalSource } from './github.js'
import { inputSchema, SECRET_INPUTS, tokenValue, type SubmitDeployInputs } from './inputs.js'
import { STATE } from './state.js'

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
  const event = github.context.payload
  const context = deployContext(process.env, event, process.env.GITHUB_EVENT_NAME)
  const environment = resolveEnvironment(config, {
    name: inputs.environment,
    branch: context.branch
  })
  const required =
    inputs['require-approval'] === ''
      ? environment.requiresApproval
      : inputs['require-approval'] === 'true'
  if (required !== environment.requiresApproval) {
    core.warning(
      `require-approval: ${inputs['require-approval']} overrides promote.yaml for ${environment.name}`
    )
  }

  const token = tokenValue(inputs['github-token'])
  if (!token) {
    throw new ConfigurationError(
      'submit-deploy needs a GitHub token to read approvals and record the deployment: pass github-token (default ${{ github.token }}) with `permissions: { deployments: write, contents: read }`'
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
  const client = createGitHubClient(token, { onRetry: message => core.warning(message) })
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
  if (inputs.rollback || inputs['rollback-to']) {
    const plan = await planRollback(store, environment.name, {
      ...(inputs['rollback-to'] && { to: inputs['rollback-to'] }),
      log: runnerLog
    })
    manifest = await writeRollbackManifest(plan, process.env.RUNNER_TEMP || tmpdir())
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

  const controller = new AbortController()
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return
    core.warning(`Received ${signal}: the job is being cancelled; cancelling the deploy run`)
    controller.abort(new Error(`cancelled by ${signal}`))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  let outcome: DeployOutcome
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
            log: runnerLog
          }),
        registry: () => createRegistry(config, process.env, { cwd }),
        orchestrator: { env: process.env, cwd },
        signal: controller.signal,
        deploymentsUrl: name => store.environmentPage(name),
        onProgress: progress => {
          if (progress.deploymentId !== undefined) {
            core.saveState(STATE.deploymentId, String(progress.deploymentId))
            core.setOutput('deployment-id', String(progress.deploymentId))
          }
          if (progress.runId) {
            core.saveState(STATE.runId, progress.runId)
            core.setOutput('run-id', progress.runId)
          }
          if (progress.cluster) core.saveState(STATE.cluster, progress.cluster)
        }
      }
    )
  } catch (error) {
    if (isConfigurationError(error)) {
      // A refusal (approval, same artifact, config): say it in the summary too, where reviewers look.
      await jobSummary.summary({
        title: `Deploy of ${manifest.record.name} ${manifest.record.version ?? ''} to ${environment.name} refused`,
        verdict: 'fail',
        facts: [
          ['Environment', environment.name],
          ['Model', `${manifest.record.name} ${manifest.record.version ?? ''}`.trim()],
          ['Content hash', `\`${manifest.record.contentHash.slice(0, 12)}\``]
        ],
        sections: [{ title: 'Why', verdict: 'fail', text: [error.message] }],
        ...(context.runUrl && { links: [{ label: 'Workflow run', url: context.runUrl }] })
      })
    }
    throw error
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
  // The deployment has its final status (or was deliberately left in progress): the post step has nothing to do.
  core.saveState(STATE.finished, 'true')

  core.setOutput('deployment-id', String(outcome.deployment.id))
  if (outcome.runId) core.setOutput('run-id', outcome.runId)
  if (outcome.runUrl) core.setOutput('run-url', outcome.runUrl)
  core.setOutput('status', outcome.status)
  core.setOutput('environment', environment.name)
  if (outcome.environmentUrl) core.setOutput('environment-url', outcome.environmentUrl)
  core.setOutput('model-uri', manifest.record.uri)
  core.setOutput('model-version', manifest.record.version ?? '')
  core.setOutput('content-hash', manifest.record.contentHash)
  core.setOutput('approvers', outcome.approval.approvers.join(','))
  core.setOutput('results', JSON.stringify(outcome.results))
  core.setOutput('facts', JSON.stringify(outcome.facts))

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
      context
    )
  } else if (inputs['open-promotion-pr'] && outcome.status !== 'success') {
    runnerLog.info(
      `No promotion pull request: the deploy to ${environment.name} did not succeed (${outcome.status})`
    )
  }

  await jobSummary.summary(outcome.report)
  if (deployFailed(outcome)) {
    core.setFailed(
      outcome.champion?.failed
        ? outcome.champion.note
        : `Deploy of ${manifest.record.name} ${manifest.record.version ?? ''} to ${environment.name} ${outcome.status}: ${outcome.error ?? 'see the summary'}`
    )
  } else if (pullFailure) {
    core.setFailed(pullFailure)
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
  context: RunContext
): Promise<string | undefined> {
  const names = environmentNames(config)
  const nextName = names[environment.index + 1]
  if (!nextName) {
    core.warning(
      `open-promotion-pr: ${environment.name} is the last environment, there is nothing to promote to`
    )
    return undefined
  }
  const next = resolveEnvironment(config, { name: nextName })
  const { title, report } = promotionReport(outcome, manifest, environment, next, context)
  const prToken = tokenValue(inputs['promotion-pr-token']) || token
  try {
    const pull = await openOrUpdatePull(
      createGitHubClient(prToken, { onRetry: message => core.warning(message) }),
      {
        owner,
        repo,
        head: environment.branch,
        base: next.branch,
        title,
        body: renderMarkdown(report)
      }
    )
    core.setOutput('pull-request-number', String(pull.number))
    core.setOutput('pull-request-url', pull.url)
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
