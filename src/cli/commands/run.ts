import type { CliCommand } from '../command.js'

// Placeholder until its issue lands: the owner replaces this whole file.
export const command: CliCommand = {
  name: 'run',
  summary: "Submit a workflow (train by default) to an environment's cluster and wait for it",
  usage: '[options]',
  options: {},
  async run(_values, _positionals, context) {
    context.stderr.write('promote run: not built yet\n')
    return 1
  }
}
