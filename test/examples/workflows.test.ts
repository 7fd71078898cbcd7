import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT } from '../helpers/shared.js'

/** The consumer workflows of the examples: what a team commits to adopt the suite. */
interface Workflow {
  on: Record<string, { types?: string[]; branches?: string[] } | null> & {
    schedule?: Array<{ cron: string }>
  }
  permissions?: unknown
  jobs: Record<
    string,
    {
      uses?: string
      if?: string
      permissions?: Record<string, string>
      with?: Record<string, unknown>
    }
  >
}

const EXAMPLES = { quickstart: { production: 'main' }, mlrun: { production: 'master' } } as const

function workflows(example: string): Record<string, Workflow> {
  const dir = join(REPO_ROOT, 'examples', example, '.github', 'workflows')
  return Object.fromEntries(
    readdirSync(dir).map(name => [name, parse(readFileSync(join(dir, name), 'utf8')) as Workflow])
  )
}

describe.each(Object.entries(EXAMPLES))(
  'examples/%s/.github/workflows',
  (example, { production }) => {
    const all = workflows(example)
    const calls = Object.values(all).flatMap(w => Object.values(w.jobs).map(j => j.uses))

    it('calls each reusable workflow of the suite at @v1', () => {
      for (const name of ['train', 'lint-test', 'deploy', 'promote', 'collect']) {
        expect(calls).toContain(`promote-actions/promote-actions/.github/workflows/${name}.yml@v1`)
      }
    })

    it('grants nothing at the top and only what each reusable workflow needs per job', () => {
      for (const workflow of Object.values(all)) {
        expect(workflow.permissions).toEqual({})
        for (const job of Object.values(workflow.jobs)) {
          // Only the collector writes: the challenger branch and its pull request.
          const collects = job.uses?.includes('/collect.yml@') === true
          expect(job.permissions?.contents).toBe(collects ? 'write' : 'read')
          if (collects)
            expect(job.permissions).toEqual({
              contents: 'write',
              'pull-requests': 'write',
              actions: 'read'
            })
        }
      }
    })

    it("collects detached trainings on the orchestrator's callback and on a schedule", () => {
      const collect = Object.values(all).find(w =>
        Object.values(w.jobs).some(j => j.uses?.includes('/collect.yml@'))
      )!
      expect(collect.on.repository_dispatch).toEqual({ types: ['promote-training-finished'] })
      expect(collect.on.schedule).toHaveLength(1)
    })

    it('checks every push to a pull request, synchronize included', () => {
      const checks = Object.values(all).filter(w =>
        Object.values(w.jobs).some(j => j.uses?.includes('/lint-test.yml@'))
      )
      expect(checks).toHaveLength(1)
      expect(checks[0]!.on.pull_request!.types).toEqual(['opened', 'synchronize', 'reopened'])
      expect(Object.values(checks[0]!.jobs)[0]!.with!['production-branch']).toBe(production)
    })

    it('deploys only merged pull requests: into staging through promote, into development and production through deploy', () => {
      const deploy = Object.values(all).find(w =>
        Object.values(w.jobs).some(j => j.uses?.includes('/deploy.yml@'))
      )!
      const promote = Object.values(all).find(w =>
        Object.values(w.jobs).some(j => j.uses?.includes('/promote.yml@'))
      )!
      expect(deploy.on.pull_request).toEqual({
        types: ['closed'],
        branches: ['development', production]
      })
      expect(promote.on.pull_request).toEqual({ types: ['closed'], branches: ['staging'] })
      expect(Object.values(deploy.jobs)[0]!.if).toContain(
        'github.event.pull_request.merged == true'
      )
      expect(Object.values(promote.jobs)[0]!.if).toBe('github.event.pull_request.merged == true')
      expect(deploy.on).toHaveProperty('workflow_dispatch')
    })
  }
)

describe('examples/mlrun: long trainings run detached', () => {
  const train = workflows('mlrun')['train.yml']!
  const job = Object.values(train.jobs)[0]!

  it('detaches on a push and by default when run by hand, keeping the attached PR for the rest', () => {
    expect(job.with!.detach).toBe("${{ github.event_name == 'push' || inputs.detach }}")
    const dispatch = train.on.workflow_dispatch as unknown as {
      inputs: Record<string, { type: string; default: unknown }>
    }
    expect(dispatch.inputs.detach).toMatchObject({ type: 'boolean', default: true })
    expect(job.with!['open-pr']).toBe(true)
  })

  it("names the MLRun project secret its callback's token is in", () => {
    const config = parse(
      readFileSync(join(REPO_ROOT, 'examples', 'mlrun', 'promote.yaml'), 'utf8')
    ) as { clusters: Record<string, { callback?: { tokenSecret?: string } }> }
    expect(Object.values(config.clusters)[0]!.callback).toEqual({
      tokenSecret: 'PROMOTE_GITHUB_DISPATCH'
    })
  })
})
