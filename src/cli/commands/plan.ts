import { planDeploy, planReport, terminalApprovalPlan } from '../../app/plan.js'
import { CONFIG_OPTION, write, type CliCommand } from '../command.js'
import { terminalLog, terminalReporter } from '../log.js'
import {
  cliArguments,
  cliEnvironment,
  cliManifest,
  LEDGER_OPTION,
  loadCliConfig,
  localContext,
  openLedger,
  str
} from './deploy.js'

/**
 * `promote plan`: what `promote deploy` would do, changing nothing (no record, no run, no
 * question). Exit 0 when the deploy would run, 1 when it would be refused (scripts can gate on it).
 */
export const command: CliCommand = {
  name: 'plan',
  summary:
    'Show what a deploy would do (model, metrics against the live one, rules, pipeline) without doing it',
  usage: '--env <environment> [--manifest <file>] [--arg name=value] [--json] [options]',
  options: {
    ...CONFIG_OPTION,
    env: { type: 'string', short: 'e' },
    manifest: { type: 'string', short: 'm' },
    'override-same-artifact': { type: 'string' },
    arg: { type: 'string', multiple: true },
    arguments: { type: 'string' },
    timeout: { type: 'string' },
    json: { type: 'boolean' },
    ...LEDGER_OPTION
  },
  async run(values, _positionals, context) {
    const config = await loadCliConfig(values, context)
    const environment = cliEnvironment(config, values, localContext(context))
    const manifest = await cliManifest(config, values, context)
    const override = str(values, 'override-same-artifact')
    const timeout = str(values, 'timeout')
    const plan = await planDeploy(
      {
        environment,
        manifest,
        arguments: cliArguments(values),
        ...(timeout && { timeout }),
        ...(override && { overrideSameArtifact: override })
      },
      {
        config,
        store: openLedger(values, context),
        log: terminalLog(context),
        approval: terminalApprovalPlan
      }
    )
    if (values.json === true) write(context.stdout, JSON.stringify(plan, null, 2))
    else await terminalReporter(context).summary(planReport(plan))
    return plan.refusals.length ? 1 : 0
  }
}
