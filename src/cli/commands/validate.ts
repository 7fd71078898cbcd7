import {
  causeLine,
  CONFIG_OPTION,
  humanContext,
  JSON_OPTION,
  stringValue,
  write,
  writeJson,
  type CliCommand
} from '../command.js'
import { ENV_OPTION } from './shared-options.js'

const CHAMPIONS = ['auto', 'git', 'registry', 'none'] as const

export const command: CliCommand = {
  name: 'validate',
  summary:
    'Validate promote.yaml and every exported manifest, and run the metric gates (what lint-test checks on a PR)',
  usage:
    '[--config promote.yaml] [--env <environment>] [--lint <cmd>] [--test <cmd>] [--champion auto|git|registry|none] [--json]',
  options: {
    ...CONFIG_OPTION,
    ...ENV_OPTION,
    'check-drift': {
      type: 'boolean',
      description: 'also compare the manifests with what the registry holds now'
    },
    'export-dir': {
      type: 'string',
      value: 'dir',
      description: "where the manifests are (default: promote.yaml's model.exportDir)"
    },
    lint: {
      type: 'string',
      value: 'command',
      description: "the repository's lint command, run through the shell (skipped when not given)"
    },
    test: {
      type: 'string',
      value: 'command',
      description: "the repository's test command, run through the shell (skipped when not given)"
    },
    champion: {
      type: 'string',
      value: CHAMPIONS.join('|'),
      default: 'auto',
      description:
        'where the champion to compare with comes from: the production branch (git), the registry tag, either (auto) or none'
    },
    'production-branch': {
      type: 'string',
      value: 'branch',
      description: "the branch holding the champion's manifest (default: the last environment's)"
    },
    'fail-on': {
      type: 'string',
      value: 'errors|any|never|checks',
      default: 'errors',
      description:
        'what fails the command: a failed check (errors), also a warning (any), nothing (never), or a list of checks (schema,gates)'
    },
    ...JSON_OPTION
  },
  async run(values, _positionals, context) {
    const { spawn } = await import('node:child_process')
    const { failingChecks, parseFailOn, validate } = await import('../../app/validate.js')
    const { createGitReader } = await import('../../adapters/local-git/reader.js')
    const { ConfigurationError } = await import('../../core/errors.js')
    const { terminalLog, terminalReporter } = await import('../log.js')
    const champion = String(values.champion) as (typeof CHAMPIONS)[number]
    if (!CHAMPIONS.includes(champion))
      throw new ConfigurationError(
        `--champion must be one of ${CHAMPIONS.join(', ')}, got '${String(values.champion)}'`
      )
    const failOn = parseFailOn(String(values['fail-on']))
    const human = humanContext(values, context)
    const result = await validate({
      cwd: context.cwd,
      configPath: String(values.config),
      ...(stringValue(values, 'env') && { environment: stringValue(values, 'env') }),
      ...(stringValue(values, 'export-dir') && { exportDir: stringValue(values, 'export-dir') }),
      ...(stringValue(values, 'lint') && { lintCommand: stringValue(values, 'lint') }),
      ...(stringValue(values, 'test') && { testCommand: stringValue(values, 'test') }),
      checkDrift: values['check-drift'] === true,
      champion,
      ...(stringValue(values, 'production-branch') && {
        productionBranch: stringValue(values, 'production-branch')
      }),
      log: terminalLog(human),
      // The repository's own lint and tests, through the shell, their output passed through.
      runner: {
        run: (commandLine, cwd) =>
          new Promise((resolve, reject) => {
            const child = spawn(commandLine, {
              cwd,
              env: context.env,
              shell: true,
              stdio: ['ignore', 'pipe', 'pipe']
            })
            child.stdout.on('data', chunk => human.stdout.write(chunk))
            child.stderr.on('data', chunk => human.stderr.write(chunk))
            child.on('error', reject)
            child.on('close', code => resolve(code ?? 1))
          })
      },
      git: createGitReader(context.cwd),
      // Loaded only when a champion or drift check asks the registry (HTTP clients weigh).
      registry: async config =>
        (await import('../../adapters/registries/index.js')).createRegistry(config, context.env, {
          cwd: context.cwd,
          confineTo: context.cwd
        })
    })
    await terminalReporter(human).summary(result.report)
    const failing = failingChecks(result.checks, failOn)
    if (values.json === true) {
      writeJson(context, {
        ok: failing.length === 0,
        checks: result.checks.map(check => ({
          name: check.name,
          verdict: check.verdict,
          details: check.details,
          durationMs: check.durationMs ?? null
        })),
        problems: result.problems,
        gates: result.gates
          ? { verdict: result.gates.verdict, failures: result.gates.failures }
          : null,
        challenger: result.challenger
          ? {
              name: result.challenger.name,
              version: result.challenger.version ?? null,
              uri: result.challenger.uri ?? null,
              metrics: result.challenger.metrics
            }
          : null,
        champion: result.champion
          ? { source: result.champion.source, metrics: result.champion.metrics }
          : null
      })
    }
    // The report is long: the last line of stderr names what failed.
    if (failing.length)
      write(
        context.stderr,
        `promote validate: ${failing.map(check => `${check.name} ${check.verdict}: ${causeLine(check.details)}`).join('; ')}`
      )
    return failing.length ? 1 : 0
  }
}
