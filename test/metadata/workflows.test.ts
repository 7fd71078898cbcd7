// Every workflow of the repository and of examples/ passes our actions and reusable workflows
// only what they declare.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse as parseYaml } from 'yaml'
import { REPO_ROOT } from '../helpers/shared.js'
import {
  ACTION_NAMES,
  checkWorkflowUses,
  looksLikeWorkflow,
  workflowCallInterface,
  type ActionInterface,
  type WorkflowCheckContext
} from './checker.js'

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  const found: string[] = []
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === '.git') continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) found.push(...yamlFiles(path))
    else if (/\.ya?ml$/.test(name)) found.push(path)
  }
  return found
}

const isWorkflowDir = (file: string) => dirname(file).endsWith(`${sep}.github${sep}workflows`)
const WORKFLOWS = [
  ...yamlFiles(join(REPO_ROOT, '.github', 'workflows')),
  ...yamlFiles(join(REPO_ROOT, 'examples')).filter(
    file => isWorkflowDir(file) || looksLikeWorkflow(readFileSync(file, 'utf8'))
  )
]
  .map(file => relative(REPO_ROOT, file))
  .sort()

const actions: Record<string, ActionInterface> = {}
for (const name of ACTION_NAMES) {
  const file = join(REPO_ROOT, name, 'action.yml')
  if (!existsSync(file)) continue
  const metadata = parseYaml(readFileSync(file, 'utf8')) as {
    inputs?: ActionInterface['inputs']
  } | null
  actions[name] = { inputs: metadata?.inputs ?? {} }
}

/** The repository a workflow file belongs to: an example's own root, or this repository. */
function ownerRoot(file: string): string {
  const match = /^(examples\/[^/]+)\//.exec(file.split(sep).join('/'))
  return match ? join(REPO_ROOT, match[1]!) : REPO_ROOT
}

function contextFor(file: string): WorkflowCheckContext {
  return {
    actions,
    reusable: (name, local) => {
      // ./.github/workflows/x.yml is the caller's own repository; org/promote-actions/... is ours.
      const path = join(local ? ownerRoot(file) : REPO_ROOT, '.github', 'workflows', name)
      return existsSync(path) ? workflowCallInterface(readFileSync(path, 'utf8')) : undefined
    }
  }
}

describe('workflows', () => {
  it('include the project CI', () => {
    expect(WORKFLOWS).toContain(join('.github', 'workflows', 'ci.yml'))
  })

  it.each(WORKFLOWS)(
    '%s passes our actions and reusable workflows only what they declare',
    file => {
      if (Object.keys(actions).length < ACTION_NAMES.length) {
        throw new Error(
          `missing action.yml for: ${ACTION_NAMES.filter(n => !actions[n]).join(', ')}`
        )
      }
      expect(
        checkWorkflowUses(file, readFileSync(join(REPO_ROOT, file), 'utf8'), contextFor(file))
      ).toEqual([])
    }
  )
})

describe('every job that runs on a runner has a time limit', () => {
  // Without timeout-minutes a job runs up to 6 hours: a pull request could hold a runner that long.
  it.each(WORKFLOWS)('%s', file => {
    const workflow = parseYaml(readFileSync(join(REPO_ROOT, file), 'utf8')) as {
      jobs?: Record<string, { 'runs-on'?: unknown; 'timeout-minutes'?: unknown }>
    } | null
    const unlimited = Object.entries(workflow?.jobs ?? {})
      .filter(([, job]) => job['runs-on'] !== undefined && job['timeout-minutes'] === undefined)
      .map(([name]) => name)
    expect(unlimited).toEqual([])
  })
})
