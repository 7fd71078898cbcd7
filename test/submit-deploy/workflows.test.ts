import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { inputSchema } from '../../src/actions/submit-deploy/inputs.js'
import { REPO_ROOT } from '../helpers/shared.js'

type Step = {
  name?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
  if?: string
}
type Job = {
  environment: { name: string; url?: string }
  concurrency: { group: string; 'cancel-in-progress': boolean }
  permissions: Record<string, string>
  steps: Step[]
}
type Workflow = {
  on: { workflow_call: { inputs: Record<string, unknown> } }
  jobs: Record<string, Job>
}

function load(name: string): Workflow {
  return parse(readFileSync(join(REPO_ROOT, '.github', 'workflows', name), 'utf8')) as Workflow
}

function actionInputs(name: string): string[] {
  const action = parse(readFileSync(join(REPO_ROOT, name, 'action.yml'), 'utf8')) as {
    inputs: Record<string, unknown>
  }
  return Object.keys(action.inputs)
}

describe.each(['deploy.yml', 'promote.yml'])('%s', file => {
  const workflow = load(file)
  const jobs = Object.values(workflow.jobs)

  it('is a reusable workflow with one job in the environment, queued per environment, least privilege', () => {
    expect(workflow.on.workflow_call).toBeDefined()
    expect(jobs).toHaveLength(1)
    const job = jobs[0]!
    expect(job.environment.name).toBe('${{ inputs.environment }}')
    expect(job.concurrency['cancel-in-progress']).toBe(false)
    expect(job.concurrency.group).toContain('${{ inputs.environment }}')
    const expected: Record<string, string> = {
      deployments: 'write',
      contents: 'read',
      actions: 'read'
    }
    if (file === 'promote.yml') expected['pull-requests'] = 'write'
    expect(job.permissions).toEqual(expected)
  })

  it('checks out without leaving the token in .git/config (persist-credentials: false)', () => {
    const checkouts = jobs[0]!.steps.filter(s => s.uses?.startsWith('actions/checkout@'))
    expect(checkouts).toHaveLength(1)
    for (const step of checkouts) expect(step.with?.['persist-credentials']).toBe(false)
  })

  it('puts no input or event text inside run: (script injection)', () => {
    for (const step of jobs[0]!.steps) {
      if (step.run) expect(step.run).not.toMatch(/\$\{\{/)
    }
  })

  it('references the actions as promote-actions/promote-actions/<name>@v1 with inputs they declare', () => {
    const uses = jobs[0]!.steps.filter(s => s.uses?.startsWith('promote-actions/'))
    expect(uses.map(s => s.uses)).toEqual([
      'promote-actions/promote-actions/submit-deploy@v1',
      'promote-actions/promote-actions/notify@v1'
    ])
    for (const step of uses) {
      const name = /promote-actions\/promote-actions\/([^@]+)@v1/.exec(step.uses!)![1]!
      expect(existsSync(join(REPO_ROOT, name, 'action.yml'))).toBe(true)
      const declared = actionInputs(name)
      for (const key of Object.keys(step.with ?? {})) expect(declared).toContain(key)
    }
    const notify = uses[1]!
    expect(notify.if).toBe('always()')
    expect(notify.with?.facts).toBe('${{ steps.deploy.outputs.facts }}')
  })

  const JOB_INPUTS = new Set(['runs-on', 'job-timeout-minutes', 'secret-names'])
  it('passes every deploy input of the workflow through to submit-deploy', () => {
    const deploy = jobs[0]!.steps.find(s => s.uses?.includes('/submit-deploy@'))!
    for (const input of Object.keys(workflow.on.workflow_call.inputs)) {
      // Inputs of the job itself, not of the action.
      if (JOB_INPUTS.has(input)) continue
      expect(deploy.with?.[input]).toBe(`\${{ inputs.${input} }}`)
    }
    expect(Object.keys(inputSchema.shape)).toEqual(
      expect.arrayContaining(Object.keys(deploy.with ?? {}))
    )
    if (file === 'promote.yml') expect(deploy.with?.['open-promotion-pr']).toBe(true)
  })
})

describe('submit-deploy/action.yml', () => {
  it('declares exactly the inputs of inputs.ts, with the same defaults, and a post step', () => {
    const action = parse(readFileSync(join(REPO_ROOT, 'submit-deploy', 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>
      runs: Record<string, string>
    }
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(inputSchema.shape).sort())
    const defaults = inputSchema.parse({})
    for (const [name, input] of Object.entries(action.inputs)) {
      if (input.default === undefined) continue
      const parsed = inputSchema.shape[name as keyof typeof inputSchema.shape].parse(input.default)
      expect([name, parsed]).toEqual([name, defaults[name as keyof typeof defaults]])
    }
    expect(action.runs).toEqual({
      using: 'node24',
      main: '../dist/submit-deploy/index.js',
      post: '../dist/submit-deploy/post.js'
    })
  })
})
