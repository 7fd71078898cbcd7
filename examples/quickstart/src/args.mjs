// Arguments as the `command` orchestrator passes them: the whole map as JSON in
// PROMOTE_ARGUMENTS, and each one as PROMOTE_ARG_<NAME>. Flags (--seed 3, --epochs=5) win, so the
// scripts also run by hand.
import { realpathSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

function parseValue(text) {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export function readArguments(env = process.env, argv = process.argv.slice(2)) {
  const args = {}
  if (env.PROMOTE_ARGUMENTS) {
    let parsed
    try {
      parsed = JSON.parse(env.PROMOTE_ARGUMENTS)
    } catch (error) {
      throw new Error(`PROMOTE_ARGUMENTS is not JSON: ${error.message}`)
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error('PROMOTE_ARGUMENTS must be a JSON object')
    }
    Object.assign(args, parsed)
  } else {
    for (const [key, value] of Object.entries(env)) {
      if (key.startsWith('PROMOTE_ARG_') && value !== undefined) {
        args[key.slice('PROMOTE_ARG_'.length).toLowerCase()] = parseValue(value)
      }
    }
  }
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z][a-z0-9_-]*)(?:=(.*))?$/i.exec(argv[i])
    if (!match) throw new Error(`unexpected argument '${argv[i]}' (use --name value)`)
    const name = match[1].replace(/-/g, '_')
    const value = match[2] ?? argv[++i]
    if (value === undefined) throw new Error(`--${match[1]} needs a value`)
    args[name] = parseValue(value)
  }
  return args
}

/** Writes the step's results where the orchestrator reads them (PROMOTE_RESULTS_FILE), if it asked. */
export function writeResults(results, env = process.env) {
  if (env.PROMOTE_RESULTS_FILE)
    writeFileSync(env.PROMOTE_RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`)
}

/** Runs a script's main(), printing a one-line error (no stack) and exiting 1 on failure. */
export function runMain(main) {
  main().then(
    code => process.exit(code ?? 0),
    error => {
      console.error(`error: ${error.message}`)
      if (process.env.PROMOTE_DEBUG) console.error(error.stack)
      process.exit(1)
    }
  )
}

/**
 * True when the module at `url` is the script node was started with. Compared as resolved file
 * URLs: paths with spaces are escaped in URLs, and ESM resolves symlinks (macOS /tmp, /var).
 */
export function isMain(url) {
  if (process.argv[1] === undefined) return false
  try {
    return url === pathToFileURL(realpathSync(process.argv[1])).href
  } catch {
    return false
  }
}
