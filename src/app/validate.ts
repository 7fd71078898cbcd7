import { relative, resolve, sep } from 'node:path'
import { parseConfigSource } from '../core/config/load.js'
import {
  environmentNames,
  gatesFor,
  manifestFileName,
  resolveEnvironment
} from '../core/config/resolve.js'
import type { GatesConfig, PromoteConfig } from '../core/config/schema.js'
import { listManifestFiles, readRepoText } from '../core/fs.js'
import { outsideRepositoryProblem } from '../core/paths.js'
import {
  ConfigurationError,
  errorMessage,
  formatProblem,
  isConfigurationError,
  type Problem
} from '../core/errors.js'
import { evaluateGates, GATE_COLUMNS, gateTableRows, type GateEvaluation } from '../core/gates.js'
import {
  checkManifest,
  parseManifestYaml,
  type LoadedManifest,
  type ModelRecord
} from '../core/manifest.js'
import { formatValue, type Report, type ReportSection, type Verdict } from '../core/report.js'
import { parseModelUri } from '../core/uri.js'
import { MAX_MANIFEST_BYTES, MAX_YAML_BYTES, type YamlSource } from '../core/yaml-source.js'
import { formatDuration } from '../core/duration.js'
import { branchNameProblem } from '../core/git-ref.js'
import type { ModelRegistry } from '../adapters/registries/types.js'
import type { Log } from './ports.js'

export const CHECKS = ['lint', 'tests', 'schema', 'gates', 'drift'] as const
export type CheckName = (typeof CHECKS)[number]

export interface CheckOutcome {
  name: CheckName
  verdict: Extract<Verdict, 'pass' | 'fail' | 'warn' | 'skip'>
  details: string
  durationMs?: number
}

/** Runs a consumer's command (through a shell, streaming its output); resolves with its exit code. */
export interface CommandRunner {
  run(commandLine: string, cwd: string): Promise<number>
}

/**
 * Reads a text file at a git revision; undefined when the revision or the path does not exist.
 * Throws a ConfigurationError naming `<revision>:<path>` when it exists but cannot be read (a
 * symbolic link out of the repository, a directory, too big, not UTF-8).
 */
export interface GitReader {
  show(revision: string, path: string): Promise<string | undefined>
}

export type ChampionSource = 'auto' | 'git' | 'registry' | 'none'

export interface ValidateRequest {
  cwd: string
  /** promote.yaml, relative to cwd. */
  configPath: string
  /** Environment whose gates apply; default: the one deploying from `baseBranch`, else the global gates. */
  environment?: string
  /** The PR's base branch. */
  baseBranch?: string
  /** Overrides model.exportDir. */
  exportDir?: string
  lintCommand?: string
  testCommand?: string
  /**
   * Outcomes of lint and tests run in an earlier step (one without secrets: the commands are the
   * pull request's code): reported instead of running lintCommand and testCommand here.
   */
  commandChecks?: CheckOutcome[]
  checkDrift: boolean
  champion: ChampionSource
  /** Branch holding the champion manifest (default: the last environment's branch). */
  productionBranch?: string
  log: Log
  runner: CommandRunner
  git: GitReader
  /**
   * Builds the registry promote.yaml names (drift checks and registry champions); may load it
   * first (the CLI imports the registry adapters only when one is needed).
   */
  registry: (config: PromoteConfig) => ModelRegistry | Promise<ModelRegistry>
}

export interface DriftRow {
  file: string
  field: string
  committed: string
  registry: string
}

export interface ValidationResult {
  report: Report
  checks: CheckOutcome[]
  problems: Problem[]
  gates?: GateEvaluation
  challenger?: ModelRecord
  champion?: { source: string; record?: ModelRecord; metrics: Record<string, unknown> }
  drift: DriftRow[]
  config?: PromoteConfig
}

function problemsOf(error: unknown, file?: string): Problem[] {
  if (isConfigurationError(error))
    return error.problems.map(p => ({
      ...p,
      ...(p.file === undefined && file !== undefined && { file })
    }))
  return [{ ...(file !== undefined && { file }), message: errorMessage(error) }]
}

/** Repo-relative, forward slashes: what annotations and git need. */
function repoPath(cwd: string, file: string): string {
  return relative(cwd, resolve(cwd, file)).split(sep).join('/')
}

interface ManifestFile {
  file: string
  /** Why the file could not be read (a link out of the repository, a directory, ...). */
  unreadable?: string
  loaded?: LoadedManifest
  /** The YAML, when it parsed at all (gates still read metrics from a manifest with schema problems). */
  source?: YamlSource
}

function metricsOf(data: unknown): Record<string, unknown> | undefined {
  const spec = (data as { spec?: unknown } | undefined)?.spec
  const metrics = (spec as { metrics?: unknown } | undefined)?.metrics
  return metrics && typeof metrics === 'object' && !Array.isArray(metrics)
    ? (metrics as Record<string, unknown>)
    : undefined
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const value = await fn()
  return [value, Math.round(performance.now() - start)]
}

type CommandsRequest = Pick<
  ValidateRequest,
  'cwd' | 'lintCommand' | 'testCommand' | 'log' | 'runner'
>

/** Runs the consumer's lint and test commands: the `lint` and `tests` checks. */
export async function runConsumerCommands(request: CommandsRequest): Promise<CheckOutcome[]> {
  return [
    await runCommand(request, 'lint', request.lintCommand),
    await runCommand(request, 'tests', request.testCommand)
  ]
}

async function runCommand(
  request: CommandsRequest,
  name: 'lint' | 'tests',
  commandLine: string | undefined
): Promise<CheckOutcome> {
  if (!commandLine?.trim())
    return {
      name,
      verdict: 'skip',
      details: `no ${name === 'lint' ? 'lint' : 'test'} command given`
    }
  const [exitCode, durationMs] = await timed(() =>
    request.log.group(`${name === 'lint' ? 'Lint' : 'Tests'}: ${commandLine}`, () =>
      request.runner.run(commandLine, request.cwd)
    )
  )
  const passed = exitCode === 0
  const details = `\`${commandLine}\` ${passed ? 'passed' : `exited with code ${exitCode}`}`
  if (!passed)
    request.log.error(
      `${name === 'lint' ? 'Lint' : 'Tests'} failed: ${commandLine} exited with code ${exitCode}`,
      { title: `${name} failed` }
    )
  return { name, verdict: passed ? 'pass' : 'fail', details, durationMs }
}

/** The environment whose gates apply; an unknown one asked for by name is an error, not a fallback. */
function pickEnvironment(
  config: PromoteConfig,
  request: ValidateRequest
): { name: string | undefined } | { error: string } {
  if (request.environment) {
    try {
      return { name: resolveEnvironment(config, { name: request.environment }).name }
    } catch (error) {
      return { error: errorMessage(error) }
    }
  }
  if (request.baseBranch) {
    return {
      name: environmentNames(config).find(
        n => config.environments[n]!.branch === request.baseBranch
      )
    }
  }
  return { name: undefined }
}

/**
 * The champion to compare a challenger with: its manifest on the production branch (champion tag,
 * else challenger tag), else the registry's champion tag. Shared with `promote collect`.
 */
export async function findChampion(
  request: Pick<ValidateRequest, 'champion' | 'productionBranch' | 'git' | 'registry'>,
  config: PromoteConfig,
  exportDir: string,
  notes: string[],
  challenger: ModelRecord | undefined
): Promise<ValidationResult['champion']> {
  if (request.champion === 'none') return undefined
  const names = environmentNames(config)
  const branch = request.productionBranch || config.environments[names[names.length - 1]!]!.branch
  if (request.champion === 'auto' || request.champion === 'git') {
    const paths = [
      `${exportDir}/${manifestFileName(config.model.name, config.model.championTag)}`,
      `${exportDir}/${manifestFileName(config.model.name, config.model.challengerTag)}`
    ]
    for (const revision of [branch, `origin/${branch}`]) {
      for (const path of paths) {
        const source = `${revision}:${path}`
        let text: string | undefined
        try {
          text = await request.git.show(revision, path)
        } catch (error) {
          // A link out of the repository, a directory, invalid UTF-8: said, never followed.
          notes.push(`champion ${errorMessage(error)}`)
          return undefined
        }
        if (text === undefined) continue
        try {
          const yaml = parseManifestYaml(source, text)
          let record: ModelRecord | undefined
          try {
            // The file names a tag of promote.yaml (the champion, or the challenger standing in).
            record = checkManifest(yaml, {
              knownTags: [config.model.challengerTag, config.model.championTag]
            }).record
          } catch {
            // Gates compare metrics; a champion with other schema problems still has those.
          }
          return { source, ...(record && { record }), metrics: metricsOf(yaml.data) ?? {} }
        } catch (error) {
          notes.push(`champion ${source} is not valid YAML: ${errorMessage(error)}`)
          return undefined
        }
      }
    }
    notes.push(`no champion manifest on branch '${branch}' (looked for ${paths.join(' and ')})`)
    if (request.champion === 'git') return undefined
  }
  try {
    // Inside the try: a registry whose secret is not passed (a fork's PR) is a note, not a crash.
    const registry = await request.registry(config)
    const uri = registry.uriForTag(config.model.name, config.model.championTag, challenger?.project)
    const { record } = await registry.resolve(uri)
    return { source: uri, record, metrics: record.metrics }
  } catch (error) {
    notes.push(`no champion in the registry: ${errorMessage(error)}`)
    return undefined
  }
}

function metricLine(file: ManifestFile, metric?: string): Pick<Problem, 'line' | 'column'> {
  if (!file.source) return {}
  // A missing metric points at the `metrics:` key, where it belongs.
  return metric !== undefined
    ? file.source.positionOf(['spec', 'metrics', metric])
    : file.source.positionOf(['spec', 'metrics'], 'key')
}

async function checkDrift(
  request: ValidateRequest,
  config: PromoteConfig,
  manifests: ManifestFile[],
  problems: Problem[]
): Promise<{ outcome: CheckOutcome; rows: DriftRow[] }> {
  let registry: ModelRegistry
  try {
    registry = await request.registry(config)
  } catch (error) {
    // No registry to ask (e.g. its secret was not passed to the step): drift cannot be checked.
    problems.push({
      file: repoPath(request.cwd, request.configPath),
      message: `drift check: ${errorMessage(error)}`
    })
    return { outcome: { name: 'drift', verdict: 'fail', details: errorMessage(error) }, rows: [] }
  }
  const rows: DriftRow[] = []
  let unreachable = 0
  let checked = 0
  const [, durationMs] = await timed(async () => {
    for (const manifest of manifests) {
      const loaded = manifest.loaded
      if (!loaded) continue
      const pinned = registry.pinnedUri(loaded.record)
      let remote: ModelRecord
      try {
        remote = (await registry.resolve(pinned)).record
        checked++
      } catch (error) {
        unreachable++
        problems.push({
          file: manifest.file,
          ...loaded.source.positionOf(['metadata']),
          message: `drift check: ${errorMessage(error)}`
        })
        continue
      }
      const local = loaded.record
      const add = (field: string, committed: unknown, current: unknown, path: PropertyKey[]) => {
        rows.push({
          file: manifest.file,
          field,
          committed: formatValue(committed),
          registry: formatValue(current)
        })
        problems.push({
          file: manifest.file,
          ...loaded.source.positionOf(path),
          path: path.join('.'),
          message: `drift: the registry has ${formatValue(current)} for ${field}, the committed manifest ${formatValue(committed)} (re-export with promote export --model-uri ${pinned})`
        })
      }
      if (
        local.artifactHash !== remote.artifactHash &&
        (local.artifactHash !== undefined || remote.artifactHash !== undefined)
      ) {
        add('hash', local.artifactHash, remote.artifactHash, ['metadata', 'hash'])
      }
      if (local.location !== remote.location)
        add('location', local.location, remote.location, ['spec', 'target_path'])
      for (const metric of new Set([
        ...Object.keys(local.metrics),
        ...Object.keys(remote.metrics)
      ])) {
        const a = local.metrics[metric]
        const b = remote.metrics[metric]
        if (
          a === b ||
          (a !== undefined &&
            b !== undefined &&
            Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a)))
        )
          continue
        add(
          `metric ${metric}`,
          a,
          b,
          a !== undefined ? ['spec', 'metrics', metric] : ['spec', 'metrics']
        )
      }
    }
  })
  const drifted = new Set(rows.map(r => r.file)).size
  const verdict = unreachable > 0 || drifted > 0 ? 'fail' : checked === 0 ? 'skip' : 'pass'
  const parts = [
    `${checked} manifest${checked === 1 ? '' : 's'} checked against the ${registry.kind} registry`,
    ...(drifted ? [`${drifted} drifted`] : []),
    ...(unreachable ? [`${unreachable} could not be resolved`] : [])
  ]
  return { outcome: { name: 'drift', verdict, details: parts.join('; '), durationMs }, rows }
}

/**
 * The lint-test use case, for the action and `promote validate` alike: run the consumer's lint
 * and test commands, validate promote.yaml and every manifest under the export dir, optionally
 * check them against the registry, and gate the challenger against thresholds and the champion.
 */
export async function validate(request: ValidateRequest): Promise<ValidationResult> {
  const { log } = request
  // An input, not the config: refuse it before any command runs (the config's branches are
  // checked by its schema).
  const branchProblem =
    request.productionBranch !== undefined ? branchNameProblem(request.productionBranch) : undefined
  if (branchProblem)
    throw new ConfigurationError(
      `production-branch '${request.productionBranch}' is not a git branch name: ${branchProblem}`
    )
  const checks: CheckOutcome[] = []
  const problems: Problem[] = []
  const notes: string[] = []
  checks.push(...(request.commandChecks ?? (await runConsumerCommands(request))))

  const configFile = repoPath(request.cwd, request.configPath)
  let config: PromoteConfig | undefined
  const schemaStart = performance.now()
  try {
    // Nothing outside the repository is read: a promote.yaml linking out of it is a problem.
    const text = await readRepoText(request.cwd, resolve(request.cwd, request.configPath), {
      shown: configFile,
      maxBytes: MAX_YAML_BYTES,
      notFound: 'config file not found (set the `config` input or --config)'
    })
    config = parseConfigSource(configFile, text).config
  } catch (error) {
    problems.push(...problemsOf(error, configFile))
  }

  // model.exportDir is held inside the repository by the schema; the input is checked here.
  const exportDirProblem =
    request.exportDir !== undefined ? outsideRepositoryProblem(request.exportDir) : undefined
  if (exportDirProblem)
    problems.push({ message: `export-dir '${request.exportDir}' ${exportDirProblem}` })
  const exportDir = repoPath(
    request.cwd,
    (!exportDirProblem && request.exportDir) || config?.model.exportDir || 'artifacts'
  )
  const knownTags = config
    ? [config.model.challengerTag, config.model.championTag]
    : ['challenger', 'champion']
  const manifests: ManifestFile[] = []
  // A refused input falls back to the config's dir, so the rest is still validated.
  const walk = await listManifestFiles(request.cwd, resolve(request.cwd, exportDir))
  problems.push(...walk.problems)
  for (const full of walk.files) {
    const file = repoPath(request.cwd, full)
    const entry: ManifestFile = { file }
    let text: string
    try {
      // One problem per file that cannot be read; the others are still validated.
      text = await readRepoText(request.cwd, full, { shown: file, maxBytes: MAX_MANIFEST_BYTES })
    } catch (error) {
      const found = problemsOf(error, file)
      problems.push(...found)
      entry.unreadable = found[0]?.message ?? errorMessage(error)
      manifests.push(entry)
      continue
    }
    try {
      // Parsed once: the YAML feeds both the schema check and the gates.
      entry.source = parseManifestYaml(file, text)
      const loaded = checkManifest(entry.source, { knownTags })
      try {
        parseModelUri(loaded.record.uri)
        entry.loaded = loaded
      } catch (error) {
        problems.push({
          file,
          ...loaded.source.positionOf(
            loaded.manifest.metadata.uri !== undefined ? ['metadata', 'uri'] : ['metadata']
          ),
          path: 'metadata',
          message: `the model URI ${errorMessage(error).replace(/^invalid model URI /, '')}`
        })
      }
    } catch (error) {
      problems.push(...problemsOf(error, file))
    }
    manifests.push(entry)
  }
  const schemaProblems = problems.length
  checks.push({
    name: 'schema',
    verdict: schemaProblems ? 'fail' : 'pass',
    details: `${configFile}${config ? '' : ' (invalid)'} and ${manifests.length} manifest${manifests.length === 1 ? '' : 's'} under ${exportDir}/${schemaProblems ? `: ${schemaProblems} problem${schemaProblems === 1 ? '' : 's'}` : ''}`,
    durationMs: Math.round(performance.now() - schemaStart)
  })

  let drift: DriftRow[] = []
  if (request.checkDrift && config) {
    const result = await log.group('Drift: manifests against the registry', () =>
      checkDrift(request, config, manifests, problems)
    )
    checks.push(result.outcome)
    drift = result.rows
  } else {
    checks.push({
      name: 'drift',
      verdict: 'skip',
      details: request.checkDrift
        ? 'needs a valid config'
        : 'not requested (check-drift / --check-drift)'
    })
  }

  let gates: GateEvaluation | undefined
  let champion: ValidationResult['champion']
  let challenger: ModelRecord | undefined
  let environment: string | undefined
  let gateConfig: GatesConfig = {}
  const challengerPath = config
    ? `${exportDir}/${manifestFileName(config.model.name, config.model.challengerTag)}`
    : undefined
  let environmentError: string | undefined
  if (config) {
    const picked = pickEnvironment(config, request)
    if ('error' in picked) environmentError = picked.error
    else environment = picked.name
    gateConfig = gatesFor(config, environment)
  }
  if (environmentError) {
    problems.push({ message: environmentError })
    checks.push({ name: 'gates', verdict: 'fail', details: environmentError })
  } else if (config && challengerPath && Object.keys(gateConfig).length > 0) {
    const [, durationMs] = await timed(async () => {
      const file = manifests.find(m => m.file === challengerPath)
      challenger = file?.loaded?.record
      champion = await findChampion(request, config, exportDir, notes, challenger)
      if (!file?.source) {
        const why = !file
          ? 'does not exist'
          : file.unreadable
            ? `cannot be read (${file.unreadable})`
            : 'is not valid YAML'
        gates = {
          verdict: 'fail',
          results: [],
          failures: [
            `the challenger manifest ${challengerPath} ${why} (export one with promote export --model-uri <uri>)`
          ]
        }
        problems.push({ file: challengerPath, message: gates.failures[0]! })
        return
      }
      gates = evaluateGates({
        gates: gateConfig,
        challenger: metricsOf(file.source.data),
        champion: champion?.metrics,
        ...(champion && { championSource: champion.source })
      })
      for (const result of gates.results) {
        for (const row of result.rows.filter(r => r.verdict === 'fail')) {
          const present = metricsOf(file.source.data)?.[result.metric] !== undefined
          problems.push({
            file: challengerPath,
            ...metricLine(file, present ? result.metric : undefined),
            path: `spec.metrics.${result.metric}`,
            message: `gate ${row.rule}: ${row.reason}`
          })
        }
      }
    })
    const evaluation = gates as GateEvaluation | undefined
    const failed = evaluation?.results.filter(r => r.verdict === 'fail').length ?? 0
    // Comparisons skipped for want of a champion pass, but warn: `fail-on: any` refuses them.
    const skipped =
      evaluation?.results.flatMap(r => r.rows).filter(r => r.verdict === 'skip').length ?? 0
    const verdict =
      evaluation?.verdict === 'fail'
        ? 'fail'
        : skipped > 0 && request.champion !== 'none'
          ? 'warn'
          : (evaluation?.verdict ?? 'skip')
    checks.push({
      name: 'gates',
      verdict,
      details: evaluation?.results.length
        ? `${evaluation.results.length} gate${evaluation.results.length === 1 ? '' : 's'}${failed ? `, ${failed} failed` : ''}; champion: ${champion ? champion.source : 'none'}${skipped ? `; ${skipped} comparison${skipped === 1 ? '' : 's'} skipped` : ''}`
        : (evaluation?.failures[0] ?? 'no gates'),
      durationMs
    })
  } else {
    checks.push({
      name: 'gates',
      verdict: 'skip',
      details: config
        ? `no gates configured${environment ? ` for ${environment}` : ''}`
        : 'needs a valid config'
    })
  }

  for (const problem of problems) {
    log.error(problem.path ? `${problem.path}: ${problem.message}` : problem.message, {
      ...(problem.file !== undefined && { file: problem.file }),
      ...(problem.line !== undefined && { line: problem.line }),
      ...(problem.column !== undefined && { column: problem.column })
    })
  }
  for (const note of notes) log.info(note)

  const report = buildReport({
    checks,
    problems,
    notes,
    gates,
    drift,
    challenger,
    champion,
    environment,
    configFile,
    challengerPath
  })
  return {
    report,
    checks,
    problems,
    drift,
    ...(gates && { gates }),
    ...(challenger && { challenger }),
    ...(champion && { champion }),
    ...(config && { config })
  }
}

function buildReport(input: {
  checks: CheckOutcome[]
  problems: Problem[]
  notes: string[]
  gates: GateEvaluation | undefined
  drift: DriftRow[]
  challenger: ModelRecord | undefined
  champion: ValidationResult['champion']
  environment: string | undefined
  configFile: string
  challengerPath: string | undefined
}): Report {
  const failed = input.checks.filter(c => c.verdict === 'fail')
  const verdict: Verdict = failed.length
    ? 'fail'
    : input.checks.some(c => c.verdict === 'warn')
      ? 'warn'
      : 'pass'
  const sections: ReportSection[] = [
    {
      title: 'Checks',
      tables: [
        {
          columns: ['check', 'verdict', 'duration', 'details'],
          rows: input.checks.map(c => [
            c.name,
            c.verdict.toUpperCase(),
            c.durationMs !== undefined ? formatDuration(c.durationMs) : '—',
            c.details
          ])
        }
      ]
    }
  ]
  if (input.problems.length) {
    sections.push({
      title: `Problems (${input.problems.length})`,
      verdict: 'fail',
      items: input.problems.map(p => formatProblem(p))
    })
  }
  if (input.gates?.results.length) {
    sections.push({
      title: 'Gates',
      verdict: input.gates.verdict,
      text: [
        input.champion
          ? `Challenger ${input.challengerPath} against the champion ${input.champion.source}${input.champion.record?.version ? ` (version ${input.champion.record.version})` : ''}.`
          : `Challenger ${input.challengerPath}; no champion, so comparisons are skipped.`
      ],
      tables: input.gates.results.map(result => ({
        title: `${result.verdict === 'fail' ? '❌' : result.verdict === 'pass' ? '✅' : '⏭️'} ${result.metric} (${result.better} is better)`,
        columns: [...GATE_COLUMNS],
        rows: gateTableRows(result)
      }))
    })
  }
  if (input.drift.length) {
    sections.push({
      title: 'Drift',
      verdict: 'fail',
      tables: [
        {
          columns: ['manifest', 'field', 'committed', 'registry'],
          rows: input.drift.map(d => [d.file, d.field, d.committed, d.registry])
        }
      ]
    })
  }
  if (input.notes.length) sections.push({ title: 'Notes', verdict: 'info', items: input.notes })
  const facts: Array<[string, string]> = [['Config', input.configFile]]
  if (input.environment) facts.push(['Gates for', input.environment])
  if (input.challengerPath)
    facts.push([
      'Challenger',
      `${input.challengerPath}${input.challenger ? ` (${input.challenger.uri})` : ''}`
    ])
  if (input.champion) facts.push(['Champion', input.champion.source])
  return {
    title: failed.length
      ? `Model checks failed: ${failed.map(c => c.name).join(', ')}`
      : verdict === 'warn'
        ? `Model checks passed with warnings: ${input.checks
            .filter(c => c.verdict === 'warn')
            .map(c => c.name)
            .join(', ')}`
        : 'Model checks passed',
    verdict,
    facts,
    sections
  }
}

/**
 * `fail-on`: `errors` (any failed check), `any` (failed or warned), `never`, or a comma list of
 * check names (only those fail the step). Returns the checks that fail the step.
 */
export type FailOn = { mode: 'errors' | 'any' | 'never' } | { mode: 'checks'; checks: CheckName[] }

export function parseFailOn(value: string): FailOn {
  const text = value.trim().toLowerCase()
  if (text === '' || text === 'errors') return { mode: 'errors' }
  if (text === 'any' || text === 'never') return { mode: text }
  const names = text.split(/[\s,]+/).filter(Boolean)
  const unknown = names.filter(n => !(CHECKS as readonly string[]).includes(n))
  if (unknown.length) {
    throw new ConfigurationError(
      `fail-on: unknown ${unknown.length === 1 ? 'check' : 'checks'} ${unknown.map(n => `'${n}'`).join(', ')}; use errors, any, never or a list of ${CHECKS.join(', ')}`
    )
  }
  return { mode: 'checks', checks: names as CheckName[] }
}

export function failingChecks(checks: CheckOutcome[], failOn: FailOn): CheckOutcome[] {
  switch (failOn.mode) {
    case 'never':
      return []
    case 'errors':
      return checks.filter(c => c.verdict === 'fail')
    case 'any':
      return checks.filter(c => c.verdict === 'fail' || c.verdict === 'warn')
    case 'checks':
      return checks.filter(c => c.verdict === 'fail' && failOn.checks.includes(c.name))
  }
}
