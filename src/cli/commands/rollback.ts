import type { CliCommand } from '../command.js'

// Placeholder until its issue lands: the owner replaces this whole file.
export const command: CliCommand = {
  name: 'rollback',
  summary: "Redeploy the previous successful deployment of an environment",
  usage: '[options]',
  options: {},
  async run(_values, _positionals, context) {
    context.stderr.write('promote rollback: not built yet\n')
    return 1
  }
}
