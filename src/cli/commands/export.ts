import type { CliCommand } from '../command.js'

// Placeholder until its issue lands: the owner replaces this whole file.
export const command: CliCommand = {
  name: 'export',
  summary: "Export a model's metadata from its registry into the export dir as YAML",
  usage: '[options]',
  options: {},
  async run(_values, _positionals, context) {
    context.stderr.write('promote export: not built yet\n')
    return 1
  }
}
