// Runs an action's TypeScript entry the way @github/local-action 7 does (src/commands/run.ts of
// the npm package): the .env file is loaded over the environment (dotenv, override: true), an
// input left empty takes its action.yml default as written (`${{ github.token }}` stays literal),
// the entrypoint is imported and must export an async run(), which is awaited, then the --post
// entrypoint's run(). local-action swaps @actions/core for its stubs; here the real @actions/core
// writes the runner's files instead, and the saved state reaches the post step as STATE_<name>
// variables, as on the runner. A run() that throws escapes with its stack, as under local-action.
//
//   tsx harness.ts <action dir> <entry.ts> <.env file> [<post.ts>]
//   LOCAL_ACTION_OVERRIDES='{"GITHUB_WORKSPACE": "..."}' (applied after the .env file)
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { parseCommandFile } from '../helpers/run-dist.js'
import { parseDotenv } from './dotenv.js'

const [actionDir, entry, envFile, postEntry] = process.argv.slice(2)
if (!actionDir || !entry || !envFile)
  throw new Error('usage: harness <action dir> <entry> <.env> [post]')

Object.assign(process.env, parseDotenv(readFileSync(envFile, 'utf8')))
Object.assign(process.env, JSON.parse(process.env.LOCAL_ACTION_OVERRIDES ?? '{}'))

const metadata = parseYaml(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as {
  inputs?: Record<string, { default?: unknown }>
}
for (const [name, input] of Object.entries(metadata.inputs ?? {})) {
  const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
  if (!process.env[key] && input.default !== undefined) process.env[key] = String(input.default)
}

const files = mkdtempSync(join(tmpdir(), 'local-action-files-'))
const fresh = (name: string) => {
  const file = join(files, name)
  writeFileSync(file, '')
  return file
}

async function step(file: string, label: string): Promise<Record<string, string>> {
  process.env.GITHUB_OUTPUT = fresh(`${label}-output`)
  process.env.GITHUB_STATE = fresh(`${label}-state`)
  process.env.GITHUB_ENV = fresh(`${label}-env`)
  const module = (await import(pathToFileURL(resolve(actionDir!, file)).href)) as {
    run?: unknown
  }
  if (typeof module.run !== 'function')
    throw new Error(`Entrypoint ${file} does not export a run() function`)
  await (module.run as () => Promise<void>)()
  return parseCommandFile(readFileSync(process.env.GITHUB_OUTPUT, 'utf8'))
}

const outputs = await step(entry, 'main')
if (postEntry) {
  const state = parseCommandFile(readFileSync(process.env.GITHUB_STATE!, 'utf8'))
  for (const [name, value] of Object.entries(state)) process.env[`STATE_${name}`] = value
  await step(postEntry, 'post')
}
console.log(`LOCAL_ACTION_RESULT ${JSON.stringify({ exitCode: process.exitCode ?? 0, outputs })}`)
