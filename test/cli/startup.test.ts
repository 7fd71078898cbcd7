/**
 * `promote --version` and `--help` load the command registry only: the static imports reachable
 * from the CLI's entry are its own light files and node built-ins. zod, yaml, the adapters and the
 * use cases are imported by a command's run (dynamic import), so each command loads what it uses.
 * A static `import ... from '../../app/...'` at the top of a command file fails this test.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { REPO_ROOT } from '../helpers/shared.js'

/** The module specifiers a file imports statically at run time (type-only imports excluded). */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  const specifiers: string[] = []
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause
      if (clause?.isTypeOnly) continue
      const bindings = clause?.namedBindings
      const onlyTypes =
        clause &&
        !clause.name &&
        bindings &&
        ts.isNamedImports(bindings) &&
        bindings.elements.length > 0 &&
        bindings.elements.every(element => element.isTypeOnly)
      if (!onlyTypes) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text)
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      !statement.isTypeOnly
    ) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text)
    }
  }
  return specifiers
}

/** Every module the entry loads before any command runs, as repo paths or package names. */
function startupGraph(entry: string): Set<string> {
  const seen = new Set<string>()
  const files = [entry]
  while (files.length) {
    const file = files.pop()!
    for (const specifier of staticImports(file)) {
      if (!specifier.startsWith('.')) {
        seen.add(specifier)
        continue
      }
      const target = resolve(dirname(file), specifier).replace(/\.js$/, '.ts')
      const name = relative(REPO_ROOT, target)
      if (seen.has(name)) continue
      seen.add(name)
      if (!existsSync(target)) throw new Error(`${file} imports ${specifier}: no ${target}`)
      files.push(target)
    }
  }
  return seen
}

describe('CLI start-up', () => {
  it('loads only the command registry and node built-ins before a command runs', () => {
    const graph = startupGraph(join(REPO_ROOT, 'src', 'cli', 'index.ts'))
    // The secret scrubber wraps stdout and stderr from the start; it imports nothing.
    const light = (name: string) =>
      name.startsWith('node:') ||
      /^src\/cli\/(commands\/)?[a-z-]+\.ts$/.test(name) ||
      name === 'src/core/secrets.ts'
    const heavy = [...graph].filter(name => !light(name))
    expect(heavy).toEqual([])
    // The registry is there, the command bodies' modules are not.
    expect(graph).toContain('src/cli/commands/index.ts')
    for (const loadedLater of ['src/cli/local.ts', 'src/cli/log.ts', 'src/cli/demo.ts'])
      expect(graph).not.toContain(loadedLater)
  })

  it('sees a static import when there is one (the walk itself works)', () => {
    const graph = startupGraph(join(REPO_ROOT, 'src', 'cli', 'local.ts'))
    expect(graph).toContain('js-yaml')
    expect(graph).toContain('src/core/config/load.ts')
  })
})
