import { lstatSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadConfig } from '../../core/config/load.js'
import { configSchema, type PromoteConfig } from '../../core/config/schema.js'
import { ConfigurationError } from '../../core/errors.js'
import { createRegistry } from '../../adapters/registries/index.js'
import { exportModel } from '../../app/export.js'
import { CONFIG_OPTION, type CliCommand } from '../command.js'
import { terminalLog } from '../log.js'
import { askYesNo } from '../prompt.js'

/** Without promote.yaml the embedded default applies: the file registry under .promote/registry. */
function defaultConfig(): PromoteConfig {
  return configSchema.parse({
    project: 'default',
    model: { name: 'model' },
    environments: { development: { branch: 'development', cluster: 'local' } }
  })
}

export const command: CliCommand = {
  name: 'export',
  summary: "Export a model's metadata from its registry into the export dir as YAML",
  usage: '--model-uri <uri> [--tag challenger] [--dir artifacts] [--yes] [--config promote.yaml]',
  options: {
    'model-uri': { type: 'string', short: 'm' },
    tag: { type: 'string', short: 't' },
    dir: { type: 'string', short: 'd' },
    yes: { type: 'boolean', short: 'y' },
    ...CONFIG_OPTION
  },
  async run(values, _positionals, context) {
    const uri = values['model-uri'] as string | undefined
    if (!uri)
      throw new ConfigurationError(
        '--model-uri is required, e.g. --model-uri store://models/<project>/model#0:latest or models:/model@latest'
      )
    const configPath = resolve(context.cwd, (values.config as string | undefined) ?? 'promote.yaml')
    const explicitConfig =
      (values.config as string | undefined) !== undefined && values.config !== 'promote.yaml'
    // lstat, not exists: a dangling promote.yaml link is an error to report, not a missing file.
    const hasConfig = lstatSync(configPath, { throwIfNoEntry: false }) !== undefined
    const config = hasConfig || explicitConfig ? await loadConfig(configPath) : defaultConfig()
    const log = terminalLog(context)
    const registry = await createRegistry(config, context.env, { cwd: context.cwd })
    const tag = (values.tag as string | undefined) ?? config.model.challengerTag
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
      dir: (values.dir as string | undefined) ?? config.model.exportDir,
      cwd: context.cwd,
      registry,
      log,
      ...(!values.yes && { confirm: ask }),
      ...(firstEnvironment && hasConfig && { targetBranch: firstEnvironment.branch })
    })
    return result.exported ? 0 : 1
  }
}
