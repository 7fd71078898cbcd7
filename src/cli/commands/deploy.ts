import { CONFIG_OPTION, humanContext, JSON_OPTION, writeJson, type CliCommand } from '../command.js'
import {
  DEPLOY_RUN_OPTIONS,
  ENV_OPTION,
  FACTS_FILE_OPTION,
  LEDGER_OPTION,
  YES_OPTION
} from './shared-options.js'

/**
 * `promote deploy`: the submit-deploy action on a laptop. Deployment records go to a local
 * ledger (.promote/deployments.json) with the same semantics as GitHub deployments; approval is
 * asked of the person at the terminal (or given with --yes).
 */
export const command: CliCommand = {
  name: 'deploy',
  summary:
    'Deploy the committed challenger to an environment (approval, deployment record, smoke test)',
  usage: '--env <environment> [--yes] [--manifest <file>] [--json] [options]',
  options: {
    ...CONFIG_OPTION,
    ...ENV_OPTION,
    manifest: {
      type: 'string',
      value: 'file',
      description: "the model manifest to deploy (default: the challenger's in the export dir)"
    },
    ...YES_OPTION,
    'override-same-artifact': {
      type: 'string',
      value: 'reason',
      description:
        'deploy although this artifact did not succeed in the previous environment; the reason is recorded'
    },
    ...DEPLOY_RUN_OPTIONS,
    'no-wait': {
      type: 'boolean',
      description: 'record the deployment and submit the run without waiting for it'
    },
    ...FACTS_FILE_OPTION,
    ...LEDGER_OPTION,
    ...JSON_OPTION
  },
  async run(values, _positionals, context) {
    const local = await import('../local.js')
    const human = humanContext(values, context)
    const config = await local.loadCliConfig(values, context)
    const run = local.localContext(context)
    const environment = local.cliEnvironment(config, values, run)
    const manifest = await local.cliManifest(config, values, context)
    const override = local.str(values, 'override-same-artifact')
    const timeout = local.str(values, 'timeout')
    const { code, outcome } = await local.runCliDeploy(
      config,
      {
        environment,
        manifest,
        arguments: local.cliArguments(values),
        wait: values['no-wait'] !== true,
        ...(timeout && { timeout }),
        ...(override && { overrideSameArtifact: override })
      },
      values,
      human,
      run
    )
    if (values.json === true) writeJson(context, local.deployDocument(outcome, code))
    return code
  }
}
