import { CONFIG_OPTION, stringValue, type CliCommand } from '../command.js'

export const command: CliCommand = {
  name: 'export',
  summary: "Export a model's metadata from its registry into the export dir as YAML",
  usage: '--model-uri <uri> [--tag challenger] [--dir artifacts] [--yes] [--config promote.yaml]',
  options: {
    'model-uri': {
      type: 'string',
      value: 'uri',
      description:
        'the model to export: store://models/<project>/<key>#0:latest (MLRun), models:/<name>@<alias> (MLflow, file registry)'
    },
    tag: {
      type: 'string',
      value: 'tag',
      description: "the tag the manifest is written under (default: promote.yaml's challengerTag)"
    },
    dir: {
      type: 'string',
      value: 'dir',
      description: "where to write <key>:<tag>.yaml (default: promote.yaml's model.exportDir)"
    },
    yes: {
      type: 'boolean',
      description: 'export without asking first (for scripts and CI)'
    },
    ...CONFIG_OPTION
  },
  async run(values, _positionals, context) {
    const { lstatSync } = await import('node:fs')
    const { resolve } = await import('node:path')
    const { loadConfig } = await import('../../core/config/load.js')
    const { configSchema } = await import('../../core/config/schema.js')
    const { ConfigurationError } = await import('../../core/errors.js')
    const { createRegistry } = await import('../../adapters/registries/index.js')
    const { exportModel } = await import('../../app/export.js')
    const { terminalLog } = await import('../log.js')
    const { askYesNo } = await import('../prompt.js')
    const uri = stringValue(values, 'model-uri')
    if (!uri)
      throw new ConfigurationError(
        '--model-uri is required, e.g. --model-uri store://models/<project>/model#0:latest or models:/model@latest'
      )
    const configOption = stringValue(values, 'config')
    const configPath = resolve(context.cwd, configOption ?? 'promote.yaml')
    const explicitConfig = configOption !== undefined && configOption !== 'promote.yaml'
    // lstat, not exists: a dangling promote.yaml link is an error to report, not a missing file.
    const hasConfig = lstatSync(configPath, { throwIfNoEntry: false }) !== undefined
    // Without promote.yaml the embedded default applies: the file registry under .promote/registry.
    const config =
      hasConfig || explicitConfig
        ? await loadConfig(configPath)
        : configSchema.parse({
            project: 'default',
            model: { name: 'model' },
            environments: { development: { branch: 'development', cluster: 'local' } }
          })
    const log = terminalLog(context)
    const registry = await createRegistry(config, context.env, { cwd: context.cwd })
    const tag = stringValue(values, 'tag') ?? config.model.challengerTag
    // Without --yes the question is asked, of a terminal or of piped input (`echo no | promote
    // export ...`), as the seed's export script asks it.
    const ask = async (question: string) => {
      const answer = await askYesNo(question, context.stdin, context.stdout, {
        exact: true,
        invalid: "Invalid input. Please enter 'yes' or 'no'."
      })
      if (answer === undefined && context.stdin.isTTY !== true) {
        throw new ConfigurationError(
          'nothing answered the export question: standard input is not a terminal and gave no answer (pass --yes to export without asking, e.g. in CI or scripts; or pipe the answer: echo yes | promote export ...)'
        )
      }
      return answer === true
    }
    const firstEnvironment = Object.values(config.environments)[0]
    const result = await exportModel({
      uri,
      tag,
      dir: stringValue(values, 'dir') ?? config.model.exportDir,
      cwd: context.cwd,
      registry,
      log,
      ...(!values.yes && { confirm: ask }),
      ...(firstEnvironment && hasConfig && { targetBranch: firstEnvironment.branch })
    })
    return result.exported ? 0 : 1
  }
}
