import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/core/config/load.js'
import {
  challengerManifestPath,
  gatesFor,
  isLastEnvironment,
  previousEnvironment,
  resolveEnvironment,
  resolveWorkflow
} from '../../src/core/config/resolve.js'
import { ConfigurationError } from '../../src/core/errors.js'
import { VALID } from './config-helpers.js'

const config = parseConfig(
  'promote.yaml',
  VALID.replace(
    '    projectSuffix: -staging\n',
    '    projectSuffix: -staging\n    arguments: {train: {epochs: 20}}\n    gates: {accuracy: {min: 0.85}, loss: {better: lower, max: 0.4}}\n'
  )
)

describe('resolving the config for a run', () => {
  it('picks an environment by name or by branch, with its derived fields', () => {
    const staging = resolveEnvironment(config, { branch: 'staging' })
    expect(staging).toMatchObject({
      name: 'staging',
      index: 1,
      requiresApproval: true,
      projectName: 'cicd-flow-staging'
    })
    expect(staging.clusterConfig.kind).toBe('mlrun')
    expect(resolveEnvironment(config, { name: 'development', branch: 'main' })).toMatchObject({
      name: 'development',
      requiresApproval: false,
      projectName: 'cicd-flow'
    })
  })

  it('explains an unknown environment or branch', () => {
    expect(() => resolveEnvironment(config, { name: 'prod' })).toThrow(
      "unknown environment 'prod'; defined: development, staging, production"
    )
    expect(() => resolveEnvironment(config, { branch: 'feature/x' })).toThrow(
      "no environment deploys from branch 'feature/x'; branches: development=development, staging=staging, production=main (set the environment input or --env)"
    )
    expect(() => resolveEnvironment(config, {})).toThrow(ConfigurationError)
    expect(() => resolveEnvironment(config, { name: 'constructor' })).toThrow(
      "unknown environment 'constructor'"
    )
    const staging = resolveEnvironment(config, { name: 'staging' })
    expect(() => resolveWorkflow(config, 'toString', staging)).toThrow(
      "unknown workflow 'toString'"
    )
  })

  it('knows the promotion order', () => {
    expect(previousEnvironment(config, 'production')?.name).toBe('staging')
    expect(previousEnvironment(config, 'development')).toBeUndefined()
    expect(isLastEnvironment(config, 'production')).toBe(true)
    expect(isLastEnvironment(config, 'staging')).toBe(false)
  })

  it('merges workflow arguments: config, then environment, then caller', () => {
    const staging = resolveEnvironment(config, { name: 'staging' })
    const train = resolveWorkflow(config, 'train', staging, { lr: 0.1 })
    expect(train).toMatchObject({
      key: 'train',
      remoteName: 'train',
      timeoutMs: 90 * 60_000,
      arguments: { epochs: 20, lr: 0.1 }
    })
    expect(resolveWorkflow(config, 'train', staging, {}, '2h').timeoutMs).toBe(7_200_000)
    expect(() => resolveWorkflow(config, 'score', staging)).toThrow(
      "unknown workflow 'score'; defined in the config: train, deploy"
    )
  })

  it('merges gate overrides per metric without resetting the direction', () => {
    expect(gatesFor(config)).toEqual({ accuracy: { better: 'higher', min: 0.8, maxDrop: 0.02 } })
    expect(gatesFor(config, 'staging')).toEqual({
      accuracy: { better: 'higher', min: 0.85, maxDrop: 0.02 },
      loss: { better: 'lower', max: 0.4 }
    })
    const lower = parseConfig(
      'promote.yaml',
      VALID.replace(
        'accuracy: {min: 0.8, maxDrop: 0.02}',
        'loss: {better: lower, max: 0.5}'
      ).replace('    projectSuffix: -staging\n', '    gates: {loss: {max: 0.3}}\n')
    )
    expect(gatesFor(lower, 'staging')).toEqual({ loss: { better: 'lower', max: 0.3 } })
  })

  it('names the challenger manifest', () => {
    expect(challengerManifestPath(config)).toBe('artifacts/model:challenger.yaml')
  })
})
