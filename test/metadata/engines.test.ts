// package.json's `engines` tells the truth: every runtime dependency in the lockfile (what the
// bundles and the CLI ship) runs on the oldest Node it allows, and every action runs on a Node at
// least that new. content-type@3 (via @actions/github -> @octokit/request@10) asks for node >=22.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse as parseYaml } from 'yaml'
import { REPO_ROOT } from '../helpers/shared.js'
import { ACTION_NAMES } from './checker.js'

// semver comes with the dev tooling (npm's own range rules); not a dependency of ours.
const semver = createRequire(import.meta.url)('semver') as {
  minVersion(range: string): { version: string } | null
  satisfies(version: string, range: string): boolean
}

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string }
}
const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean; engines?: { node?: string } }>
}
const oldestNode = semver.minVersion(pkg.engines.node)!.version

describe('engines', () => {
  it('allows no Node older than 22 (Node 20 reached its end of life in April 2026)', () => {
    expect(semver.satisfies('20.19.0', pkg.engines.node)).toBe(false)
    expect(semver.satisfies('22.12.0', pkg.engines.node)).toBe(true)
    expect(semver.satisfies('24.0.0', pkg.engines.node)).toBe(true)
  })

  it('every runtime dependency runs on the oldest Node engines allows', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !entry.dev && entry.engines?.node)
      .filter(([, entry]) => !semver.satisfies(oldestNode, entry.engines!.node!))
      .map(([path, entry]) => `${path}@${entry.version} wants node ${entry.engines!.node}`)
    expect(refusing).toEqual([])
  })

  it.each(ACTION_NAMES)('%s runs on a Node engines allows', name => {
    const metadata = parseYaml(readFileSync(join(REPO_ROOT, name, 'action.yml'), 'utf8')) as {
      runs: { using: string }
    }
    const major = /^node(\d+)$/.exec(metadata.runs.using)?.[1]
    expect(major).toBeDefined()
    expect(semver.satisfies(`${major}.99.0`, pkg.engines.node)).toBe(true)
  })
})
