import { describe, expect, it } from '@jest/globals'
import { crossReferenceIssues } from '../../src/core/config/schema.js'
import { MAX_YAML_PROBLEMS } from '../../src/core/yaml-source.js'
import { problemsOf } from './config-helpers.js'

/**
 * A pull request controls promote.yaml: problems and the work to find them must grow with the
 * file, not with the product of two of its sections (1000 environments x 1000 workflows once
 * made 1,000,000 problems, 24 s and 1.6 GB).
 */
function wideConfig(environments: number, workflows: number): string {
  const lines = ['project: wide', 'model: {name: m}', 'clusters:', '  cmd: {kind: command}']
  lines.push('environments:')
  for (let e = 0; e < environments; e++)
    lines.push(`  env${e}: {branch: b${e}, cluster: cmd, arguments: {missing${e}: {}}}`)
  lines.push('workflows:')
  for (let w = 0; w < workflows; w++) lines.push(`  wf${w}: {timeout: 1m}`)
  return lines.join('\n') + '\n'
}

function parsedData(text: string): unknown {
  // The same structure the loader validates, without going through it.
  const environments: Record<string, unknown> = {}
  const workflows: Record<string, unknown> = {}
  for (const line of text.split('\n')) {
    const env = /^ {2}(env\d+): \{branch: (b\d+), cluster: cmd, arguments: \{(missing\d+)/.exec(
      line
    )
    if (env)
      environments[env[1]!] = { branch: env[2], cluster: 'cmd', arguments: { [env[3]!]: {} } }
    const workflow = /^ {2}(wf\d+):/.exec(line)
    if (workflow) workflows[workflow[1]!] = { timeout: '1m' }
  }
  return { clusters: { cmd: { kind: 'command' } }, environments, workflows }
}

describe('promote.yaml problems grow with the file, not with a product of its sections', () => {
  it('reports a workflow without a command once, not once per environment on a command cluster', () => {
    const issues = crossReferenceIssues(parsedData(wideConfig(300, 300)))
    const missingCommand = issues.filter(issue => issue.path.at(-1) === 'command')
    expect(missingCommand).toHaveLength(300)
    // One unknown-workflow problem per environment, each naming at most a few defined workflows.
    const unknown = issues.filter(issue => issue.message.startsWith('unknown workflow'))
    expect(unknown).toHaveLength(300)
    expect(unknown[0]!.message).toMatch(/wf9 and 290 more$/)
    const others = issues.filter(i => !missingCommand.includes(i) && !unknown.includes(i))
    expect(others.map(issue => issue.path.join('.'))).toEqual(['deployment.workflow'])
  })

  it('lists at most the problem cap for 1000 environments x 1000 workflows, with the total', () => {
    const problems = problemsOf(wideConfig(1000, 1000))
    expect(problems).toHaveLength(MAX_YAML_PROBLEMS)
    expect(problems.at(-1)!.message).toMatch(/^\.\.\.and \d+ more problems/)
    // Every listed problem still points at its line.
    for (const problem of problems.slice(0, -1)) expect(problem.line).toBeGreaterThan(0)
  })
})
