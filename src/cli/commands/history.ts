import type { CliCommand } from '../command.js'

// Placeholder until its issue lands: the owner replaces this whole file.
export const command: CliCommand = {
  name: 'history',
  summary: "List the deployments recorded for an environment",
  usage: '[options]',
  options: {},
  async run(_values, _positionals, context) {
    context.stderr.write('promote history: not built yet\n')
    return 1
  }
}
