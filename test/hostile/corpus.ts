/**
 * Pathological promote.yaml files and manifests, as a pull request could bring them: wide, deep,
 * huge, aliased, injected, badly encoded. Shared by test/hostile/corpus.test.ts (no crash, every
 * error names its file and line) and bench/hostile.ts (time and peak memory of `promote validate`).
 */

export interface HostileCase {
  name: string
  /** Files of the repository, by path; a Buffer is written as is (bytes that are not UTF-8). */
  files: Record<string, string | Buffer>
  /** The validation must refuse it (exit 1) rather than pass it. */
  refused: boolean
}

const BASE_CONFIG = `project: hostile
model: {name: model}
environments:
  staging: {branch: staging, cluster: local}
  production: {branch: main, cluster: local}
workflows:
  deploy: {command: 'true'}
`

const manifest = (extra = '') =>
  `kind: model\nmetadata:\n  key: model\n  tag: challenger\n  version: 2\nspec:\n  metrics:\n    accuracy: 0.9\n${extra}`

const MANIFEST = 'artifacts/model:challenger.yaml'

function wideConfig(size: number): string {
  const lines = ['project: wide', 'model: {name: m}', 'clusters:', '  cmd: {kind: command}']
  lines.push('environments:')
  for (let e = 0; e < size; e++)
    lines.push(`  env${e}: {branch: b${e}, cluster: cmd, arguments: {missing${e}: {}}}`)
  lines.push('workflows:')
  for (let w = 0; w < size; w++) lines.push(`  wf${w}: {timeout: 1m}`)
  return lines.join('\n') + '\n'
}

/** An MLRun-shaped export with `features` feature statistics (~50 bytes of YAML per value). */
export function wideManifest(features: number): string {
  const lines = [manifest().trimEnd(), '  feature_stats:']
  for (let i = 0; i < features; i++) {
    lines.push(
      `    feature_${i}:`,
      '      count: 228',
      `      mean: ${0.25 + i / 7}`,
      '      hist:'
    )
    lines.push('      - - 3', '        - 7', '      - - 0.0', '        - 0.5')
  }
  return lines.join('\n') + '\n'
}

function deepBlock(depth: number): string {
  let text = ''
  for (let i = 0; i < depth; i++) text += `${' '.repeat(i)}k${i}:\n`
  return text + `${' '.repeat(depth)}leaf: 1\n`
}

export function hostileCorpus(): HostileCase[] {
  const manifestWith = (text: string) => ({ 'promote.yaml': BASE_CONFIG, [MANIFEST]: text })
  const configWith = (text: string) => ({ 'promote.yaml': text, [MANIFEST]: manifest() })
  return [
    {
      name: 'wide config: 1000 environments x 1000 workflows',
      files: configWith(wideConfig(1000)),
      refused: true
    },
    {
      name: 'wide config: 2000 environments x 2000 workflows',
      files: configWith(wideConfig(2000)),
      refused: true
    },
    {
      name: 'config nested 10,000 deep (flow)',
      files: configWith(`${BASE_CONFIG}x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`),
      refused: true
    },
    {
      name: 'config nested 1,400 deep (block)',
      files: configWith(BASE_CONFIG + deepBlock(1400)),
      refused: true
    },
    {
      name: 'config over the size cap (2 MiB)',
      files: configWith(`${BASE_CONFIG}# ${'x'.repeat(2 * 1024 * 1024)}\n`),
      refused: true
    },
    {
      name: 'config with 30,000 keys',
      files: configWith(
        `${BASE_CONFIG}extra:\n${Array.from({ length: 30_000 }, (_, i) => `  k${i}: ${i}`).join('\n')}\n`
      ),
      refused: true
    },
    {
      name: 'config with 10,000 duplicate keys',
      files: configWith(`${BASE_CONFIG}x:\n${'  a: 1\n'.repeat(10_000)}`),
      refused: true
    },
    {
      name: 'config with 5,000 wrong values',
      files: configWith(
        `${BASE_CONFIG.replace("  deploy: {command: 'true'}\n", '')}  deploy: {command: 'true'}\n${Array.from({ length: 5_000 }, (_, i) => `  w${i}: {timeout: forever}`).join('\n')}\n`
      ),
      refused: true
    },
    {
      name: 'billion laughs (aliases)',
      files: configWith(
        `${BASE_CONFIG}a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n`
      ),
      refused: true
    },
    {
      name: 'config that is not UTF-8',
      files: configWith(
        Buffer.from([...Buffer.from('project: h\n'), 0xc3, 0x28, 0x0a]) as unknown as string
      ),
      refused: true
    },
    {
      name: 'one 1 MiB line in a manifest',
      files: manifestWith(manifest(`  note: ${'y'.repeat(1024 * 1024)}\n`)),
      refused: false
    },
    {
      name: 'manifest with 60,000 feature statistics (3 MB)',
      files: manifestWith(wideManifest(8_000)),
      refused: false
    },
    {
      name: 'manifest nested 100,000 deep',
      files: manifestWith(manifest(`  x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`)),
      refused: true
    },
    {
      name: 'manifest over the size cap (17 MiB)',
      files: manifestWith(manifest(`# ${'z'.repeat(17 * 1024 * 1024)}\n`)),
      refused: true
    },
    {
      name: 'manifest with 50,000 duplicate keys',
      files: manifestWith(manifest(`  labels:\n${'    same: 1\n'.repeat(50_000)}`)),
      refused: true
    },
    {
      name: 'workflow commands and newlines injected in values',
      files: configWith(
        BASE_CONFIG.replace(
          'branch: staging',
          'branch: "::error file=README.md,line=1::INJECTED"'
        ) + 'description: "line\\n::warning::INJECTED"\n'
      ),
      refused: true
    },
    {
      name: 'git option as a branch name',
      files: configWith(BASE_CONFIG.replace('branch: staging', 'branch: "--output=pwned"')),
      refused: true
    },
    {
      name: 'manifest URI with a newline and a workflow command',
      files: manifestWith(
        manifest().replace(
          '  version: 2\n',
          '  version: 2\n  uri: "store://models/p/m\\n::error::INJECTED"\n'
        )
      ),
      refused: true
    }
  ]
}
