import type { CliCommand } from '../command.js'

// Placeholder until its issue lands: the owner replaces this whole file.
export const command: CliCommand = {
  name: 'validate',
  summary: "Validate promote.yaml and every exported manifest, and run the metric gates",
  usage: '[options]',
  options: {},
  async run(_values, _positionals, context) {
    context.stderr.write('promote validate: not built yet\n')
    return 1
  }
}
