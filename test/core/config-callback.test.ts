import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/core/config/load.js'
import { VALID, lineOf, problemAt, problemsOf } from './config-helpers.js'

/** VALID with a callback on its MLRun cluster, or with an Argo cluster carrying one. */
const withMlrunCallback = (callback: string) =>
  VALID.replace(
    '    tokenEnv: MLRUN_TOKEN\n',
    `    tokenEnv: MLRUN_TOKEN\n    callback:\n${callback}`
  )
const withArgoCallback = (callback: string) =>
  VALID.replace(
    'clusters:\n',
    `clusters:\n  argo:\n    kind: argo\n    url: https://argo.example.com\n    callback:\n${callback}`
  )

describe('clusters.<name>.callback (detached training)', () => {
  it('MLRun: names a project secret; the API URL is optional', () => {
    const config = parseConfig(
      'promote.yaml',
      withMlrunCallback('      tokenSecret: PROMOTE_GITHUB_DISPATCH\n')
    )
    expect(config.clusters.iguazio).toMatchObject({
      callback: { tokenSecret: 'PROMOTE_GITHUB_DISPATCH' }
    })
  })

  it('Argo: a Secret name, with the key, template and its entrypoint defaulted', () => {
    const config = parseConfig(
      'promote.yaml',
      withArgoCallback('      tokenSecret: github-dispatch\n')
    )
    expect(config.clusters.argo).toMatchObject({
      callback: {
        tokenSecret: 'github-dispatch',
        tokenKey: 'token',
        template: 'promote-callback',
        entrypoint: 'dispatch',
        clusterScope: false
      }
    })
  })

  it('refuses a token written where the secret name goes, at its line', () => {
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'
    const mlrun = withMlrunCallback(`      tokenSecret: ${token}\n`)
    const problem = problemAt(problemsOf(mlrun), 'clusters.iguazio.callback.tokenSecret')
    expect(problem.message).toMatch(/literal secret|GitHub token/)
    expect(problem.line).toBe(lineOf(mlrun, token))
    const argo = withArgoCallback(`      tokenSecret: ${token}\n`)
    expect(problemAt(problemsOf(argo), 'clusters.argo.callback.tokenSecret').line).toBe(
      lineOf(argo, token)
    )
  })

  it('refuses a Secret name Kubernetes would refuse, and unknown keys with a suggestion', () => {
    const text = withArgoCallback('      tokenSecret: GitHub_Dispatch\n      templat: x\n')
    const problems = problemsOf(text)
    expect(problemAt(problems, 'clusters.argo.callback.tokenSecret').message).toContain(
      'is not a Kubernetes name'
    )
    expect(problemAt(problems, 'clusters.argo.callback.templat').message).toContain(
      "did you mean 'template'?"
    )
  })

  it('KFP has no callback', () => {
    const text = VALID.replace(
      'clusters:\n',
      'clusters:\n  kfp:\n    kind: kfp\n    url: https://kfp.example.com\n    callback: {tokenSecret: x}\n'
    )
    expect(problemAt(problemsOf(text), 'clusters.kfp.callback').message).toContain(
      "unknown key 'callback'"
    )
  })
})
