import type { CliCommand } from '../command.js'

export const command: CliCommand = {
  name: 'demo',
  summary: 'Play the whole promotion flow on examples/quickstart, on this machine',
  usage: '[--yes] [--keep] [--dir <new directory>]',
  options: {
    yes: {
      type: 'boolean',
      description: 'approve the staging and production deployments without asking'
    },
    keep: {
      type: 'boolean',
      description: 'keep the temporary repository (its model servers are stopped all the same)'
    },
    dir: {
      type: 'string',
      value: 'dir',
      description: 'play the flow in this new or empty directory instead of a temporary one'
    }
  },
  async run(values, _positionals, context) {
    const { runDemo } = await import('../demo.js')
    const result = await runDemo(
      {
        yes: values.yes === true,
        keep: values.keep === true,
        ...(typeof values.dir === 'string' && values.dir !== '' && { dir: values.dir })
      },
      context
    )
    return result.ok ? 0 : 1
  }
}
