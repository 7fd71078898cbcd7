import type { CliOption } from '../command.js'

/** Options several commands share, with one description each. */

export const ENV_OPTION = {
  env: {
    type: 'string',
    value: 'environment',
    description:
      'the environment to use, a key of environments in promote.yaml (default: the one whose branch is checked out)'
  }
} as const satisfies Record<string, CliOption>

export const LEDGER_OPTION = {
  ledger: {
    type: 'string',
    value: 'file',
    // DEFAULT_LEDGER_PATH of adapters/deployments/ledger.ts, not imported: it would load zod.
    default: '.promote/deployments.json',
    description: 'the local deployment ledger (the CLI stand-in for GitHub deployments)'
  }
} as const satisfies Record<string, CliOption>

export const YES_OPTION = {
  yes: {
    type: 'boolean',
    description: 'approve without asking (the environment requires approval; for scripts and CI)'
  }
} as const satisfies Record<string, CliOption>

/** The deploy workflow's inputs: deploy, plan and rollback. */
export const DEPLOY_RUN_OPTIONS = {
  arg: {
    type: 'string',
    value: 'name=value',
    multiple: true,
    description: "a deploy workflow argument over the config's, its value read as YAML; repeatable"
  },
  arguments: {
    type: 'string',
    value: 'json',
    description: 'deploy workflow arguments as one JSON/YAML object, e.g. \'{"replicas": 2}\''
  },
  timeout: {
    type: 'string',
    value: 'duration',
    description:
      "how long to wait for the deploy run before cancelling it (30m, 2h; default: the workflow's)"
  }
} as const satisfies Record<string, CliOption>

export const FACTS_FILE_OPTION = {
  'facts-file': {
    type: 'string',
    value: 'path',
    description: "write the deploy's facts (JSON) to this file, for promote notify --facts-file"
  }
} as const satisfies Record<string, CliOption>
