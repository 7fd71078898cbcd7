import { CONFIG_OPTION, humanContext, JSON_OPTION, writeJson, type CliCommand } from '../command.js'
import {
  DEPLOY_RUN_OPTIONS,
  ENV_OPTION,
  FACTS_FILE_OPTION,
  LEDGER_OPTION,
  YES_OPTION
} from './shared-options.js'

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
    ...ENV_OPTION,
    to: {
      type: 'string',
      value: 'deployment-id',
      description:
        'the deployment to restore (default: the last successful one with another artifact than the live one)'
    },
    ...YES_OPTION,
    ...DEPLOY_RUN_OPTIONS,
    ...FACTS_FILE_OPTION,
    ...LEDGER_OPTION,
    ...JSON_OPTION
  },
  async run(values, _positionals, context) {
    const local = await import('../local.js')
    const { planRollback, prepareRollbackManifest } = await import('../../app/rollback.js')
    const { terminalLog } = await import('../log.js')
    const { tmpdir } = await import('node:os')
    const human = humanContext(values, context)
    const config = await local.loadCliConfig(values, context)
    const run = local.localContext(context)
    const environment = local.cliEnvironment(config, values, run)
    const to = local.str(values, 'to')
    const plan = await planRollback(local.openLedger(values, context), environment.name, {
      ...(to && { to }),
      log: terminalLog(human)
    })
    const { manifest, cleanup } = await prepareRollbackManifest(
      plan,
      environment.clusterConfig.kind === 'command',
      context.env.TMPDIR || tmpdir()
    )
    const timeout = local.str(values, 'timeout')
    try {
      const { code, outcome } = await local.runCliDeploy(
        config,
        {
          environment,
          manifest,
          arguments: local.cliArguments(values),
          wait: true,
          ...(timeout && { timeout }),
          rollback: { restores: plan.restores, ...(plan.replaces && { replaces: plan.replaces }) }
        },
        values,
        human,
        run
      )
      if (values.json === true) writeJson(context, local.deployDocument(outcome, code))
      return code
    } finally {
      await cleanup()
    }
  }
}
