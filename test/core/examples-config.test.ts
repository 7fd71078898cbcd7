import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { loadConfig } from '../../src/core/config/load.js'
import { REPO_ROOT } from '../helpers/shared.js'

function configFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    if (name === 'node_modules' || name.startsWith('.')) return []
    if (statSync(path).isDirectory()) return configFiles(path)
    return name === 'promote.yaml' ? [relative(REPO_ROOT, path)] : []
  })
}

const EXAMPLES = configFiles(join(REPO_ROOT, 'examples'))

describe('example configurations', () => {
  it('exist', () => {
    expect(EXAMPLES.length).toBeGreaterThan(0)
  })

  it.each(EXAMPLES)('%s is a valid promote.yaml', async file => {
    const config = await loadConfig(join(REPO_ROOT, file))
    expect(Object.keys(config.environments).length).toBeGreaterThan(0)
  })
})
