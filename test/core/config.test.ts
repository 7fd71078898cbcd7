import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { loadConfig, parseConfig, suggest } from '../../src/core/config/load.js'
import { looksLikeSecret } from '../../src/core/config/schema.js'
import { ConfigurationError } from '../../src/core/errors.js'
import { VALID, lineOf, problemAt, problemsOf } from './config-helpers.js'

/** VALID with `replace` swapped in for `find` (which must occur). */
function variant(find: string, replace: string, base = VALID): string {
  if (!base.includes(find)) throw new Error(`'${find}' not in the base config`)
  return base.replace(find, replace)
}

describe('a valid promote.yaml', () => {
  it('loads with every default filled in', () => {
    const config = parseConfig('promote.yaml', VALID)
    expect(config.project).toBe('cicd-flow')
    expect(config.model).toEqual({
      name: 'model',
      registry: { kind: 'file', path: '.promote/registry' },
      exportDir: 'artifacts',
      challengerTag: 'challenger',
      championTag: 'champion'
    })
    expect(config.clusters.iguazio).toEqual({
      kind: 'mlrun',
      url: 'https://mlrun-api.default-tenant.app.example.com',
      tokenEnv: 'MLRUN_TOKEN',
      clientVersion: '1.7.0',
      createProject: true
    })
    expect(config.workflows.train).toEqual({ arguments: { epochs: 10 }, timeout: '90m' })
    expect(config.gates.accuracy).toEqual({ better: 'higher', min: 0.8, maxDrop: 0.02 })
    expect(config.deployment).toEqual({
      workflow: 'deploy',
      approval: { distinctApprover: false, allowUnprotected: false },
      sameArtifact: true,
      updateChampion: false,
      smokeTest: {}
    })
    expect(config.notifications).toEqual({})
  })

  it('requires approval for every environment but the first, unless set', () => {
    const config = parseConfig('promote.yaml', VALID)
    expect(
      Object.entries(config.environments).map(([name, env]) => [name, env.requireApproval])
    ).toEqual([
      ['development', false],
      ['staging', true],
      ['production', true]
    ])
    const explicit = parseConfig(
      'promote.yaml',
      variant(
        '    branch: development\n',
        '    branch: development\n    requireApproval: true\n'
      ).replace('    branch: staging\n', '    branch: staging\n    requireApproval: false\n')
    )
    expect(explicit.environments.development!.requireApproval).toBe(true)
    expect(explicit.environments.staging!.requireApproval).toBe(false)
    expect(explicit.environments.production!.requireApproval).toBe(true)
  })

  it('defaults to one local command cluster', () => {
    const config = parseConfig(
      'promote.yaml',
      'project: p\nmodel: {name: m}\nenvironments:\n  dev: {branch: dev, cluster: local}\n'
    )
    expect(config.clusters).toEqual({ local: { kind: 'command' } })
    expect(config.workflows).toEqual({})
  })

  it('accepts every cluster kind, registry kind and notification channel', () => {
    const config = parseConfig(
      'promote.yaml',
      `$schema: ../schema/promote.schema.json
project: p
model:
  name: m
  registry: {kind: mlflow, url: 'http://mlflow:5000', tokenEnv: MLFLOW_TRACKING_TOKEN}
clusters:
  ml: {kind: mlrun, url: 'https://mlrun', usernameEnv: V3IO_USERNAME, accessKeyEnv: V3IO_ACCESS_KEY}
  kf: {kind: kfp, url: 'http://ml-pipeline:8888', namespace: kubeflow, experimentId: e1}
  ar: {kind: argo, url: 'https://argo:2746', tokenEnv: ARGO_TOKEN}
  sh: {kind: command, cwd: ml, env: {PYTHONUNBUFFERED: '1'}}
environments:
  dev: {branch: dev, cluster: sh, url: 'https://dev.example.com'}
  stg: {branch: stg, cluster: kf, arguments: {deploy: {replicas: 2}}, gates: {accuracy: {min: 0.9}}}
  prd: {branch: main, cluster: ar}
workflows:
  train: {command: [python, train.py], timeout: 2h}
  deploy: {name: serve, command: python deploy.py, timeout: 1h30m}
gates:
  loss: {better: lower, max: 0.3, maxRelativeDrop: 0.05}
notifications:
  slack: {channel: C0123, tokenEnv: SLACK_BOT_TOKEN, events: [failed, succeeded]}
  email: {to: [ml-team@example.com], smtpUrlEnv: SMTP_URL}
`
    )
    expect(config.clusters.ar).toEqual({
      kind: 'argo',
      url: 'https://argo:2746',
      tokenEnv: 'ARGO_TOKEN',
      namespace: 'argo'
    })
    expect(config.notifications.email).toEqual({
      to: ['ml-team@example.com'],
      from: 'promote-actions@localhost',
      smtpUrlEnv: 'SMTP_URL',
      events: ['failed']
    })
    expect(config.notifications.slack!.events).toEqual(['failed', 'succeeded'])
  })

  it('defaults Slack to every event and email to failures only', () => {
    const config = parseConfig(
      'promote.yaml',
      `${VALID}notifications:\n  slack: {webhookEnv: SLACK_WEBHOOK_URL}\n  email: {to: [a@example.com], smtpUrlEnv: SMTP_URL}\n`
    )
    expect(config.notifications.slack!.events).toEqual([
      'started',
      'approval-pending',
      'succeeded',
      'failed',
      'cancelled'
    ])
    expect(config.notifications.email!.events).toEqual(['failed'])
  })

  it('loads from disk through loadConfig', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'promote-config-'))
    await writeFile(join(dir, 'promote.yaml'), VALID)
    expect((await loadConfig(join(dir, 'promote.yaml'))).project).toBe('cicd-flow')
  })
})

describe('reading the file', () => {
  it('names a missing file and a directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'promote-config-'))
    await expect(loadConfig(join(dir, 'nope.yaml'))).rejects.toThrow(
      `${join(dir, 'nope.yaml')}: config file not found (set the \`config\` input or --config)`
    )
    await mkdir(join(dir, 'promote.yaml'))
    await expect(loadConfig(join(dir, 'promote.yaml'))).rejects.toThrow(
      'is a directory, not a file'
    )
  })

  it('rejects documents that are not a mapping, at their position', () => {
    expect(problemsOf('')[0]!.message).toBe(
      'expected a promote.yaml mapping with project, model and environments; the document is empty'
    )
    expect(problemsOf('# only a comment\n')[0]!.message).toContain('the document is empty')
    expect(problemsOf('- a\n- b\n')[0]).toMatchObject({
      line: 1,
      column: 1,
      message: expect.stringContaining('got a list')
    })
    expect(problemsOf('\n\njust text\n')[0]).toMatchObject({
      line: 3,
      column: 1,
      message: expect.stringContaining("got 'just text'")
    })
    expect(problemsOf('42')[0]!.message).toContain('got 42')
  })
})

describe('types and required fields', () => {
  it('reports every problem at once, in file order, with line, column and path', () => {
    const text = `project: 42
model:
  exportDir: out
environments:
  dev:
    branch: dev
    cluster: local
    requireApproval: "yes"
    url: not-a-url
workflows:
  train: {command: run.sh, timeout: 90x}
  deploy: {command: deploy.sh, timeout: 0}
`
    const problems = problemsOf(text)
    expect(problems.map(p => `${p.line}:${p.column} ${p.path}: ${p.message}`)).toEqual([
      '1:10 project: expected a string, got 42',
      '3:3 model.name: required: a string',
      "8:22 environments.dev.requireApproval: expected true or false, got 'yes'",
      "9:10 environments.dev.url: must be an http:// or https:// URL, got 'not-a-url'",
      "11:37 workflows.train.timeout: '90x' is not a duration: use a number with a unit, e.g. 90s, 45m, 2h or 1h30m",
      '12:41 workflows.deploy.timeout: must be longer than zero'
    ])
    expect(problems.every(p => p.file === 'promote.yaml')).toBe(true)
  })

  it('formats the error message as one line per problem, without a stack trace', () => {
    let error: unknown
    try {
      parseConfig('promote.yaml', 'project: p\nmodel: {name: m}\nenvironments: {}\n')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toBe(
      'promote.yaml:3:15 environments: define at least one environment'
    )
  })

  it('requires project, model and environments', () => {
    const problems = problemsOf('workflows: {}\n')
    expect(problems.map(p => [p.path, p.message])).toEqual([
      ['project', 'required: a string'],
      ['model', 'required: a mapping'],
      ['environments', 'required: a mapping']
    ])
  })

  it('rejects empty names and non-http URLs', () => {
    const problems = problemsOf(
      variant('project: cicd-flow', "project: ''").replace(
        'url: https://mlrun-api.default-tenant.app.example.com',
        'url: ftp://mlrun'
      )
    )
    expect(problemAt(problems, 'project').message).toBe('must not be empty')
    expect(problemAt(problems, 'clusters.iguazio.url').message).toBe(
      "must be an http:// or https:// URL, got 'ftp://mlrun'"
    )
  })

  it('names the allowed values of an enum, with a suggestion', () => {
    const problems = problemsOf(
      variant('accuracy: {min: 0.8,', 'accuracy: {better: hgher, min: 0.8,')
    )
    expect(problemAt(problems, 'gates.accuracy.better').message).toBe(
      "expected one of 'higher', 'lower', got 'hgher'; did you mean 'higher'?"
    )
  })

  it('rejects an unknown cluster kind with a suggestion', () => {
    const text = variant('kind: mlrun', 'kind: mlrn')
    const problem = problemAt(problemsOf(text), 'clusters.iguazio.kind')
    expect(problem.message).toBe(
      "unknown kind 'mlrn'; expected one of mlrun, kfp, argo, command (did you mean 'mlrun'?)"
    )
    expect(problem.line).toBe(lineOf(text, 'kind: mlrn'))
  })

  it('requires a cluster kind', () => {
    const text = variant('    kind: mlrun\n', '')
    expect(problemAt(problemsOf(text), 'clusters.iguazio.kind').message).toBe(
      'required: kind, one of mlrun, kfp, argo, command'
    )
  })

  it('requires the fields of each cluster kind', () => {
    const problems = problemsOf(
      variant('    url: https://mlrun-api.default-tenant.app.example.com\n', '')
    )
    expect(problemAt(problems, 'clusters.iguazio.url').message).toBe('required: a string')
  })

  it('takes a command as a string or a list of strings', () => {
    const text = `project: p\nmodel: {name: m}\nenvironments:\n  dev: {branch: d, cluster: local}\nworkflows:\n  train: {command: 3}\n  deploy: {command: []}\n`
    const problems = problemsOf(text)
    expect(problemAt(problems, 'workflows.train.command').message).toBe(
      'expected a string or a list, got 3'
    )
    expect(problemAt(problems, 'workflows.deploy.command').message).toBe(
      'needs at least the program name'
    )
  })

  it('rejects a duration of the wrong type', () => {
    const problems = problemsOf(variant('timeout: 90m', 'timeout: [90m]'))
    expect(problemAt(problems, 'workflows.train.timeout').message).toBe(
      'must be a duration such as 90s, 45m, 2h or 1h30m'
    )
  })

  it('accepts durations in every unit and as seconds', () => {
    for (const timeout of ['45s', '90m', '2h', '1h30m', '1d', '500ms', '3600', '1.5h']) {
      expect(
        parseConfig('promote.yaml', variant('timeout: 90m', `timeout: '${timeout}'`)).workflows
          .train!.timeout
      ).toBe(timeout)
    }
    expect(
      parseConfig('promote.yaml', variant('timeout: 90m', 'timeout: 120')).workflows.train!.timeout
    ).toBe(120)
    const negative = problemsOf(variant('timeout: 90m', 'timeout: -5'))
    expect(problemAt(negative, 'workflows.train.timeout').message).toBe(
      'must not be negative, got -5'
    )
  })
})

describe('unknown keys', () => {
  it('reports an unknown key at the key, with a did-you-mean', () => {
    const text = variant('  name: model\n', '  name: model\n  exportDri: out\n')
    const problem = problemAt(problemsOf(text), 'model.exportDri')
    expect(problem).toMatchObject({
      line: 4,
      column: 3,
      message: "unknown key 'exportDri'; did you mean 'exportDir'?"
    })
  })

  it('folds "required" into the did-you-mean for a misspelt required key', () => {
    const text = variant('    branch: staging\n', '    brnach: staging\n')
    const problems = problemsOf(text)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({
      path: 'environments.staging.brnach',
      line: lineOf(text, 'brnach'),
      column: 5,
      message: "unknown key 'brnach'; did you mean 'branch'?"
    })
  })

  it('lists the allowed keys when nothing is close, at every depth and inside each cluster kind', () => {
    const text =
      variant('    tokenEnv: MLRUN_TOKEN\n', '    tokenEnv: MLRUN_TOKEN\n    zzz: 1\n') +
      'colour: blue\n'
    const problems = problemsOf(text)
    expect(problemAt(problems, 'clusters.iguazio.zzz').message).toBe(
      "unknown key 'zzz' (allowed: kind, url, uiUrl, tokenEnv, usernameEnv, accessKeyEnv, source, artifactPath, clientVersion, createProject, callback)"
    )
    expect(problemAt(problems, 'colour').message).toBe(
      "unknown key 'colour' (allowed: project, model, clusters, environments, workflows, gates, deployment, notifications)"
    )
  })

  it('suggests within the right cluster kind and in gates, workflows and notifications', () => {
    const text = `project: p
model: {name: m}
clusters:
  k: {kind: kfp, url: 'http://kfp', namespce: kubeflow}
environments:
  dev: {branch: d, cluster: k, gates: {accuracy: {mni: 0.9}}}
workflows:
  train: {timout: 1h}
gates:
  accuracy: {min: 0.8, maxdrop: 0.1}
notifications:
  email: {to: [a@example.com], smtpUrlEnv: SMTP_URL, event: [failed]}
`
    const messages = Object.fromEntries(problemsOf(text).map(p => [p.path, p.message]))
    expect(messages).toMatchObject({
      'clusters.k.namespce': "unknown key 'namespce'; did you mean 'namespace'?",
      'environments.dev.gates.accuracy.mni': "unknown key 'mni'; did you mean 'min'?",
      'workflows.train.timout': "unknown key 'timout'; did you mean 'timeout'?",
      'gates.accuracy.maxdrop': "unknown key 'maxdrop'; did you mean 'maxDrop'?",
      'notifications.email.event': "unknown key 'event'; did you mean 'events'?"
    })
  })

  it('points a literal secret key at its ...Env form', () => {
    const text = variant('    tokenEnv: MLRUN_TOKEN\n', '    token: abc\n')
    expect(problemAt(problemsOf(text), 'clusters.iguazio.token').message).toBe(
      "unknown key 'token' (secrets are never literal: use tokenEnv with the name of an environment variable)"
    )
  })

  it('suggests only close words', () => {
    expect(suggest('exportDri', ['exportDir', 'name'])).toBe('exportDir')
    expect(suggest('brnach', ['branch', 'cluster'])).toBe('branch')
    expect(suggest('URL', ['url', 'uiUrl'])).toBe('url')
    expect(suggest('zzz', ['url', 'kind'])).toBeUndefined()
    expect(suggest('colour', ['project', 'model'])).toBeUndefined()
  })
})

describe('secrets are never literal', () => {
  it.each([
    ['a Slack bot token', 'xoxb-1234567890-abcdefghij'],
    ['a GitHub token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
    ['a long mixed token', 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ'],
    ['an AWS key', 'AKIAIOSFODNN7EXAMPLE']
  ])('rejects %s in an ...Env field', (_what, value) => {
    const text = variant('tokenEnv: MLRUN_TOKEN', `tokenEnv: ${value}`)
    const problem = problemAt(problemsOf(text), 'clusters.iguazio.tokenEnv')
    expect(problem.message).toMatch(/^looks like a literal secret: store it as a repository secret/)
    expect(problem.line).toBe(lineOf(text, value))
  })

  it('rejects an ...Env value that is not a variable name', () => {
    const problems = problemsOf(variant('tokenEnv: MLRUN_TOKEN', "tokenEnv: 'my token'"))
    expect(problemAt(problems, 'clusters.iguazio.tokenEnv').message).toBe(
      "'my token' is not an environment variable name (letters, digits and _, e.g. MLRUN_TOKEN)"
    )
  })

  it('rejects credentials anywhere in the file: arguments, URLs, webhooks', () => {
    const text =
      variant(
        'arguments: {epochs: 10}',
        "arguments: {epochs: 10, key: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'}"
      ).replace(
        'url: https://mlrun-api.default-tenant.app.example.com',
        'url: https://admin:hunter2@mlrun-api.example.com'
      ) +
      "notifications:\n  slack: {webhookEnv: 'https://hooks.slack.com/services/T000/B000/XXXX'}\n"
    const problems = problemsOf(text)
    expect(problemAt(problems, 'workflows.train.arguments.key').message).toMatch(
      /^contains a GitHub token: secrets are never literal/
    )
    expect(problemAt(problems, 'clusters.iguazio.url').message).toMatch(
      /^contains a URL with a password/
    )
    expect(problemAt(problems, 'notifications.slack.webhookEnv').message).toMatch(
      /^looks like a literal secret/
    )
  })

  it.each([
    ['a cluster URL', 'clusters.iguazio.url', 'https://mlrun-api.default-tenant.app.example.com'],
    ['an argument', 'workflows.train.arguments.epochs', '10']
  ])('rejects a token in the user part of a URL (%s), without quoting it', (_what, path, old) => {
    const token = 'tok3nInTheUserPart'
    const url = `https://${token}@mlrun-api.example.com/api`
    const text = variant(`${path.split('.').pop()}: ${old}`, `${path.split('.').pop()}: '${url}'`)
    const problems = problemsOf(text)
    const problem = problemAt(problems, path)
    expect(problem.message).toMatch(/^contains a URL with credentials in its user part/)
    expect(problem.line).toBe(lineOf(text, url))
    expect(JSON.stringify(problems)).not.toContain(token)
  })

  it('keeps URLs whose user part is no credential: ssh logins, store URIs, e-mail addresses', () => {
    for (const value of [
      'ssh://git@github.com/org/repo.git',
      'store://models/p/key@a1b2c3',
      'ops@example.com',
      'https://example.com/a@b'
    ]) {
      const text = variant('arguments: {epochs: 10}', `arguments: {epochs: 10, source: '${value}'}`)
      expect(() => parseConfig('promote.yaml', text)).not.toThrow()
    }
  })

  it('rejects secret-named variables in a command cluster env', () => {
    const text = `project: p\nmodel: {name: m}\nclusters:\n  sh: {kind: command, env: {API_TOKEN: abc, LOG_LEVEL: debug}}\nenvironments:\n  dev: {branch: d, cluster: sh}\n`
    const problems = problemsOf(text)
    expect(problems).toHaveLength(1)
    expect(problemAt(problems, 'clusters.sh.env.API_TOKEN').message).toMatch(
      /^API_TOKEN looks like a secret/
    )
  })

  it('tells environment variable names from tokens', () => {
    for (const name of [
      'MLRUN_TOKEN',
      'SLACK_BOT_TOKEN',
      'V3IO_ACCESS_KEY',
      'smtp_url',
      'A_VERY_LONG_VARIABLE_NAME_WITH_DIGITS_123'
    ]) {
      expect(looksLikeSecret(name)).toBe(false)
    }
    for (const token of [
      'xoxb-1-2',
      'ghs_x',
      'eyJhbGciOiJIUzI1NiJ9',
      'sk-abc',
      'Zx8Kq2LmN4pR6tV8wY0aB2cD'
    ]) {
      expect(looksLikeSecret(token)).toBe(true)
    }
  })
})

describe('cross references', () => {
  it('requires each environment to name a defined cluster, even when other fields fail', () => {
    const text = variant(
      '    cluster: iguazio\n    projectSuffix',
      '    cluster: igauzio\n    projectSuffix'
    ).replace('project: cicd-flow', 'project: 1')
    const problems = problemsOf(text)
    expect(problemAt(problems, 'environments.staging.cluster')).toMatchObject({
      message: "unknown cluster 'igauzio'; defined: iguazio",
      line: lineOf(text, 'igauzio')
    })
    expect(problemAt(problems, 'project').message).toBe('expected a string, got 1')
  })

  it('does not mistake built-in object names for defined clusters or workflows', () => {
    const text = variant(
      '    cluster: iguazio\n    projectSuffix',
      '    cluster: constructor\n    projectSuffix'
    ).replace(
      '    projectSuffix: -staging\n',
      '    projectSuffix: -staging\n    arguments: {toString: {x: 1}}\n'
    )
    const problems = problemsOf(text)
    expect(problemAt(problems, 'environments.staging.cluster').message).toBe(
      "unknown cluster 'constructor'; defined: iguazio"
    )
    expect(problemAt(problems, 'environments.staging.arguments.toString').message).toBe(
      "unknown workflow 'toString'; defined: train, deploy"
    )
  })

  it('does not pile reference errors onto an invalid section', () => {
    const problems = problemsOf(
      `project: p\nmodel: {name: m}\nclusters: [a, b]\nenvironments:\n  dev: {branch: d, cluster: a}\n`
    )
    expect(problems.map(p => `${p.path}: ${p.message}`)).toEqual([
      'clusters: expected a mapping, got a list'
    ])
  })

  it('requires a branch per environment', () => {
    const problems = problemsOf(variant('    branch: staging\n', '    branch: development\n'))
    expect(problemAt(problems, 'environments.staging.branch').message).toBe(
      "branch 'development' already deploys to 'development'; each environment needs its own branch"
    )
  })

  it('requires argument overrides to name a defined workflow', () => {
    const problems = problemsOf(
      variant(
        '    projectSuffix: -staging\n',
        '    projectSuffix: -staging\n    arguments: {deplyo: {replicas: 2}}\n'
      )
    )
    expect(problemAt(problems, 'environments.staging.arguments.deplyo').message).toBe(
      "unknown workflow 'deplyo'; defined: train, deploy"
    )
  })

  it('requires the deployment workflow to exist when workflows are defined', () => {
    const problems = problemsOf(`${VALID}deployment: {workflow: serve}\n`)
    expect(problemAt(problems, 'deployment.workflow').message).toMatch(
      /^no workflow 'serve' under `workflows` deploys the model/
    )
    const defaulted = problemsOf(variant('  deploy:\n    timeout: 30m\n', ''))
    expect(problemAt(defaulted, 'deployment.workflow').message).toMatch(/^no workflow 'deploy'/)
  })

  it('requires a command for every workflow an environment runs on a command cluster', () => {
    const text = `project: p\nmodel: {name: m}\nenvironments:\n  dev: {branch: d, cluster: local}\nworkflows:\n  train: {timeout: 1h}\n  deploy: {command: deploy.sh}\n`
    expect(problemAt(problemsOf(text), 'workflows.train.command').message).toBe(
      "environment 'dev' runs on command cluster 'local', so this workflow needs a command"
    )
  })

  it('requires an mlrun registry to point at an mlrun cluster', () => {
    const base = `project: p\nmodel:\n  name: m\n  registry: REGISTRY\nclusters:\n  sh: {kind: command}\n  ml: {kind: mlrun, url: 'https://mlrun'}\nenvironments:\n  dev: {branch: d, cluster: ml}\n`
    expect(
      parseConfig('promote.yaml', base.replace('REGISTRY', '{kind: mlrun}')).model.registry
    ).toEqual({ kind: 'mlrun' })
    expect(
      problemAt(
        problemsOf(base.replace('REGISTRY', '{kind: mlrun, cluster: sh}')),
        'model.registry.cluster'
      ).message
    ).toBe("'sh' is not an mlrun cluster; mlrun clusters: ml")
    const none = base
      .replace('REGISTRY', '{kind: mlrun}')
      .replace("  ml: {kind: mlrun, url: 'https://mlrun'}\n", '')
      .replace('cluster: ml', 'cluster: sh')
    expect(problemAt(problemsOf(none), 'model.registry').message).toBe(
      'an mlrun registry needs an mlrun cluster under `clusters`'
    )
  })

  it('requires both halves of MLRun basic auth, and not together with a token', () => {
    const half = problemsOf(variant('tokenEnv: MLRUN_TOKEN', 'usernameEnv: V3IO_USERNAME'))
    expect(problemAt(half, 'clusters.iguazio.accessKeyEnv').message).toBe(
      'Basic auth needs both usernameEnv and accessKeyEnv'
    )
    const both = problemsOf(
      variant(
        'tokenEnv: MLRUN_TOKEN',
        'tokenEnv: MLRUN_TOKEN\n    usernameEnv: U\n    accessKeyEnv: K'
      )
    )
    expect(problemAt(both, 'clusters.iguazio.tokenEnv').message).toBe(
      'choose one: tokenEnv (bearer) or usernameEnv/accessKeyEnv (basic)'
    )
  })

  it('requires names and tags that can name files, MLRun tags and MLflow aliases', () => {
    const problems = problemsOf(
      variant('  name: model\n', "  name: 'my model'\n  challengerTag: next.1\n  championTag: ''\n")
    )
    expect(problemAt(problems, 'model.name').message).toBe(
      "must not start with '.' or contain '/', '\\', ':', spaces or control characters (it names the exported file <name>:<tag>.yaml)"
    )
    expect(problemAt(problems, 'model.challengerTag').message).toBe(
      "must be letters, digits, '-' or '_' (it names files, MLRun tags and MLflow aliases)"
    )
    expect(problemAt(problems, 'model.championTag').message).toBe(
      "must be letters, digits, '-' or '_' (it names files, MLRun tags and MLflow aliases)"
    )
  })

  it('requires MLRun project names (with their suffix) to be DNS labels', () => {
    const problems = problemsOf(
      variant('project: cicd-flow', 'project: CICD_flow').replace(
        'projectSuffix: -staging',
        'projectSuffix: _stg'
      )
    )
    expect(problems.map(p => `${p.path}: ${p.message}`)).toEqual([
      "project: MLRun project 'CICD_flow' (environments development, production) must be at most 63 lowercase letters, digits and inner dashes",
      "environments.staging.projectSuffix: MLRun project 'CICD_flow_stg' (environment staging) must be at most 63 lowercase letters, digits and inner dashes"
    ])
    // Other orchestrators have no such rule.
    expect(
      parseConfig(
        'promote.yaml',
        'project: My_Project\nmodel: {name: m}\nenvironments:\n  dev: {branch: d, cluster: local}\n'
      ).project
    ).toBe('My_Project')
  })

  it('requires distinct champion and challenger tags', () => {
    const problems = problemsOf(
      variant('  name: model\n', '  name: model\n  championTag: challenger\n')
    )
    expect(problemAt(problems, 'model.championTag').message).toBe(
      'the champion and challenger tags must differ'
    )
  })
})

describe('gates', () => {
  it('rejects min above max, negative drops and a rule without a threshold', () => {
    const text = variant(
      '  accuracy: {min: 0.8, maxDrop: 0.02}\n',
      '  accuracy: {min: 0.9, max: 0.8}\n  f1: {maxDrop: -1}\n  loss: {better: lower}\n'
    )
    const problems = problemsOf(text)
    expect(problemAt(problems, 'gates.accuracy.min').message).toBe('min must not exceed max')
    expect(problemAt(problems, 'gates.f1.maxDrop').message).toBe('must be at least 0, got -1')
    expect(problemAt(problems, 'gates.loss').message).toBe(
      'set at least one of min, max, maxDrop, maxRelativeDrop'
    )
  })

  it('lets an environment override part of a gate, and requires a threshold for a new metric', () => {
    const text = variant(
      '    projectSuffix: -staging\n',
      '    projectSuffix: -staging\n    gates: {accuracy: {min: 0.9, max: 0.5}, loss: {better: lower}}\n'
    )
    const problems = problemsOf(text)
    expect(problemAt(problems, 'environments.staging.gates.accuracy.min').message).toBe(
      'min must not exceed max'
    )
    expect(problemAt(problems, 'environments.staging.gates.loss').message).toBe(
      "'loss' has no global gate, so this override needs one of min, max, maxDrop, maxRelativeDrop"
    )
  })
})

describe('notifications', () => {
  const withNotifications = (block: string) => `${VALID}notifications:\n${block}`

  it('requires a Slack token or webhook, and a channel with a token', () => {
    expect(
      problemAt(problemsOf(withNotifications('  slack: {channel: C1}\n')), 'notifications.slack')
        .message
    ).toBe('set tokenEnv (bot token) or webhookEnv (incoming webhook)')
    expect(
      problemAt(
        problemsOf(withNotifications('  slack: {tokenEnv: SLACK_BOT_TOKEN}\n')),
        'notifications.slack.channel'
      ).message
    ).toBe('bot token mode needs a channel')
  })

  it('rejects unknown and repeated events', () => {
    const problems = problemsOf(
      withNotifications(
        '  slack: {webhookEnv: SLACK_WEBHOOK, events: [failed, faild]}\n  email: {to: [a@example.com], smtpUrlEnv: SMTP_URL, events: [failed, failed]}\n'
      )
    )
    expect(problemAt(problems, 'notifications.slack.events[1]').message).toBe(
      "expected one of 'started', 'approval-pending', 'succeeded', 'failed', 'cancelled', got 'faild'; did you mean 'failed'?"
    )
    expect(problemAt(problems, 'notifications.email.events').message).toBe('lists an event twice')
  })

  it('requires email recipients, valid addresses and an SMTP URL variable', () => {
    const problems = problemsOf(withNotifications('  email: {to: [], from: nobody}\n'))
    expect(problemAt(problems, 'notifications.email.to').message).toBe(
      'needs at least one recipient'
    )
    expect(problemAt(problems, 'notifications.email.from').message).toBe('must be an email address')
    expect(problemAt(problems, 'notifications.email.smtpUrlEnv').message).toBe('required: a string')
    const bad = problemsOf(
      withNotifications('  email: {to: [not-an-address], smtpUrlEnv: SMTP_URL}\n')
    )
    expect(problemAt(bad, 'notifications.email.to[0]').message).toBe('must be an email address')
  })
})
