import { spawn } from 'node:child_process'
import { createRegistry } from '../../adapters/registries/index.js'
import {
  createGitReader,
  failingChecks,
  parseFailOn,
  validate,
  type ChampionSource,
  type CommandRunner
} from '../../app/validate.js'
import { ConfigurationError } from '../../core/errors.js'
import { CONFIG_OPTION, type CliCommand, type CliContext } from '../command.js'
import { terminalLog, terminalReporter } from '../log.js'

/** Runs a command through the shell, its output passed through to the terminal. */
function shellRunner(context: CliContext): CommandRunner {
  return {
    run: (commandLine, cwd) =>
      new Promise((resolve, reject) => {
        const child = spawn(commandLine, {
          cwd,
          env: context.env,
          shell: true,
          stdio: ['ignore', 'pipe', 'pipe']
        })
        child.stdout.on('data', chunk => context.stdout.write(chunk))
        child.stderr.on('data', chunk => context.stderr.write(chunk))
        child.on('error', reject)
        child.on('close', code => resolve(code ?? 1))
      })
  }
}

const CHAMPIONS: readonly ChampionSource[] = ['auto', 'git', 'registry', 'none']

export const command: CliCommand = {
  name: 'validate',
  summary:
    'Validate promote.yaml and every exported manifest, and run the metric gates (what lint-test checks on a PR)',
  usage:
    '[--config promote.yaml] [--env <environment>] [--check-drift] [--lint <cmd>] [--test <cmd>] [--champion auto|git|registry|none]',
  options: {
    ...CONFIG_OPTION,
    env: { type: 'string', short: 'e' },
    'check-drift': { type: 'boolean' },
    'export-dir': { type: 'string' },
    lint: { type: 'string' },
    test: { type: 'string' },
    champion: { type: 'string', default: 'auto' },
    'production-branch': { type: 'string' },
    'fail-on': { type: 'string', default: 'errors' }
  },
  async run(values, _positionals, context) {
    const champion = values.champion as ChampionSource
    if (!CHAMPIONS.includes(champion))
      throw new ConfigurationError(
        `--champion must be one of ${CHAMPIONS.join(', ')}, got '${String(values.champion)}'`
      )
    const failOn = parseFailOn(String(values['fail-on']))
    const result = await validate({
      cwd: context.cwd,
      configPath: String(values.config),
      ...(typeof values.env === 'string' && { environment: values.env }),
      ...(typeof values['export-dir'] === 'string' && { exportDir: values['export-dir'] }),
      ...(typeof values.lint === 'string' && { lintCommand: values.lint }),
      ...(typeof values.test === 'string' && { testCommand: values.test }),
      checkDrift: values['check-drift'] === true,
      champion,
      ...(typeof values['production-branch'] === 'string' && {
        productionBranch: values['production-branch']
      }),
      log: terminalLog(context),
      runner: shellRunner(context),
      git: createGitReader(context.cwd),
      registry: config =>
        createRegistry(config, context.env, { cwd: context.cwd, confineTo: context.cwd })
    })
    await terminalReporter(context).summary(result.report)
    return failingChecks(result.checks, failOn).length ? 1 : 0
  }
}
