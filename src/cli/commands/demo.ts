import type { CliCommand } from '../command.js'

// Placeholder until its issue lands: the owner replaces this whole file.
export const command: CliCommand = {
  name: 'demo',
  summary: "Play the whole promotion flow on examples/quickstart, on this machine",
  usage: '[options]',
  options: {},
  async run(_values, _positionals, context) {
    context.stderr.write('promote demo: not built yet\n')
    return 1
  }
}
