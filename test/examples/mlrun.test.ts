import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadConfig } from '../../src/core/config/load.js'
import { resolveEnvironment, resolveWorkflow } from '../../src/core/config/resolve.js'
import { REPO_ROOT, sharedFile } from '../helpers/shared.js'

const EXAMPLE = join(REPO_ROOT, 'examples', 'mlrun')

describe('examples/mlrun promote.yaml (the seed, as a consumer writes it)', () => {
  it('validates', async () => {
    await expect(loadConfig(join(EXAMPLE, 'promote.yaml'))).resolves.toMatchObject({
      project: 'cicd-flow'
    })
  })

  it('puts development, staging and master on one MLRun cluster with project-name suffixes', async () => {
    const config = await loadConfig(join(EXAMPLE, 'promote.yaml'))
    const environments = Object.keys(config.environments).map(name =>
      resolveEnvironment(config, { name })
    )
    expect(environments.map(e => [e.name, e.branch, e.projectName, e.requiresApproval])).toEqual([
      ['development', 'development', 'cicd-flow-dev', false],
      ['staging', 'staging', 'cicd-flow-staging', true],
      ['master', 'master', 'cicd-flow', true]
    ])
    expect(new Set(environments.map(e => e.cluster))).toEqual(new Set(['iguazio']))
    expect(environments[0]!.clusterConfig).toMatchObject({
      kind: 'mlrun',
      usernameEnv: 'V3IO_USERNAME',
      accessKeyEnv: 'V3IO_ACCESS_KEY'
    })
    expect(config.model.registry).toEqual({ kind: 'mlrun', cluster: 'iguazio' })
  })

  it('runs the project workflows train and deploy, with per-environment deploy arguments', async () => {
    const config = await loadConfig(join(EXAMPLE, 'promote.yaml'))
    const master = resolveEnvironment(config, { name: 'master' })
    expect(resolveWorkflow(config, 'train', master)).toMatchObject({
      remoteName: 'train',
      timeoutMs: 2 * 3600_000
    })
    expect(resolveWorkflow(config, 'deploy', master).arguments).toEqual({
      num_tests: 50,
      replicas: 3
    })
    expect(config.deployment.workflow).toBe('deploy')
  })

  it('notifies Slack and email on failure, naming secrets only by their environment variables', async () => {
    const config = await loadConfig(join(EXAMPLE, 'promote.yaml'))
    expect(config.notifications.slack).toMatchObject({
      tokenEnv: 'SLACK_BOT_TOKEN',
      channel: '#ml-deployments'
    })
    expect(config.notifications.slack!.events).toContain('failed')
    expect(config.notifications.email).toMatchObject({ smtpUrlEnv: 'SMTP_URL', events: ['failed'] })
    const text = readFileSync(join(EXAMPLE, 'promote.yaml'), 'utf8')
    expect(text).not.toMatch(/xox[bp]-|smtps?:\/\/[^\s]*@/)
  })

  it('gates on the metrics the seed trainer logs (accuracy, f1_score)', async () => {
    const config = await loadConfig(join(EXAMPLE, 'promote.yaml'))
    expect(Object.keys(config.gates)).toEqual(['accuracy', 'f1_score'])
    // The real MLRun export of the seed's model carries these metric names.
    const fixture = sharedFile('fixtures/mlrun-model-challenger.yaml')
    if (!fixture) return
    const metrics = /\n {2}metrics:\n((?: {4}\S+: \S+\n)+)/.exec(readFileSync(fixture, 'utf8'))
    expect(metrics).not.toBeNull()
    for (const gate of Object.keys(config.gates)) expect(metrics![1]).toContain(`    ${gate}: `)
  })
})
