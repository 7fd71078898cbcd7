import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/core/config/load.js'
import {
  argumentIssues,
  resolveArguments,
  typeProblem,
  type WorkflowParameter
} from '../../src/core/config/parameters.js'
import { resolveEnvironment, resolveWorkflow } from '../../src/core/config/resolve.js'
import { ConfigurationError, type Problem } from '../../src/core/errors.js'
import { lineOf, problemAt, problemsOf } from './config-helpers.js'

/** The seed's TrainConfig and DeployConfig (config.py), declared in promote.yaml. */
const TYPED = `project: cicd-flow
model: {name: model}
clusters:
  local: {kind: command}
environments:
  development:
    branch: development
    cluster: local
  staging:
    branch: staging
    cluster: local
    arguments:
      train: {test_size: 0.3}
workflows:
  train:
    command: python project_run.py --workflow-name train
    parameters:
      source_url: { type: string, required: true }
      test_size: { type: number, default: 0.2 }
      allow_validation_failure: { type: boolean, default: true }
      ohe_columns: { type: list, default: [sex, cp] }
      label_column: { type: string, default: target, description: Column to predict }
      seed: { type: integer }
      options: { type: object, default: {depth: 3} }
      anything: {}
    arguments:
      label_column: target
  deploy:
    command: python project_run.py --workflow-name deploy
    parameters:
      deploy_model_name: { type: string, default: model }
      champion_model_tag: { type: string, required: true }
`

const config = parseConfig('promote.yaml', TYPED)
const env = (name: string) => resolveEnvironment(config, { name })

function refusal(run: () => unknown): ConfigurationError {
  try {
    run()
  } catch (error) {
    if (error instanceof ConfigurationError) return error
    throw error
  }
  throw new Error('expected a ConfigurationError')
}

/** TYPED with `text` put in place of `old`; fails when `old` is not there. */
function edit(old: string, text: string): string {
  if (!TYPED.includes(old)) throw new Error(`'${old}' not in TYPED`)
  return TYPED.replace(old, text)
}

describe('declaring parameters in promote.yaml', () => {
  it('loads the declared parameters with their defaults (type any, not required)', () => {
    expect(config.workflows.train!.parameters).toMatchObject({
      source_url: { type: 'string', required: true },
      test_size: { type: 'number', required: false, default: 0.2 },
      ohe_columns: { type: 'list', default: ['sex', 'cp'] },
      label_column: { type: 'string', default: 'target', description: 'Column to predict' },
      anything: { type: 'any', required: false }
    })
    expect(config.workflows.train!.parameters!.anything).not.toHaveProperty('default')
  })

  it('records where each parameter is declared', () => {
    expect(config.workflows.train!.parameters!.source_url!.declaredAt).toEqual({
      file: 'promote.yaml',
      line: lineOf(TYPED, 'source_url:'),
      column: 7
    })
  })

  it('refuses a default of the wrong type at its file:line:column', () => {
    const text = edit('{ type: number, default: 0.2 }', '{ type: number, default: small }')
    const problem = problemAt(problemsOf(text), 'workflows.train.parameters.test_size.default')
    expect(problem).toMatchObject({
      file: 'promote.yaml',
      line: lineOf(text, 'test_size: {'),
      message: "expected a number, got 'small'"
    })
    expect(problem.column).toBe(text.split('\n')[problem.line! - 1]!.indexOf('small') + 1)
    for (const [type, value, message] of [
      ['integer', '1.5', 'expected a whole number, got 1.5'],
      ['boolean', "'yes'", "expected true or false, got 'yes'"],
      ['list', 'sex', "expected a list, got 'sex'"],
      ['object', '[a]', 'expected a mapping, got a list'],
      ['string', '12', "expected a string, got 12 (quote it to pass text: '12')"]
    ] as const) {
      const bad = edit('{ type: number, default: 0.2 }', `{ type: ${type}, default: ${value} }`)
      expect(
        problemAt(problemsOf(bad), 'workflows.train.parameters.test_size.default').message
      ).toBe(message)
    }
  })

  it('refuses an unknown type with the types there are, and a required parameter with a default', () => {
    const problems = problemsOf(
      edit('{ type: number, default: 0.2 }', '{ type: float, default: 0.2 }')
    )
    expect(problemAt(problems, 'workflows.train.parameters.test_size.type').message).toBe(
      "expected one of 'string', 'number', 'integer', 'boolean', 'list', 'object', 'any', got 'float'"
    )
    const both = problemsOf(
      edit('{ type: number, default: 0.2 }', '{ type: number, default: 0.2, required: true }')
    )
    expect(problemAt(both, 'workflows.train.parameters.test_size.required').message).toBe(
      'a parameter with a default is never missing: drop `required: true` or the default'
    )
    expect(
      problemAt(
        problemsOf(edit('test_size: { type', 'test_size: { tpye')),
        'workflows.train.parameters.test_size.tpye'
      ).message
    ).toBe("unknown key 'tpye'; did you mean 'type'?")
  })

  it('refuses a misspelled argument in the workflow with a did-you-mean, at its line', () => {
    const text = edit('      label_column: target\n', '      label_colum: target\n')
    const problem = problemAt(problemsOf(text), 'workflows.train.arguments.label_colum')
    expect(problem).toMatchObject({
      file: 'promote.yaml',
      line: lineOf(text, 'label_colum: target'),
      message: "'label_colum' is not a parameter of workflow 'train'; did you mean 'label_column'?"
    })
    expect(problem.column).toBeGreaterThan(1)
  })

  it('refuses a misspelled or mistyped argument in an environment, at its line', () => {
    const text = edit('train: {test_size: 0.3}', 'train: {test_sise: 0.3, seed: 1.5}')
    const problems = problemsOf(text)
    expect(problemAt(problems, 'environments.staging.arguments.train.test_sise')).toMatchObject({
      line: lineOf(text, 'test_sise'),
      message: "'test_sise' is not a parameter of workflow 'train'; did you mean 'test_size'?"
    })
    expect(problemAt(problems, 'environments.staging.arguments.train.seed')).toMatchObject({
      line: lineOf(text, 'test_sise'),
      message: "expected a whole number, got 1.5 (parameter 'seed' of workflow 'train' is integer)"
    })
  })

  it('lists the parameters when a name is nothing like any of them', () => {
    const text = edit('      label_column: target\n', '      epochs: 10\n')
    expect(problemAt(problemsOf(text), 'workflows.train.arguments.epochs').message).toBe(
      "'epochs' is not a parameter of workflow 'train'; declare it under workflows.train.parameters or use one of: source_url, test_size, allow_validation_failure, ohe_columns, label_column, seed, options, anything"
    )
  })

  it('leaves workflows without parameters as they were: any argument goes', () => {
    const text = edit(
      '  deploy:\n    command: python project_run.py --workflow-name deploy\n    parameters:\n      deploy_model_name: { type: string, default: model }\n      champion_model_tag: { type: string, required: true }\n',
      '  deploy:\n    command: python project_run.py --workflow-name deploy\n    arguments: {whatever: [1, 2]}\n'
    ).replace('train: {test_size: 0.3}', 'train: {test_size: 0.3}\n      deploy: {replicas: 3}')
    const loaded = parseConfig('promote.yaml', text)
    const deploy = resolveWorkflow(
      loaded,
      'deploy',
      resolveEnvironment(loaded, { name: 'staging' }),
      {
        extra: true
      }
    )
    expect(deploy.arguments).toEqual({ whatever: [1, 2], replicas: 3, extra: true })
  })
})

describe('merging a run’s arguments over the declared parameters', () => {
  it('applies defaults, then config, environment and input, each checked', () => {
    const train = resolveWorkflow(config, 'train', env('staging'), {
      source_url: 's3://bucket/heart.csv',
      seed: 7
    })
    expect(train.arguments).toEqual({
      source_url: 's3://bucket/heart.csv',
      test_size: 0.3,
      allow_validation_failure: true,
      ohe_columns: ['sex', 'cp'],
      label_column: 'target',
      seed: 7,
      options: { depth: 3 }
    })
    // Defaults are copies: changing one run's arguments leaves the config alone.
    ;(train.arguments.ohe_columns as string[]).push('thal')
    expect(config.workflows.train!.parameters!.ohe_columns!.default).toEqual(['sex', 'cp'])
  })

  it('refuses a missing required argument, naming it and where it is declared', () => {
    const error = refusal(() => resolveWorkflow(config, 'train', env('development')))
    expect(error.problems).toEqual([
      {
        file: 'promote.yaml',
        line: lineOf(TYPED, 'source_url:'),
        column: 7,
        path: 'workflows.train.parameters.source_url',
        message:
          "required argument 'source_url' of workflow 'train' is not set: give it in workflows.train.arguments, in environments.<env>.arguments.train, or with the `arguments` input / --arg source_url=..."
      }
    ])
    expect(error.message).toMatch(
      new RegExp(
        `^promote\\.yaml:${lineOf(TYPED, 'source_url:')}:7 workflows\\.train\\.parameters\\.source_url: required argument 'source_url'`
      )
    )
  })

  it('refuses a misspelled input argument with a did-you-mean, and a mistyped one', () => {
    const error = refusal(() =>
      resolveWorkflow(config, 'train', env('development'), {
        sorce_url: 's3://bucket/heart.csv',
        test_size: '0.3'
      })
    )
    expect(error.problems.map(p => p.message)).toEqual([
      "argument 'sorce_url' is not a parameter of workflow 'train'; did you mean 'source_url'? (from the `arguments` input / --arg)",
      "argument 'test_size' from the `arguments` input / --arg: expected a number, got '0.3' (the parameter is number)",
      expect.stringMatching(/^required argument 'source_url' of workflow 'train' is not set/)
    ])
    expect(error.message).toMatch(
      /^workflow 'train': 3 problems with its arguments \(nothing was submitted\)/
    )
  })

  it("accepts promote-actions' own arguments undeclared, but checks their type when declared", () => {
    const deploy = resolveWorkflow(
      config,
      'deploy',
      env('development'),
      { champion_model_tag: 'champion' },
      undefined,
      {
        model_uri: 'store://models/cicd-flow/model#0:challenger',
        manifest_path: 'artifacts/m.yaml'
      }
    )
    expect(deploy.arguments).toEqual({
      deploy_model_name: 'model',
      champion_model_tag: 'champion',
      model_uri: 'store://models/cicd-flow/model#0:challenger',
      manifest_path: 'artifacts/m.yaml'
    })
    // ...but a caller passing model_uri itself passes an argument like any other.
    expect(
      refusal(() =>
        resolveWorkflow(config, 'deploy', env('development'), {
          champion_model_tag: 'champion',
          model_uri: 'x'
        })
      ).message
    ).toMatch(/argument 'model_uri' is not a parameter of workflow 'deploy'/)
  })

  it('accepts an explicit null only where the type is any', () => {
    const parameters: Record<string, WorkflowParameter> = {
      a: { type: 'any', required: true },
      s: { type: 'string', required: false }
    }
    expect(resolveArguments('w', parameters, [{ from: 'input', values: { a: null } }])).toEqual({
      a: null
    })
    expect(() =>
      resolveArguments('w', parameters, [{ from: 'input', values: { a: 1, s: null } }])
    ).toThrow("argument 's' from input: expected a string, got null (the parameter is string)")
  })

  it('without a declaration site (a config not read from a file) still names the parameter', () => {
    const problems: Problem[] = refusal(() =>
      resolveArguments('train', { source_url: { type: 'string', required: true } }, [])
    ).problems
    expect(problems).toEqual([
      {
        path: 'workflows.train.parameters.source_url',
        message: expect.stringMatching(/required argument 'source_url' of workflow 'train'/)
      }
    ])
  })
})

describe('types', () => {
  it('tells each type from the others', () => {
    const values: Record<string, unknown> = {
      text: 'x',
      float: 0.5,
      whole: 3,
      flag: false,
      items: [1],
      mapping: { a: 1 },
      nothing: null
    }
    const accepted = (type: Parameters<typeof typeProblem>[0]) =>
      Object.entries(values)
        .filter(([, v]) => typeProblem(type, v) === undefined)
        .map(([k]) => k)
    expect(accepted('string')).toEqual(['text'])
    expect(accepted('number')).toEqual(['float', 'whole'])
    expect(accepted('integer')).toEqual(['whole'])
    expect(accepted('boolean')).toEqual(['flag'])
    expect(accepted('list')).toEqual(['items'])
    expect(accepted('object')).toEqual(['mapping'])
    expect(accepted('any')).toEqual(Object.keys(values))
  })
})

describe('cost', () => {
  it('stays linear: every misspelled argument is reported, with a fixed allowance of did-you-mean searches', () => {
    const n = 3000
    const parameters = Object.fromEntries(
      Array.from({ length: n }, (_, i) => [`param_${i}`, { type: 'integer' }])
    )
    const args = Object.fromEntries(Array.from({ length: n }, (_, i) => [`parm_${i}`, i]))
    const environments = Object.fromEntries(
      Array.from({ length: 50 }, (_, e) => [
        `env${e}`,
        { branch: `b${e}`, cluster: 'local', arguments: { train: args } }
      ])
    )
    const issues = argumentIssues({
      workflows: { train: { parameters, arguments: args } },
      environments
    })
    // Every misspelled argument is reported; the did-you-mean search has a fixed allowance, and
    // a name list is cut short, so the work is proportional to the arguments.
    expect(issues).toHaveLength(n * 51)
    expect(issues.filter(i => i.message.includes('did you mean'))).toHaveLength(50)
    expect(issues[0]!.message).toBe(
      "'parm_0' is not a parameter of workflow 'train'; did you mean 'param_0'?"
    )
    expect(issues.at(-1)!.message).toMatch(/use one of: param_0, .*, … \(3000 in all\)$/)
  })
})
