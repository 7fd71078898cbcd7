import { neutralizeWorkflowCommands } from '../core/log-safety.js'
import { renderText } from '../core/report.js'
import { registerSecret, scrubSecrets } from '../core/secrets.js'
import type { Log, Reporter } from '../app/ports.js'
import type { CliContext } from './command.js'

/** Use-case logging in a terminal: groups are indented blocks, secrets are replaced by ***. */
export function terminalLog(context: CliContext): Log {
  let depth = 0
  const line = (stream: NodeJS.WritableStream, text: string) => {
    const indent = '  '.repeat(depth)
    // The CLI also runs inside workflow steps, where its output is read for workflow commands.
    stream.write(
      neutralizeWorkflowCommands(scrubSecrets(text))
        .split('\n')
        .map(l => indent + l)
        .join('\n') + '\n'
    )
  }
  const at = (where?: { file?: string; line?: number }) =>
    where?.file ? `${where.file}${where.line ? `:${where.line}` : ''}: ` : ''
  return {
    info: message => line(context.stdout, message),
    debug: message => {
      if (context.env.PROMOTE_DEBUG) line(context.stderr, `debug: ${message}`)
    },
    warning: (message, where) => line(context.stderr, `warning: ${at(where)}${message}`),
    error: (message, where) => line(context.stderr, `error: ${at(where)}${message}`),
    async group(title, fn) {
      line(context.stdout, `▸ ${title}`)
      depth++
      try {
        return await fn()
      } finally {
        depth--
      }
    },
    secret: value => registerSecret(value)
  }
}

/**
 * Report text is shared with the Markdown renderings (job summary, PR comment), where `code`
 * spans read well; a terminal would show the backticks themselves.
 */
export function withoutCodeSpans(text: string): string {
  return text.replace(/`([^`\n]+)`/g, '$1')
}

export function terminalReporter(context: CliContext): Reporter {
  return {
    async summary(report) {
      const text = withoutCodeSpans(scrubSecrets(renderText(report)))
      context.stdout.write(`\n${neutralizeWorkflowCommands(text)}\n\n`)
    }
  }
}
