// The checkers themselves, on small fixtures: each mistake they exist for is caught.
import { describe, expect, it } from '@jest/globals'
import * as z from '../../src/core/zod.js'
import {
  checkActionMetadata,
  checkWorkflowUses,
  looksLikeWorkflow,
  workflowCallInterface,
  zodDefault,
  type WorkflowCheckContext
} from './checker.js'

const GOOD_ACTION = `name: demo
description: Does a thing.
branding: {icon: play-circle, color: blue}
inputs:
  config:
    description: Path of promote.yaml.
    default: promote.yaml
  wait:
    description: Wait for it.
    default: 'true'
  environment:
    description: Environment.
outputs:
  run-id:
    description: The run.
runs:
  using: node24
  main: ../dist/demo/index.js
  post: ../dist/demo/post.js
`
const booleanInput = (value: boolean) =>
  z.pipe(
    z._default(z.string(), String(value)),
    z.transform(v => v === 'true')
  )
const SCHEMA = z.object({
  config: z._default(z.string(), 'promote.yaml'),
  wait: booleanInput(true),
  environment: z.optional(z.string())
})
const STUBS: Record<string, string> = {
  'dist/demo/index.js': 'demo',
  'dist/demo/post.js': 'demo/post',
  'dist/demo/other.js': 'other'
}
const exists = (path: string) => path in STUBS || path === 'dist/demo/notes.txt'
const stubEntry = (path: string) => STUBS[path]
const check = (
  text: string,
  inputSchema: z.ZodMiniObject<Record<string, z.ZodMiniType>> = SCHEMA
) => checkActionMetadata(text, { name: 'demo', exists, stubEntry, inputSchema })

describe('the action.yml checker', () => {
  it('accepts a correct action', () => {
    expect(check(GOOD_ACTION)).toEqual([])
  })

  it('requires name, description, branding and a description for every input and output', () => {
    const text = GOOD_ACTION.replace('description: Does a thing.\n', '')
      .replace(
        'branding: {icon: play-circle, color: blue}\n',
        'branding: {icon: play-circle, color: pink}\n'
      )
      .replace('    description: The run.\n', '    value: x\n')
      .replace('    description: Environment.\n', '    description: " "\n')
    expect(check(text)).toEqual([
      expect.stringMatching(/^demo\/action.yml: description: /),
      expect.stringMatching(/^demo\/action.yml: branding.color: /),
      'demo/action.yml: inputs.environment.description: needs a description',
      expect.stringMatching(/^demo\/action.yml: outputs.run-id.description: /)
    ])
  })

  it('requires runs.using node24', () => {
    expect(check(GOOD_ACTION.replace('using: node24', 'using: node20'))).toEqual([
      expect.stringMatching(/^demo\/action.yml: runs.using: /)
    ])
  })

  it('requires runs.main and runs.post to exist under dist/', () => {
    expect(
      check(GOOD_ACTION.replace('  post: ../dist/demo/post.js', '  post: ../dist/demo/gone.js'))
    ).toEqual([
      "demo/action.yml: runs.post '../dist/demo/gone.js' does not exist (dist/demo/gone.js); run the build"
    ])
    expect(
      check(GOOD_ACTION.replace('  main: ../dist/demo/index.js', '  main: ../lib/index.js'))
    ).toEqual(["demo/action.yml: runs.main '../lib/index.js' must point under dist/"])
  })

  it('requires each step to start its own entry of the shared bundle', () => {
    // The main step's stub as the post step would run the main step twice.
    expect(
      check(GOOD_ACTION.replace('  post: ../dist/demo/post.js', '  post: ../dist/demo/index.js'))
    ).toEqual([
      "demo/action.yml: runs.post '../dist/demo/index.js' must start the bundle entry 'demo/post', not 'demo'"
    ])
    expect(
      check(GOOD_ACTION.replace('  main: ../dist/demo/index.js', '  main: ../dist/demo/other.js'))
    ).toEqual([
      "demo/action.yml: runs.main '../dist/demo/other.js' must start the bundle entry 'demo', not 'other'"
    ])
    expect(
      check(GOOD_ACTION.replace('  main: ../dist/demo/index.js', '  main: ../dist/demo/notes.txt'))
    ).toEqual([
      "demo/action.yml: runs.main '../dist/demo/notes.txt' must start the bundle entry 'demo', but is not an entry stub"
    ])
  })

  it('requires the declared inputs to equal the keys of the input schema', () => {
    const extra = z.extend(SCHEMA, { 'dry-run': booleanInput(false) })
    expect(check(GOOD_ACTION, extra)).toEqual([
      "demo/action.yml: src/actions/demo/inputs.ts parses input 'dry-run' that action.yml does not declare"
    ])
    const fewer = z.object({
      config: z._default(z.string(), 'promote.yaml'),
      wait: booleanInput(true)
    })
    expect(check(GOOD_ACTION, fewer)).toEqual([
      "demo/action.yml: input 'environment' is declared but src/actions/demo/inputs.ts does not parse it"
    ])
  })

  it('requires action.yml defaults to equal the schema defaults', () => {
    expect(check(GOOD_ACTION.replace("default: 'true'", "default: 'false'"))).toEqual([
      "demo/action.yml: input 'wait' defaults to 'false' in action.yml but to 'true' in inputs.ts"
    ])
    expect(check(GOOD_ACTION.replace('    default: promote.yaml\n', ''))).toEqual([
      "demo/action.yml: input 'config' defaults to (none) in action.yml but to 'promote.yaml' in inputs.ts"
    ])
    expect(
      check(
        GOOD_ACTION.replace(
          '    description: Environment.\n',
          '    description: Environment.\n    default: dev\n'
        )
      )
    ).toEqual([
      "demo/action.yml: input 'environment' defaults to 'dev' in action.yml but to (none) in inputs.ts"
    ])
  })

  it('flags an input that action.yml requires but the code treats as optional', () => {
    expect(
      check(
        GOOD_ACTION.replace(
          '    description: Environment.\n',
          '    description: Environment.\n    required: true\n'
        )
      )
    ).toEqual([
      "demo/action.yml: input 'environment' is required in action.yml but optional in inputs.ts"
    ])
  })

  it('reads defaults through optional, default and pipe wrappers', () => {
    expect(zodDefault(booleanInput(true))).toEqual({ has: true, value: 'true' })
    expect(zodDefault(z.optional(z.string()))).toEqual({ has: false })
    expect(zodDefault(z._default(z.enum(['a', 'b']), 'a'))).toEqual({ has: true, value: 'a' })
  })

  it('reports invalid YAML', () => {
    expect(check('name: [')[0]).toMatch(/^demo\/action.yml: invalid YAML/)
  })
})

const CALLEE = `on:
  workflow_call:
    inputs:
      environment: {type: string, required: true}
      config: {type: string, required: false, default: promote.yaml}
    secrets:
      MLRUN_TOKEN: {required: true}
      SLACK_BOT_TOKEN: {required: false}
jobs:
  x: {runs-on: ubuntu-latest, steps: [{run: 'true'}]}
`
const context: WorkflowCheckContext = {
  actions: {
    'submit-train': {
      inputs: {
        config: { default: 'promote.yaml' },
        environment: {},
        workflow: { default: 'train' }
      }
    },
    notify: { inputs: { event: { required: true }, facts: {} } },
    'submit-deploy': { inputs: {} },
    'lint-test': { inputs: {} }
  },
  reusable: name =>
    name === 'train.yml'
      ? workflowCallInterface(CALLEE)
      : name === 'ci.yml'
        ? 'not-callable'
        : undefined
}
const workflow = (jobs: string) => `name: w\non: push\njobs:\n${jobs}`

describe('the workflow checker', () => {
  it('accepts correct uses of actions (local and remote) and reusable workflows', () => {
    const text = workflow(`  train:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with: {fetch-depth: 0}
      - uses: ./submit-train
        with: {environment: dev, workflow: train}
      - uses: org/promote-actions/notify@v1
        with: {event: started}
  call:
    uses: org/promote-actions/.github/workflows/train.yml@v1
    with: {environment: staging}
    secrets: {MLRUN_TOKEN: '\${{ secrets.MLRUN_TOKEN }}'}
  inherit:
    uses: ./.github/workflows/train.yml
    with: {environment: staging, config: x.yaml}
    secrets: inherit
`)
    expect(checkWorkflowUses('w.yml', text, context)).toEqual([])
  })

  it('catches a with: key the action does not declare, and ignores other actions', () => {
    const text = workflow(`  a:
    runs-on: ubuntu-latest
    steps:
      - uses: someone/else@v1
        with: {anything: 1}
      - id: train
        uses: my-org/promote-actions/submit-train@v1
        with: {enviroment: dev}
`)
    expect(checkWorkflowUses('w.yml', text, context)).toEqual([
      "w.yml: jobs.a.steps[1] (train) uses my-org/promote-actions/submit-train@v1: input 'enviroment' is not declared by submit-train/action.yml (inputs: config, environment, workflow)"
    ])
  })

  it('catches a missing required action input and a remote action without a version', () => {
    const text = workflow(`  a:
    runs-on: ubuntu-latest
    steps:
      - uses: org/promote-actions/notify
        with: {facts: '{}'}
`)
    expect(checkWorkflowUses('w.yml', text, context)).toEqual([
      'w.yml: jobs.a.steps[0] uses org/promote-actions/notify: a remote action needs a version, e.g. @v1',
      "w.yml: jobs.a.steps[0] uses org/promote-actions/notify: required input 'event' is missing"
    ])
  })

  it('catches undeclared and missing reusable workflow inputs and secrets', () => {
    const text = workflow(`  call:
    uses: org/promote-actions/.github/workflows/train.yml@v1
    with: {env: staging}
    secrets: {MLRUN_TOKN: x}
`)
    expect(checkWorkflowUses('w.yml', text, context)).toEqual([
      "w.yml: jobs.call uses org/promote-actions/.github/workflows/train.yml@v1: input 'env' is not declared by on.workflow_call.inputs (declared: environment, config)",
      "w.yml: jobs.call uses org/promote-actions/.github/workflows/train.yml@v1: required input 'environment' is missing",
      "w.yml: jobs.call uses org/promote-actions/.github/workflows/train.yml@v1: secret 'MLRUN_TOKN' is not declared by on.workflow_call.secrets (declared: MLRUN_TOKEN, SLACK_BOT_TOKEN)",
      "w.yml: jobs.call uses org/promote-actions/.github/workflows/train.yml@v1: required secret 'MLRUN_TOKEN' is missing"
    ])
  })

  it('catches a reference to a missing or non-callable workflow', () => {
    const text = workflow(`  a:
    uses: ./.github/workflows/nope.yml
  b:
    uses: org/promote-actions/.github/workflows/ci.yml@v1
`)
    expect(checkWorkflowUses('w.yml', text, context)).toEqual([
      'w.yml: jobs.a uses ./.github/workflows/nope.yml: no such workflow',
      'w.yml: jobs.b uses org/promote-actions/.github/workflows/ci.yml@v1: that workflow has no on.workflow_call trigger'
    ])
  })

  it("catches a reusable workflow that uses our actions by ./ (the caller's repository)", () => {
    const text = `on:\n  workflow_call: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./notify\n        with: {event: started}\n`
    expect(checkWorkflowUses('r.yml', text, context)).toEqual([
      "r.yml: jobs.a.steps[0] uses ./notify: a reusable workflow runs in the caller's repository, where ./ is not promote-actions; use <owner>/promote-actions/notify@<ref>"
    ])
  })

  it('reads every form of on.workflow_call, and tells workflows from other YAML', () => {
    expect(workflowCallInterface('on: workflow_call\njobs: {}\n')).toEqual({
      inputs: {},
      secrets: {}
    })
    expect(workflowCallInterface('on: [push, workflow_call]\njobs: {}\n')).toEqual({
      inputs: {},
      secrets: {}
    })
    expect(workflowCallInterface('on: {push: {}}\njobs: {}\n')).toBe('not-callable')
    expect(looksLikeWorkflow('on: push\njobs: {}\n')).toBe(true)
    expect(looksLikeWorkflow('project: p\nmodel: {name: m}\n')).toBe(false)
  })
})
