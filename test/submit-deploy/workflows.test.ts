import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { inputSchema } from '../../src/actions/submit-deploy/inputs.js'
import { REPO_ROOT } from '../helpers/shared.js'

type Step = {
  name?: string
  id?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
  if?: string
  'continue-on-error'?: boolean
}
type Job = {
  needs?: string
  if?: string
  environment?: { name: string; url?: string }
  concurrency?: { group: string; 'cancel-in-progress': boolean }
  permissions: Record<string, string>
  outputs: Record<string, string>
  steps: Step[]
}
type Workflow = {
  on: {
    workflow_call: {
      inputs: Record<string, unknown>
      outputs: Record<string, { value: string }>
    }
  }
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
  const { plan, deploy } = workflow.jobs as { plan: Job; deploy: Job }

  it('is a reusable workflow: an ungated plan job, then one job in the environment, queued per environment, least privilege', () => {
    expect(workflow.on.workflow_call).toBeDefined()
    expect(Object.keys(workflow.jobs)).toEqual(['plan', 'deploy'])
    expect(deploy.environment!.name).toBe('${{ inputs.environment }}')
    expect(deploy.concurrency!['cancel-in-progress']).toBe(false)
    expect(deploy.concurrency!.group).toContain('${{ inputs.environment }}')
    const expected: Record<string, string> = {
      deployments: 'write',
      contents: 'read',
      actions: 'read'
    }
    if (file === 'promote.yml') expected['pull-requests'] = 'write'
    expect(deploy.permissions).toEqual(expected)
    // The plan runs before reviewers are asked (no environment), reads only, and never holds
    // the deploy back (a plan that fails still lets the deploy decide for itself).
    expect(plan.environment).toBeUndefined()
    expect(plan.concurrency).toBeUndefined()
    expect(plan.permissions).toEqual({ deployments: 'read', contents: 'read', actions: 'read' })
    expect(deploy.needs).toBe('plan')
    expect(deploy.if).toBe('${{ !cancelled() }}')
  })

  it('checks out without leaving the token in .git/config (persist-credentials: false)', () => {
    for (const job of jobs) {
      const checkouts = job.steps.filter(s => s.uses?.startsWith('actions/checkout@'))
      expect(checkouts).toHaveLength(1)
      for (const step of checkouts) expect(step.with?.['persist-credentials']).toBe(false)
    }
  })

  it('puts no input or event text inside run: (script injection)', () => {
    for (const job of jobs)
      for (const step of job.steps) {
        if (step.run) expect(step.run).not.toMatch(/\$\{\{/)
      }
  })

  it('references the actions as promote-actions/promote-actions/<name>@v1 with inputs they declare', () => {
    const uses = (job: Job) => job.steps.filter(s => s.uses?.startsWith('promote-actions/'))
    expect(uses(plan).map(s => s.uses)).toEqual([
      'promote-actions/promote-actions/submit-deploy@v1',
      'promote-actions/promote-actions/notify@v1'
    ])
    expect(uses(deploy).map(s => s.uses)).toEqual([
      'promote-actions/promote-actions/notify@v1',
      'promote-actions/promote-actions/submit-deploy@v1',
      'promote-actions/promote-actions/notify@v1'
    ])
    for (const step of [...uses(plan), ...uses(deploy)]) {
      const name = /promote-actions\/promote-actions\/([^@]+)@v1/.exec(step.uses!)![1]!
      expect(existsSync(join(REPO_ROOT, name, 'action.yml'))).toBe(true)
      const declared = actionInputs(name)
      for (const key of Object.keys(step.with ?? {})) expect(declared).toContain(key)
    }
    const notify = uses(deploy)[2]!
    expect(notify.if).toBe('always()')
    expect(notify.with?.facts).toBe('${{ steps.deploy.outputs.facts }}')
  })

  it('posts approval-pending with the plan (dry run) before the gated job waits', () => {
    const [dryRun, notice] = plan.steps.filter(s => s.uses?.startsWith('promote-actions/'))
    expect(dryRun!.with?.['dry-run']).toBe(true)
    expect(dryRun!['continue-on-error']).toBe(true)
    expect(notice!.with?.event).toBe('approval-pending')
    expect(notice!.with?.facts).toMatch(/^\$\{\{ steps\.plan\.outputs\.facts \|\| /)
    expect(notice!.if).toContain("steps.plan.outputs.approval-required != 'false'")
  })

  it('continues one Slack thread: takes and returns the message ts, the channel ID and the stages', () => {
    const inputs = workflow.on.workflow_call.inputs
    const outputs = workflow.on.workflow_call.outputs
    for (const [output, name] of [
      ['ts', 'slack-ts'],
      ['channel', 'slack-channel'],
      ['stages', 'slack-stages']
    ] as const) {
      expect(inputs).toHaveProperty(name)
      expect(outputs[name]!.value).toBe(
        `\${{ jobs.deploy.outputs.${name} || jobs.plan.outputs.${name} }}`
      )
      expect(plan.outputs[name]).toBe(`\${{ steps.notify.outputs.${output} || inputs.${name} }}`)
      expect(deploy.outputs[name]).toBe(
        `\${{ steps.notify.outputs.${output} || steps.started.outputs.${output} || needs.plan.outputs.${name} || inputs.${name} }}`
      )
      const notices = [...plan.steps, ...deploy.steps].filter(s => s.uses?.includes('/notify@'))
      const passed = notices.map(s => s.with?.[output])
      expect(passed).toEqual([
        `\${{ inputs.${name} }}`,
        `\${{ needs.plan.outputs.${name} || inputs.${name} }}`,
        `\${{ steps.started.outputs.${output} || needs.plan.outputs.${name} || inputs.${name} }}`
      ])
    }
  })

  const JOB_INPUTS = new Set([
    'runs-on',
    'job-timeout-minutes',
    'secret-names',
    'slack-ts',
    'slack-channel',
    'slack-stages'
  ])
  it('passes every deploy input of the workflow through to submit-deploy, in the plan as in the deploy', () => {
    for (const job of [plan, deploy]) {
      const step = job.steps.find(s => s.uses?.includes('/submit-deploy@'))!
      for (const input of Object.keys(workflow.on.workflow_call.inputs)) {
        // Inputs of the job itself, not of the action.
        if (JOB_INPUTS.has(input)) continue
        expect(step.with?.[input]).toBe(`\${{ inputs.${input} }}`)
      }
      expect(Object.keys(inputSchema.shape)).toEqual(
        expect.arrayContaining(Object.keys(step.with ?? {}))
      )
    }
    const step = deploy.steps.find(s => s.uses?.includes('/submit-deploy@'))!
    if (file === 'promote.yml') expect(step.with?.['open-promotion-pr']).toBe(true)
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
