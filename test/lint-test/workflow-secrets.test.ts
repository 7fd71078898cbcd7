// lint-test.yml runs the pull request's own code (install, lint, test): no secret may be where it
// runs. A step's env is not enough of a boundary (the code could write GITHUB_ENV or GITHUB_PATH,
// or plant a file a later step loads), so the rule is per job: a job that runs consumer code has
// no secret anywhere in it, and the job holding the secrets runs none of that code.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { REPO_ROOT } from '../helpers/shared.js'

interface Step {
  name?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
}
interface Job {
  name?: string
  needs?: string | string[]
  if?: string
  env?: Record<string, unknown>
  permissions?: Record<string, string>
  outputs?: Record<string, string>
  steps: Step[]
}

const workflow = parse(
  readFileSync(join(REPO_ROOT, '.github', 'workflows', 'lint-test.yml'), 'utf8')
) as { jobs: Record<string, Job>; env?: Record<string, unknown> }

/** Inputs whose values are commands the pull request controls (or that run its code). */
const CONSUMER_CODE = /\binputs\.(install|lint|test)\b/
/** An expression that reads a secret: ${{ secrets.X }}, ${{ toJSON(secrets) }}. */
const SECRETS = /\$\{\{[^}]*\bsecrets\b/

const text = (value: unknown) => JSON.stringify(value ?? null)
const runsConsumerCode = (step: Step) => CONSUMER_CODE.test(text(step))
const usesLintTest = (step: Step) => /\/lint-test@/.test(step.uses ?? '')

describe('lint-test.yml keeps the secrets away from the pull request code', () => {
  const jobs = Object.entries(workflow.jobs)
  const codeJobs = jobs.filter(([, job]) => job.steps.some(runsConsumerCode))
  const secretJobs = jobs.filter(([, job]) => SECRETS.test(text(job)))

  it('has a job that runs the consumer commands and one that reads the secrets, not the same', () => {
    expect(codeJobs.map(([id]) => id)).toEqual(['commands'])
    expect(secretJobs.map(([id]) => id)).toEqual(['lint-test'])
  })

  it('gives no step running consumer commands a secret in its env, nor its job, nor the workflow', () => {
    expect(SECRETS.test(text(workflow.env))).toBe(false)
    for (const [id, job] of codeJobs) {
      expect(SECRETS.test(text(job.env))).toBe(false)
      for (const step of job.steps) {
        expect({ job: id, step: step.name, env: SECRETS.test(text(step.env)) }).toEqual({
          job: id,
          step: step.name,
          env: false
        })
        // Nor anything else in the job: a step there could hand them on through GITHUB_ENV.
        expect({ job: id, step: step.name, secrets: SECRETS.test(text(step)) }).toEqual({
          job: id,
          step: step.name,
          secrets: false
        })
      }
      // Read-only: the code gets no token that can write to the repository or the pull request.
      expect(job.permissions).toEqual({ contents: 'read' })
    }
  })

  it('runs lint and tests through the action in mode commands, validation in mode validate', () => {
    const commandSteps = codeJobs.flatMap(([, job]) => job.steps.filter(usesLintTest))
    expect(commandSteps.map(step => step.with?.mode)).toEqual(['commands'])
    const [, secretJob] = secretJobs[0]!
    const validateSteps = secretJob.steps.filter(usesLintTest)
    expect(validateSteps.map(step => step.with?.mode)).toEqual(['validate'])
    expect(validateSteps[0]!.with).not.toHaveProperty('lint')
    expect(validateSteps[0]!.with).not.toHaveProperty('test')
    // The commands' outcomes reach the report, even when lint or tests failed.
    expect(validateSteps[0]!.with!['command-results']).toBe('${{ needs.commands.outputs.checks }}')
    expect(secretJob.needs).toBe('commands')
    expect(secretJob.if).toBe('${{ !cancelled() }}')
    // No install either: a package's install script is the pull request's code too.
    expect(secretJob.steps.some(runsConsumerCode)).toBe(false)
  })
})
