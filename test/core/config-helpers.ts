import { parseConfig } from '../../src/core/config/load.js'
import { ConfigurationError, type Problem } from '../../src/core/errors.js'

/** A valid promote.yaml to vary: three environments on one MLRun cluster. */
export const VALID = `project: cicd-flow
model:
  name: model
clusters:
  iguazio:
    kind: mlrun
    url: https://mlrun-api.default-tenant.app.example.com
    tokenEnv: MLRUN_TOKEN
environments:
  development:
    branch: development
    cluster: iguazio
  staging:
    branch: staging
    cluster: iguazio
    projectSuffix: -staging
  production:
    branch: main
    cluster: iguazio
workflows:
  train:
    timeout: 90m
    arguments: {epochs: 10}
  deploy:
    timeout: 30m
gates:
  accuracy: {min: 0.8, maxDrop: 0.02}
`

/** The problems parseConfig reports for `text`; fails the test if it does not throw a ConfigurationError. */
export function problemsOf(text: string, file = 'promote.yaml'): Problem[] {
  try {
    parseConfig(file, text)
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error
    return error.problems
  }
  throw new Error(`expected ${file} to be rejected:\n${text}`)
}

/** The single problem at `path`, with a readable failure when it is missing. */
export function problemAt(problems: Problem[], path: string): Problem {
  const found = problems.filter(p => p.path === path)
  if (found.length !== 1) {
    throw new Error(
      `expected one problem at ${path}, got:\n${problems.map(p => `${p.line}:${p.column} ${p.path}: ${p.message}`).join('\n')}`
    )
  }
  return found[0]!
}

/** Line (1-based) of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex(line => line.includes(needle))
  if (index < 0) throw new Error(`'${needle}' not in the text`)
  return index + 1
}
