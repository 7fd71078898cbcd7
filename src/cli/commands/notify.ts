import {
  CONFIG_OPTION,
  humanContext,
  JSON_OPTION,
  stringValue as str,
  write,
  writeJson,
  type CliCommand
} from '../command.js'

// NOTIFY_EVENTS of core/notification.ts, not imported: it would load the message builders.
const EVENTS = 'started|approval-pending|succeeded|failed|cancelled'

/**
 * `promote notify`: the notify action from a terminal. Credentials come only from the
 * environment variables promote.yaml names (never from flags, which end up in shell history).
 */
export const command: CliCommand = {
  name: 'notify',
  summary:
    'Send a pipeline notification (Slack message or update, thread reply, email) as the notify action does',
  usage: `--event ${EVENTS} [--facts <json> | --facts-file <path>] [--channel C0123] [--ts <ts>] [--thread-ts <ts>] [--dry-run] [--json] [--fail-on-error]`,
  options: {
    ...CONFIG_OPTION,
    event: {
      type: 'string',
      value: EVENTS,
      description: 'what happened: the message (or update) to send'
    },
    'job-status': {
      type: 'string',
      value: 'success|failure|cancelled',
      description:
        "the job's status (${{ job.status }}): corrects --event failed or succeeded to what happened"
    },
    facts: {
      type: 'string',
      value: 'json',
      description:
        'the pipeline facts (JSON) that submit-train, submit-deploy or promote deploy wrote'
    },
    'facts-file': {
      type: 'string',
      value: 'path',
      description: 'read the facts from this file (- for stdin) instead of --facts'
    },
    channel: {
      type: 'string',
      value: 'id',
      description: "the Slack channel (default: promote.yaml's notifications.slack.channel)"
    },
    ts: {
      type: 'string',
      value: 'ts',
      description: 'update this Slack message in place instead of posting a new one'
    },
    'thread-ts': {
      type: 'string',
      value: 'ts',
      description: 'reply in the thread of this Slack message'
    },
    'summary-url': {
      type: 'string',
      value: 'url',
      description: 'a link to the full report, shown in the message'
    },
    'dry-run': {
      type: 'boolean',
      description: 'print the message instead of sending it'
    },
    'fail-on-error': {
      type: 'boolean',
      description: 'exit 1 when the notification could not be sent (default: warn and exit 0)'
    },
    ...JSON_OPTION
  },
  async run(values, _positionals, context) {
    const { existsSync, readFileSync } = await import('node:fs')
    const { createSmtpMailer } = await import('../../adapters/email/smtp.js')
    const { createSlackClient, slackOptionsFromEnv } =
      await import('../../adapters/slack/web-api.js')
    const { postWebhook } = await import('../../adapters/slack/webhook.js')
    const { notify, parseFactsInput } = await import('../../app/notify.js')
    const { loadConfig } = await import('../../core/config/load.js')
    const { ConfigurationError } = await import('../../core/errors.js')
    const { NOTIFY_EVENTS, resolveEvent } = await import('../../core/notification.js')
    const { terminalLog, terminalReporter } = await import('../log.js')
    const { cliPath, localContext } = await import('../local.js')
    type NotifyEventInput = import('../../core/notification.js').NotifyEventInput
    const human = humanContext(values, context)
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
    let config: import('../../core/config/schema.js').PromoteConfig | undefined
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
      writeJson(context, {
        ok: result.ok,
        ts: result.ts ?? '',
        channel: result.channel ?? '',
        threadTs: result.threadTs ?? ''
      })
    } else if (result.ts) {
      write(
        context.stdout,
        `Slack message ts=${result.ts} channel=${result.channel ?? ''}: pass --ts ${result.ts} --channel ${result.channel ?? ''} to update it`
      )
    }
    return !result.ok && values['fail-on-error'] === true ? 1 : 0
  }
}
