import { CONFIG_OPTION, humanContext, JSON_OPTION, writeJson, type CliCommand } from '../command.js'
import { DEPLOY_RUN_OPTIONS, ENV_OPTION, LEDGER_OPTION } from './shared-options.js'

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
    ...ENV_OPTION,
    manifest: {
      type: 'string',
      value: 'file',
      description: "the model manifest to plan for (default: the challenger's in the export dir)"
    },
    'override-same-artifact': {
      type: 'string',
      value: 'reason',
      description: 'plan as if the same-artifact rule were overridden with this reason'
    },
    ...DEPLOY_RUN_OPTIONS,
    ...LEDGER_OPTION,
    ...JSON_OPTION
  },
  async run(values, _positionals, context) {
    const local = await import('../local.js')
    const { planDeploy, planReport, terminalApprovalPlan } = await import('../../app/plan.js')
    const { terminalLog, terminalReporter } = await import('../log.js')
    const human = humanContext(values, context)
    const config = await local.loadCliConfig(values, context)
    const environment = local.cliEnvironment(config, values, local.localContext(context))
    const manifest = await local.cliManifest(config, values, context)
    const override = local.str(values, 'override-same-artifact')
    const timeout = local.str(values, 'timeout')
    const plan = await planDeploy(
      {
        environment,
        manifest,
        arguments: local.cliArguments(values),
        ...(timeout && { timeout }),
        ...(override && { overrideSameArtifact: override })
      },
      {
        config,
        store: local.openLedger(values, context),
        log: terminalLog(human),
        approval: terminalApprovalPlan
      }
    )
    if (values.json === true) writeJson(context, plan)
    else await terminalReporter(context).summary(planReport(plan))
    return plan.refusals.length ? 1 : 0
  }
}
