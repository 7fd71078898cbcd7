import { existsSync, readFileSync } from 'node:fs'
import { createSmtpMailer } from '../../adapters/email/smtp.js'
import { createSlackClient, slackOptionsFromEnv } from '../../adapters/slack/web-api.js'
import { postWebhook } from '../../adapters/slack/webhook.js'
import { notify, parseFactsInput } from '../../app/notify.js'
import { loadConfig } from '../../core/config/load.js'
import type { PromoteConfig } from '../../core/config/schema.js'
import { ConfigurationError } from '../../core/errors.js'
import { NOTIFY_EVENTS, resolveEvent, type NotifyEventInput } from '../../core/notification.js'
import { CONFIG_OPTION, write, type CliCommand } from '../command.js'
import { terminalLog, terminalReporter } from '../log.js'
import { cliPath, localContext } from './deploy.js'

type Values = Parameters<CliCommand['run']>[0]
const str = (values: Values, key: string) =>
  typeof values[key] === 'string' ? (values[key] as string) : undefined

/**
 * `promote notify`: the notify action from a terminal. Credentials come only from the
 * environment variables promote.yaml names (never from flags, which end up in shell history).
 */
export const command: CliCommand = {
  name: 'notify',
  summary:
    'Send a pipeline notification (Slack message or update, thread reply, email) as the notify action does',
  usage:
    '--event started|approval-pending|succeeded|failed|cancelled [--facts <json> | --facts-file <path>] [--channel C0123] [--ts <ts>] [--thread-ts <ts>] [--dry-run] [--json] [--fail-on-error]',
  options: {
    ...CONFIG_OPTION,
    event: { type: 'string', short: 'e' },
    'job-status': { type: 'string' },
    facts: { type: 'string' },
    'facts-file': { type: 'string', short: 'f' },
    channel: { type: 'string' },
    ts: { type: 'string' },
    'thread-ts': { type: 'string' },
    'summary-url': { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    'fail-on-error': { type: 'boolean' }
  },
  async run(values, _positionals, context) {
    // With --json, stdout carries only the JSON line; everything else goes to stderr.
    const human = values.json === true ? { ...context, stdout: context.stderr } : context
    const log = terminalLog(human)
    const eventName = str(values, 'event')
    if (!eventName)
      throw new ConfigurationError(`--event is required: one of ${NOTIFY_EVENTS.join(', ')}`)
    if (!(NOTIFY_EVENTS as readonly string[]).includes(eventName)) {
      throw new ConfigurationError(
        `--event must be one of ${NOTIFY_EVENTS.join(', ')}, got '${eventName}'`
      )
    }
    if (str(values, 'facts') !== undefined && str(values, 'facts-file') !== undefined) {
      throw new ConfigurationError('give --facts or --facts-file, not both')
    }
    let factsText = str(values, 'facts')
    const factsFile = str(values, 'facts-file')
    if (factsFile !== undefined) {
      try {
        factsText = readFileSync(factsFile === '-' ? 0 : cliPath(context, factsFile), 'utf8')
      } catch (error) {
        throw new ConfigurationError([
          {
            file: factsFile,
            message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`
          }
        ])
      }
    }
    const facts = parseFactsInput(factsText, message => log.warning(message))
    const event = resolveEvent(
      eventName as NotifyEventInput,
      str(values, 'job-status'),
      facts.state
    )

    const configPath = cliPath(context, str(values, 'config') ?? 'promote.yaml')
    let config: PromoteConfig | undefined
    if (existsSync(configPath)) config = await loadConfig(configPath)
    else log.info(`${configPath} not found: nothing is configured, the message is printed`)

    const env = context.env
    const options = slackOptionsFromEnv(env)
    const result = await notify(
      {
        event,
        facts,
        ...(config && { config }),
        ...(str(values, 'channel') && { channel: str(values, 'channel') }),
        ...(str(values, 'ts') && { ts: str(values, 'ts') }),
        ...(str(values, 'thread-ts') && { threadTs: str(values, 'thread-ts') }),
        ...(str(values, 'summary-url') && { summaryUrl: str(values, 'summary-url') }),
        context: localContext(context),
        env,
        dryRun: values['dry-run'] === true
      },
      {
        log,
        reporter: terminalReporter(human),
        slack: token =>
          createSlackClient(token, { ...options, debug: message => log.debug(message) }),
        webhook: (url, message) =>
          postWebhook(url, message, { ...(options.retry && { retry: options.retry }) }),
        mailer: url => createSmtpMailer(url)
      }
    )
    if (values.json === true) {
      write(
        context.stdout,
        JSON.stringify({
          ok: result.ok,
          ts: result.ts ?? '',
          channel: result.channel ?? '',
          threadTs: result.threadTs ?? ''
        })
      )
    } else if (result.ts) {
      write(
        context.stdout,
        `Slack message ts=${result.ts} channel=${result.channel ?? ''}: pass --ts ${result.ts} --channel ${result.channel ?? ''} to update it`
      )
    }
    return !result.ok && values['fail-on-error'] === true ? 1 : 0
  }
}
