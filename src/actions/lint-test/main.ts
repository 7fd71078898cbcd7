import * as exec from '@actions/exec'
import { resolve } from 'node:path'
import { ConfigurationError, errorMessage } from '../../core/errors.js'
import { parseConfig } from '../../core/config/load.js'
import { readRepoText } from '../../core/fs.js'
import { MAX_YAML_BYTES } from '../../core/yaml-source.js'
import { renderMarkdown, type Report } from '../../core/report.js'
import { createRegistry, registrySecrets } from '../../adapters/registries/index.js'
import { createGitReader } from '../../adapters/local-git/reader.js'
import {
  failingChecks,
  parseFailOn,
  runConsumerCommands,
  validate,
  type CheckOutcome,
  type CommandRunner,
  type FailOn
} from '../../app/validate.js'
import { readInputs } from '../common/inputs.js'
import { runAction, workspaceDir } from '../common/run.js'
import { jobSummary, runnerLog } from '../common/log.js'
import { inputSchema, parseCommandResults, secretKeys, type LintTestInputs } from './inputs.js'
import {
  CommentPermissionError,
  createGitHubClient,
  upsertStickyComment
} from '../../adapters/github/index.js'
import { runner } from '../common/surfaces.js'
import { eventPayload, githubRunContext } from '../common/context.js'
import { registerSecret } from '../../core/secrets.js'

/** Hidden marker of lint-test's sticky PR comment: found again and edited on every push. */
export const COMMENT_MARKER = 'promote-actions:lint-test'

/** Runs the consumer's command through a shell, its output streamed into the log group. */
const shellRunner: CommandRunner = {
  run: (commandLine, cwd) =>
    process.platform === 'win32'
      ? exec.exec('cmd', ['/d', '/s', '/c', commandLine], { cwd, ignoreReturnCode: true })
      : exec.exec('bash', ['-eo', 'pipefail', '-c', commandLine], { cwd, ignoreReturnCode: true })
}

/** Masks the registry credentials promote.yaml names before anything can print them. */
async function maskRegistrySecrets(cwd: string, configPath: string): Promise<void> {
  try {
    // Read as validate() reads it: never through a link out of the repository.
    const text = await readRepoText(cwd, configPath, {
      shown: configPath,
      maxBytes: MAX_YAML_BYTES
    })
    const config = parseConfig(configPath, text)
    for (const value of registrySecrets(config, process.env)) registerSecret(value)
  } catch {
    // An invalid config is reported by validate(); there is nothing to mask yet.
  }
}

/** The check outputs every mode sets, and the step's failure by fail-on. */
function reportChecks(checks: CheckOutcome[], failOn: FailOn, failOnText: string, problems = 0) {
  const failedChecks = checks.filter(c => c.verdict === 'fail').map(c => c.name)
  const failing = failingChecks(checks, failOn)
  runner.setOutput('failed-checks', failedChecks.join(','))
  runner.setOutput('checks', JSON.stringify(checks))
  runner.setOutput('result', failing.length ? 'fail' : 'pass')
  if (failing.length) {
    runner.setFailed(
      `${failing.map(c => `${c.name}: ${c.details}`).join('; ')}${problems ? ` (${problems} problem${problems === 1 ? '' : 's'}, see the annotations)` : ''}`
    )
  } else if (failedChecks.length) {
    runnerLog.info(
      `Failed checks ${failedChecks.join(', ')} do not fail the step (fail-on: ${failOnText})`
    )
  }
}

/**
 * `mode: commands`: the consumer's lint and tests alone. They are the pull request's own code, so
 * this step reads no config, no registry and no token: it is meant to run with no secrets, in a
 * job of its own, and hand its `checks` output to a `mode: validate` step.
 */
async function runCommandsOnly(inputs: LintTestInputs) {
  const cwd = workspaceDir()
  const checks = await runConsumerCommands({
    cwd,
    ...(inputs.lint && { lintCommand: inputs.lint }),
    ...(inputs.test && { testCommand: inputs.test }),
    log: runnerLog,
    runner: shellRunner
  })
  for (const check of checks) runnerLog.info(`${check.name}: ${check.verdict}: ${check.details}`)
  reportChecks(checks, parseFailOn(inputs['fail-on']), inputs['fail-on'])
}

export const run = (): Promise<void> => runAction(lintTest)

async function lintTest(): Promise<void> {
  const inputs = readInputs(inputSchema, secretKeys)
  const failOn = parseFailOn(inputs['fail-on'])
  if (inputs.mode === 'commands') return runCommandsOnly(inputs)
  if (inputs.mode === 'validate' && (inputs.lint || inputs.test)) {
    throw new ConfigurationError(
      "mode: validate runs no commands (it may hold the registry's secrets): give lint and test to the `mode: commands` step and its `checks` output to command-results"
    )
  }
  const commandChecks =
    inputs.mode === 'validate' ? parseCommandResults(inputs['command-results']) : undefined
  const cwd = workspaceDir()
  await maskRegistrySecrets(cwd, resolve(cwd, inputs.config))
  const context = githubRunContext(process.env)
  if (!context.repository)
    throw new ConfigurationError(
      'GITHUB_REPOSITORY is not set (owner/name): lint-test runs in a GitHub Actions job, or under @github/local-action with it in the .env file'
    )
  const { owner, repo } = context.repository
  const pullRequest = eventPayload(process.env, message => runner.warning(message)).pull_request as
    | { number: number; base?: { ref?: string }; head?: { repo?: { full_name?: string } } }
    | undefined

  const result = await validate({
    cwd,
    configPath: inputs.config,
    ...(inputs.environment && { environment: inputs.environment }),
    ...(pullRequest?.base?.ref && { baseBranch: pullRequest.base.ref }),
    ...(inputs['export-dir'] && { exportDir: inputs['export-dir'] }),
    ...(inputs.lint && { lintCommand: inputs.lint }),
    ...(inputs.test && { testCommand: inputs.test }),
    ...(commandChecks && { commandChecks }),
    checkDrift: inputs['check-drift'],
    champion: inputs.champion,
    ...(inputs['production-branch'] && { productionBranch: inputs['production-branch'] }),
    log: runnerLog,
    runner: shellRunner,
    git: createGitReader(cwd, { fetchMissing: true }),
    registry: config => createRegistry(config, process.env, { cwd, confineTo: cwd })
  })

  const runUrl = context.runUrl
  const report: Report = {
    ...result.report,
    links: [...(result.report.links ?? []), ...(runUrl ? [{ label: 'Run logs', url: runUrl }] : [])]
  }
  const summary: Report = { ...report, sections: [...report.sections] }

  const token = inputs['github-token'].startsWith('${{') ? '' : inputs['github-token']
  if (!inputs.comment) {
    runnerLog.info('PR comment disabled (comment: false)')
  } else if (!pullRequest) {
    runnerLog.info(
      `Not a pull request event (${context.eventName ?? 'no event name'}): no PR comment`
    )
  } else if (!token) {
    summary.sections.push({
      title: 'PR comment not posted',
      verdict: 'warn',
      text: [
        'No github-token: pass `github-token: ${{ github.token }}` with `pull-requests: write`.'
      ]
    })
  } else {
    try {
      const client = await createGitHubClient(token, {
        onRetry: message => runner.warning(message)
      })
      const comment = await upsertStickyComment(client, {
        owner,
        repo,
        issueNumber: pullRequest.number,
        marker: COMMENT_MARKER,
        body: renderMarkdown(report),
        overflowNotice: `This report was cut to fit GitHub's comment size limit: the whole report is in the job summary and the log of ${runUrl ? `[the run](${runUrl})` : 'the run'}.`
      })
      runner.setOutput('comment-url', comment.url)
      runnerLog.info(
        `${comment.action === 'created' ? 'Posted' : 'Updated'} the PR comment: ${comment.url}`
      )
    } catch (error) {
      // A fork's read-only token (or a missing permission) must not fail the checks: report it here.
      const fork =
        pullRequest.head?.repo?.full_name !== undefined &&
        pullRequest.head.repo.full_name !== `${owner}/${repo}`
      const message = errorMessage(error)
      runner.warning(`PR comment not posted: ${message}`)
      summary.sections.push({
        title: 'PR comment not posted',
        verdict: 'warn',
        text: [
          error instanceof CommentPermissionError && fork
            ? `${message} (this pull request comes from the fork ${pullRequest.head!.repo!.full_name}).`
            : message
        ]
      })
    }
  }
  await jobSummary.summary(summary)

  reportChecks(result.checks, failOn, inputs['fail-on'], result.problems.length)
}
