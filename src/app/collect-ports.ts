/**
 * The real outside systems behind `promote collect`, shared by the CLI command and the
 * submit-train action's collect mode: GitHub, the orchestrators and registry promote.yaml names,
 * and the notify use case with Slack and SMTP.
 */
import { createSmtpMailer } from '../adapters/email/smtp.js'
import { createGitHubClient } from '../adapters/github/client.js'
import { createOrchestrator } from '../adapters/orchestrators/index.js'
import { createRegistry } from '../adapters/registries/index.js'
import { createSlackClient, slackOptionsFromEnv } from '../adapters/slack/web-api.js'
import { postWebhook } from '../adapters/slack/webhook.js'
import type { PromoteConfig } from '../core/config/schema.js'
import type { CollectPorts } from './collect.js'
import { notify } from './notify.js'
import type { Log, Reporter, RunContext } from './ports.js'

export async function collectPorts(input: {
  config: PromoteConfig
  token: string
  cwd: string
  env: NodeJS.ProcessEnv
  context: RunContext
  log: Log
  reporter?: Reporter
}): Promise<CollectPorts> {
  const { config, env, log } = input
  log.secret(input.token)
  const slackOptions = slackOptionsFromEnv(env)
  return {
    log,
    ...(input.reporter && { reporter: input.reporter }),
    github: await createGitHubClient(input.token, { onRetry: message => log.warning(message) }),
    orchestrator: cluster => createOrchestrator(cluster, { env, cwd: input.cwd, log }),
    registry: promoteConfig => createRegistry(promoteConfig, env, { cwd: input.cwd }),
    notify: (event, facts, message) =>
      notify(
        {
          event,
          facts,
          config,
          context: input.context,
          env,
          ...(message && { ts: message.ts, channel: message.channel })
        },
        {
          log,
          slack: token =>
            createSlackClient(token, { ...slackOptions, debug: message => log.debug(message) }),
          webhook: (url, message) =>
            postWebhook(url, message, { ...(slackOptions.retry && { retry: slackOptions.retry }) }),
          mailer: url => createSmtpMailer(url)
        }
      ),
    now: () => Date.now()
  }
}
