import type { CliCommand } from '../command.js'

// Placeholder until its issue lands: the owner replaces this whole file.
export const command: CliCommand = {
  name: 'deploy',
  summary: "Deploy the committed challenger to an environment (approval, deployment record, smoke test)",
  usage: '[options]',
  options: {},
  async run(_values, _positionals, context) {
    context.stderr.write('promote deploy: not built yet\n')
    return 1
  }
}
