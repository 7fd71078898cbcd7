import type { CliCommand } from '../command.js'

// Placeholder until its issue lands: the owner replaces this whole file.
export const command: CliCommand = {
  name: 'notify',
  summary: "Send a pipeline notification (Slack, email)",
  usage: '[options]',
  options: {},
  async run(_values, _positionals, context) {
    context.stderr.write('promote notify: not built yet\n')
    return 1
  }
}
