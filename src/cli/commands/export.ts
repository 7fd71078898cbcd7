import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadConfig } from '../../core/config/load.js'
import { configSchema, type PromoteConfig } from '../../core/config/schema.js'
import { ConfigurationError } from '../../core/errors.js'
import { createRegistry } from '../../adapters/registries/index.js'
import { exportModel } from '../../app/export.js'
import { CONFIG_OPTION, type CliCommand } from '../command.js'
import { terminalLog } from '../log.js'
import { confirm } from '../prompt.js'

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
    const config =
      existsSync(configPath) || explicitConfig ? await loadConfig(configPath) : defaultConfig()
    const log = terminalLog(context)
    const registry = createRegistry(config, context.env, { cwd: context.cwd })
    const tag = (values.tag as string | undefined) ?? config.model.challengerTag
    const interactive = !values.yes && context.stdin.isTTY === true
    const firstEnvironment = Object.values(config.environments)[0]
    const result = await exportModel({
      uri,
      tag,
      dir: (values.dir as string | undefined) ?? config.model.exportDir,
      cwd: context.cwd,
      registry,
      log,
      ...(interactive && {
        confirm: (question: string) => confirm(question, context.stdin, context.stdout)
      }),
      ...(firstEnvironment && existsSync(configPath) && { targetBranch: firstEnvironment.branch })
    })
    return result.exported ? 0 : 1
  }
}
