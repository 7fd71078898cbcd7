import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { loadConfig } from '../../src/core/config/load.js'
import { resolveEnvironment, resolveWorkflow } from '../../src/core/config/resolve.js'
import { REPO_ROOT, sharedFile } from '../helpers/shared.js'

const EXAMPLE = join(REPO_ROOT, 'examples', 'mlrun')
const CONFIG = join(EXAMPLE, 'promote.yaml')

/** The seed's config.py values, as its get_workflow_config passes them to each pipeline. */
const SEED = {
  train: {
    source_url: './data/heart.csv',
    label_column: 'target',
    allow_validation_failure: true,
    ohe_columns: ['sex', 'cp', 'slope', 'thal', 'restecg'],
    test_size: 0.2
  },
  deploy: {
    challenger_model_tag: 'challenger',
    champion_model_tag: 'champion',
    label_column: 'target',
    deploy_model_name: 'model'
  }
}
/** The seed's TrainConfig and DeployConfig field types (str, bool, list, float). */
const SEED_TYPES = {
  train: {
    source_url: 'string',
    label_column: 'string',
    allow_validation_failure: 'boolean',
    ohe_columns: 'list',
    test_size: 'number'
  },
  deploy: {
    challenger_model_tag: 'string',
    champion_model_tag: 'string',
    label_column: 'string',
    deploy_model_name: 'string'
  }
}

describe('examples/mlrun promote.yaml (the seed, as a consumer writes it)', () => {
  it('validates', async () => {
    await expect(loadConfig(CONFIG)).resolves.toMatchObject({ project: 'cicd-flow' })
  })

  it("puts development, staging and master on one MLRun cluster, with the seed's model tags and export dir", async () => {
    const config = await loadConfig(CONFIG)
    const environments = Object.keys(config.environments).map(name =>
      resolveEnvironment(config, { name, env: { V3IO_USERNAME: 'svc' } })
    )
    expect(environments.map(e => [e.name, e.branch, e.requiresApproval])).toEqual([
      ['development', 'development', false],
      ['staging', 'staging', true],
      ['master', 'master', true]
    ])
    expect(new Set(environments.map(e => e.cluster))).toEqual(new Set(['iguazio']))
    expect(environments[0]!.clusterConfig).toMatchObject({
      kind: 'mlrun',
      usernameEnv: 'V3IO_USERNAME',
      accessKeyEnv: 'V3IO_ACCESS_KEY',
      source: 'git://github.com/igz-us-sales/igz-cicd-flow#{branch}',
      artifactPath: 's3://iguazio-demo/projects/{{run.project}}/artifacts'
    })
    expect(config.model).toMatchObject({
      name: 'model',
      registry: { kind: 'mlrun', cluster: 'iguazio' },
      exportDir: 'artifacts',
      challengerTag: 'challenger',
      championTag: 'champion'
    })
  })

  it("names the projects as the seed's --single-cluster-mode does: development cicd-flow, staging and master the service account's user project", async () => {
    const config = await loadConfig(CONFIG)
    const projectOf = (name: string, username: string) =>
      resolveEnvironment(config, { name, env: { V3IO_USERNAME: username } }).projectName
    expect(projectOf('development', 'nick')).toBe('cicd-flow')
    expect(projectOf('staging', 'svc-staging')).toBe('cicd-flow-svc-staging')
    expect(projectOf('master', 'svc-master')).toBe('cicd-flow-svc-master')
  })

  it.each(['train', 'deploy'] as const)(
    "declares every argument of the seed's %s pipeline, typed as its pydantic model, with config.py's values",
    async workflow => {
      const config = await loadConfig(CONFIG)
      const declared = config.workflows[workflow]!.parameters!
      expect(
        Object.fromEntries(Object.entries(declared).map(([name, p]) => [name, p.type]))
      ).toEqual(SEED_TYPES[workflow])
      for (const environment of ['development', 'staging', 'master']) {
        const resolved = resolveWorkflow(
          config,
          workflow,
          resolveEnvironment(config, { name: environment, env: { V3IO_USERNAME: 'svc' } })
        )
        expect(resolved).toMatchObject({ remoteName: workflow })
        expect(resolved.arguments).toEqual(SEED[workflow])
      }
    }
  )

  it('waits 2 h for training and 45 min for a deploy; deploys with the deploy workflow', async () => {
    const config = await loadConfig(CONFIG)
    const development = resolveEnvironment(config, { name: 'development', env: {} })
    expect(resolveWorkflow(config, 'train', development).timeoutMs).toBe(2 * 3600_000)
    expect(resolveWorkflow(config, 'deploy', development).timeoutMs).toBe(45 * 60_000)
    expect(config.deployment).toMatchObject({
      workflow: 'deploy',
      approval: { distinctApprover: true },
      sameArtifact: true,
      updateChampion: true
    })
  })

  it("notifies Slack through the seed's SLACK_WEBHOOK secret, naming it only", async () => {
    const config = await loadConfig(CONFIG)
    expect(config.notifications.slack).toMatchObject({ webhookEnv: 'SLACK_WEBHOOK' })
    expect(readFileSync(CONFIG, 'utf8')).not.toMatch(/hooks\.slack\.com|xox[bp]-/)
  })

  it('gates on the metrics the seed trainer logs (accuracy, f1_score)', async () => {
    const config = await loadConfig(CONFIG)
    expect(Object.keys(config.gates)).toEqual(['accuracy', 'f1_score'])
    // The real MLRun export of the seed's model carries these metric names.
    const fixture = sharedFile('fixtures/mlrun-model-challenger.yaml')
    if (!fixture) return
    const metrics = (parse(readFileSync(fixture, 'utf8')) as { spec: { metrics: object } }).spec
      .metrics
    for (const gate of Object.keys(config.gates)) expect(metrics).toHaveProperty(gate)
  })
})

describe('examples/mlrun workflows', () => {
  const workflow = (name: string) =>
    parse(readFileSync(join(EXAMPLE, '.github', 'workflows', name), 'utf8')) as {
      jobs: Record<string, { with?: Record<string, unknown>; secrets?: unknown }>
    }

  it("ci.yml installs what the seed's make lint and make test need, as the seed's Makefile does", () => {
    const ci = Object.values(workflow('ci.yml').jobs)[0]!
    expect(ci.with).toMatchObject({
      'python-version': '3.9',
      install: 'make install-requirements',
      lint: 'make lint',
      test: 'make test',
      'production-branch': 'master'
    })
  })

  it('train.yml, deploy.yml and promote.yml pass the secrets on (the environments hold them)', () => {
    for (const name of ['train.yml', 'deploy.yml', 'promote.yml'])
      expect(Object.values(workflow(name).jobs)[0]!.secrets).toBe('inherit')
  })
})

describe('the reusable workflows: environment-bound jobs, secret names as an input', () => {
  const reusable = (name: string) =>
    parse(readFileSync(join(REPO_ROOT, '.github', 'workflows', name), 'utf8')) as {
      on: { workflow_call: { inputs: Record<string, unknown> } }
      jobs: Record<
        string,
        { environment?: { name: string }; steps: Array<{ name?: string; run?: string }> }
      >
    }
  const exposeStep = (name: string) =>
    Object.values(reusable(name).jobs)[0]!.steps.find(s => s.name?.startsWith('Expose the secrets'))

  it('train.yml runs its job in the GitHub environment, so per-environment secrets apply', () => {
    const train = reusable('train.yml')
    expect(train.on.workflow_call.inputs).toHaveProperty('github-environment')
    expect(train.jobs.train!.environment!.name).toContain('inputs.environment')
  })

  it('train.yml, deploy.yml and promote.yml take secret-names and expose secrets with the same step', () => {
    const run = exposeStep('train.yml')!.run
    for (const name of ['train.yml', 'deploy.yml', 'promote.yml']) {
      expect(reusable(name).on.workflow_call.inputs).toHaveProperty('secret-names')
      expect(exposeStep(name)!.run).toBe(run)
    }
  })

  /** Runs the step's script as the runner does, returning GITHUB_ENV and the log. */
  function expose(secrets: Record<string, string>, secretNames: string, config = CONFIG) {
    const dir = mkdtempSync(join(tmpdir(), 'expose-'))
    const githubEnv = join(dir, 'env')
    writeFileSync(githubEnv, '')
    let log = ''
    let code = 0
    try {
      log = execFileSync('bash', ['-e', '-c', exposeStep('train.yml')!.run!], {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          GITHUB_ENV: githubEnv,
          PROMOTE_CONFIG: config,
          PROMOTE_SECRETS: JSON.stringify(secrets),
          PROMOTE_SECRET_NAMES: secretNames
        }
      })
    } catch (error) {
      code = (error as { status: number }).status
      log = String((error as { stdout: string }).stdout)
    }
    const exported: Record<string, string> = {}
    const lines = readFileSync(githubEnv, 'utf8').split('\n')
    for (let i = 0; i < lines.length; i++) {
      const heredoc = /^(\w+)<<(\S+)$/.exec(lines[i]!)
      if (!heredoc) continue
      const value: string[] = []
      while (lines[++i] !== heredoc[2]) value.push(lines[i]!)
      exported[heredoc[1]!] = value.join('\n')
    }
    return { code, log, exported }
  }

  it('exports the variables promote.yaml names from the secrets of the same name, masked', () => {
    const { code, log, exported } = expose(
      { V3IO_USERNAME: 'svc-staging', V3IO_ACCESS_KEY: 'ak-1', OTHER: 'x' },
      ''
    )
    expect(code).toBe(0)
    expect(exported).toEqual({ V3IO_USERNAME: 'svc-staging', V3IO_ACCESS_KEY: 'ak-1' })
    expect(log).toContain('::add-mask::ak-1')
    expect(log).toContain('SLACK_WEBHOOK: no secret SLACK_WEBHOOK passed')
  })

  it('reads a variable from the secret secret-names maps it to (lines or JSON, any case)', () => {
    const secrets = { MLRUN_STAGING_KEY: 'ak-2\nsecond-line', V3IO_USERNAME: 'svc', SLACK: 'h' }
    const lines = expose(secrets, 'V3IO_ACCESS_KEY=mlrun_staging_key\nSLACK_WEBHOOK: SLACK\n')
    expect(lines.exported).toEqual({
      V3IO_USERNAME: 'svc',
      V3IO_ACCESS_KEY: 'ak-2\nsecond-line',
      SLACK_WEBHOOK: 'h'
    })
    expect(lines.log).toContain('exported V3IO_ACCESS_KEY from secret mlrun_staging_key')
    expect(lines.log).toContain('::add-mask::second-line')
    const json = expose(secrets, '{"V3IO_ACCESS_KEY": "MLRUN_STAGING_KEY"}')
    expect(json.exported.V3IO_ACCESS_KEY).toBe('ak-2\nsecond-line')
  })

  it('refuses a secret-names line that is not VARIABLE=SECRET, before exporting anything', () => {
    const { code, log, exported } = expose({ V3IO_USERNAME: 'svc' }, 'V3IO_ACCESS_KEY=my-key')
    expect(code).toBe(1)
    expect(log).toContain('::error title=secret-names::expected VARIABLE=SECRET')
    expect(exported).toEqual({})
  })
})
