// Syntax-checks every script (node --check) and refuses stray debugging statements: a lint that
// needs nothing but Node.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const files = []
const walk = dir => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walk(path)
    else if (name.endsWith('.mjs')) files.push(path)
  }
}
for (const dir of ['src', 'tests', 'scripts']) walk(dir)

let problems = 0
// One `node --check` per file, all at once: the syntax check of the real parser, quickly.
const checks = await Promise.all(
  files.map(file =>
    promisify(execFile)(process.execPath, ['--check', file]).then(
      () => undefined,
      error => `${file}: ${error.stderr.toString().trim()}`
    )
  )
)
for (const failure of checks.filter(Boolean)) {
  problems++
  console.error(failure)
}
for (const file of files) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (/^\s*debugger\b/.test(line)) {
        problems++
        console.error(`${file}:${i + 1}: remove the debugger statement`)
      }
    })
}
console.log(`lint: ${files.length} files, ${problems} problem${problems === 1 ? '' : 's'}`)
process.exit(problems ? 1 : 0)
