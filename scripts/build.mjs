// Bundles each action (and the CLI) with ncc into dist/<name>/, as the runner loads them.
// Usage: node scripts/build.mjs [name ...]   (no names: all of them)
import { execFileSync } from 'node:child_process'
import { rmSync, existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const ACTIONS = ['submit-train', 'submit-deploy', 'lint-test', 'notify']
const ENTRIES = Object.fromEntries([
  ...ACTIONS.map(name => [name, `src/actions/${name}/index.ts`]),
  ['cli', 'src/cli/index.ts']
])

const requested = process.argv.slice(2)
for (const name of requested) {
  if (!(name in ENTRIES)) {
    console.error(`unknown bundle '${name}'; known: ${Object.keys(ENTRIES).join(', ')}`)
    process.exit(2)
  }
}
const names = requested.length > 0 ? requested : Object.keys(ENTRIES)
const ncc = join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

for (const name of names) {
  const out = join('dist', name)
  rmSync(out, { recursive: true, force: true })
  execFileSync(
    process.execPath,
    [
      ncc,
      'build',
      ENTRIES[name],
      '-o',
      out,
      '--source-map',
      '--license',
      'licenses.txt',
      '--transpile-only',
      '--quiet'
    ],
    { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } }
  )
  const size = statSync(join(out, 'index.js')).size
  console.log(`dist/${name}/index.js  ${(size / 1024).toFixed(0)} KiB`)
}

// A bundle left behind by a removed entry would go stale silently.
if (requested.length === 0 && existsSync('dist')) {
  for (const dir of readdirSync('dist')) {
    if (!(dir in ENTRIES)) rmSync(join('dist', dir), { recursive: true, force: true })
  }
}
