// Every action.yml of the repository, checked against its code and its bundle.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { parse as parseYaml } from 'yaml'
import type * as z from '../../src/core/zod.js'
import { ENTRY_NAMES } from '../../src/bundle.js'
import { REPO_ROOT } from '../helpers/shared.js'
import {
  ACTION_NAMES,
  actionMetadataSchema,
  checkActionMetadata,
  rootActionSchema
} from './checker.js'

/** Every folder at the repository root holding an action.yml. */
const ACTION_DIRS = readdirSync(REPO_ROOT)
  .filter(name => !name.startsWith('.') && name !== 'node_modules')
  .filter(
    name =>
      statSync(join(REPO_ROOT, name)).isDirectory() &&
      existsSync(join(REPO_ROOT, name, 'action.yml'))
  )
  .sort()

/**
 * The bundle entry a file of dist/ starts when it is an entry stub as scripts/build.mjs writes
 * them (a few lines that import the shared bundle and call start() with a name it knows).
 */
function stubEntry(repoPath: string): string | undefined {
  const text = readFileSync(join(REPO_ROOT, repoPath), 'utf8')
  const started =
    /^import \{ start \} from '\.\.\/bundle\/index\.js'\nawait start\("([^"]+)"\)$/m.exec(text)
  const entry = started?.[1]
  return text.length < 512 && ENTRY_NAMES.includes(entry as never) ? entry : undefined
}

async function inputSchemaOf(
  name: string
): Promise<z.ZodMiniObject<Record<string, z.ZodMiniType>> | undefined> {
  const file = join(REPO_ROOT, 'src', 'actions', name, 'inputs.ts')
  if (!existsSync(file)) return undefined
  const module = (await import(pathToFileURL(file).href)) as {
    inputSchema?: z.ZodMiniObject<Record<string, z.ZodMiniType>>
  }
  return module.inputSchema
}

describe('the four actions', () => {
  it.each(ACTION_NAMES)('%s/action.yml exists', name => {
    expect(existsSync(join(REPO_ROOT, name, 'action.yml'))).toBe(true)
  })

  it('are the only actions below the root', () => {
    expect(ACTION_DIRS).toEqual([...ACTION_NAMES].sort())
  })
})

describe.each(ACTION_DIRS)('%s/action.yml', name => {
  it('is complete, points at its bundle and declares exactly the inputs its code parses, with the same defaults', async () => {
    const inputSchema = await inputSchemaOf(name)
    if (!inputSchema)
      throw new Error(
        `src/actions/${name}/inputs.ts must export inputSchema (a zod object of the action.yml inputs)`
      )
    const text = readFileSync(join(REPO_ROOT, name, 'action.yml'), 'utf8')
    expect(
      checkActionMetadata(text, {
        name,
        exists: path => existsSync(join(REPO_ROOT, path)),
        stubEntry,
        inputSchema
      })
    ).toEqual([])
  })

  it('has a README', () => {
    expect(existsSync(join(REPO_ROOT, name, 'README.md'))).toBe(true)
  })
})

describe('all actions', () => {
  it('use the same runtime', () => {
    const runtimes = new Set(
      ACTION_DIRS.map(
        name =>
          actionMetadataSchema.shape.runs.shape.using.safeParse(
            (
              parseYaml(readFileSync(join(REPO_ROOT, name, 'action.yml'), 'utf8')) as {
                runs?: { using?: unknown }
              }
            )?.runs?.using
          ).data ?? 'invalid'
      )
    )
    expect([...runtimes]).toEqual(['node24'])
  })
})

describe('the root action.yml', () => {
  const text = readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')

  it('is a valid composite action with branding', () => {
    const result = rootActionSchema.safeParse(parseYaml(text))
    expect(result.error?.issues ?? []).toEqual([])
  })

  it('fails with an error naming all four sub-actions', () => {
    const root = rootActionSchema.parse(parseYaml(text))
    let status = 0
    let stdout = ''
    try {
      execFileSync('bash', ['-e', '-c', root.runs.steps[0]!.run], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe']
      })
    } catch (error) {
      status = (error as { status: number }).status
      stdout = (error as { stdout: string }).stdout
    }
    expect(status).toBe(1)
    expect(stdout).toMatch(/^::error title=[^:]+::/)
    for (const name of ACTION_NAMES)
      expect(stdout).toContain(`promote-actions/promote-actions/${name}@v1`)
  })
})
