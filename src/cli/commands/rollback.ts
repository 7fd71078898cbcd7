import { tmpdir } from 'node:os'
import { planRollback, prepareRollbackManifest } from '../../app/rollback.js'
import { CONFIG_OPTION, type CliCommand } from '../command.js'
import { terminalLog } from '../log.js'
import {
  LEDGER_OPTION,
  cliArguments,
  cliEnvironment,
  loadCliConfig,
  localContext,
  openLedger,
  runCliDeploy,
  str
} from './deploy.js'

/**
 * `promote rollback --env production [--to <id>]`: redeploys the manifest recorded in an earlier
 * successful deployment (default: the last one before the live deployment with a different
 * artifact) and records a new deployment that says what it restored.
 */
export const command: CliCommand = {
  name: 'rollback',
  summary:
    'Redeploy the previous successful deployment of an environment (from its recorded manifest)',
  usage: '--env <environment> [--to <deployment-id>] [--yes] [options]',
  options: {
    ...CONFIG_OPTION,
    env: { type: 'string', short: 'e' },
    to: { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    arg: { type: 'string', multiple: true },
    arguments: { type: 'string' },
    timeout: { type: 'string' },
    'facts-file': { type: 'string' },
    ...LEDGER_OPTION
  },
  async run(values, _positionals, context) {
    const config = await loadCliConfig(values, context)
    const run = localContext(context)
    const environment = cliEnvironment(config, values, run)
    const to = str(values, 'to')
    const plan = await planRollback(openLedger(values, context), environment.name, {
      ...(to && { to }),
      log: terminalLog(context)
    })
    const { manifest, cleanup } = await prepareRollbackManifest(
      plan,
      environment.clusterConfig.kind === 'command',
      context.env.TMPDIR || tmpdir()
    )
    const timeout = str(values, 'timeout')
    try {
      const { code } = await runCliDeploy(
        config,
        {
          environment,
          manifest,
          arguments: cliArguments(values),
          wait: true,
          ...(timeout && { timeout }),
          rollback: { restores: plan.restores, ...(plan.replaces && { replaces: plan.replaces }) }
        },
        values,
        context,
        run
      )
      return code
    } finally {
      await cleanup()
    }
  }
}
