// scripts/release.mjs, as release.yml runs it, in a throwaway git repository with a bare "origin":
// tags vX.Y.Z, moves the major tag, pushes both, and refuses every unsafe release before tagging.
import { spawnSync, execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { REPO_ROOT } from '../helpers/shared.js'

const RELEASE_SCRIPT = join(REPO_ROOT, 'scripts', 'release.mjs')
// The stand-in build: dist/value.txt is src/value.txt, as ncc's bundle is the source.
const BUILD = 'node build.mjs'

const CHANGELOG = `# Changelog

## [Unreleased]

## [1.1.0] - 2026-12-06

### Added

- Second feature.

## [1.0.0] - 2026-12-05

### Added

- First release.

[1.1.0]: https://example.test/compare/v1.0.0...v1.1.0
`

let dir: string
let repo: string
let remote: string

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim()

function writePackage(version: string) {
  writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'x', version }) + '\n')
}

function commitAll(message: string) {
  git(repo, 'add', '-A')
  git(repo, 'commit', '--quiet', '-m', message)
  return git(repo, 'rev-parse', 'HEAD')
}

/** A commit whose dist/ is what the build makes of its src/. */
function commitRelease(version: string, value: string) {
  writePackage(version)
  writeFileSync(join(repo, 'src', 'value.txt'), value)
  writeFileSync(join(repo, 'dist', 'value.txt'), value)
  return commitAll(`release ${version}`)
}

function release(...args: string[]) {
  const result = spawnSync(process.execPath, [RELEASE_SCRIPT, '--build', BUILD, ...args], {
    cwd: repo,
    encoding: 'utf8'
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** tag -> commit, in the local repository or in the remote. */
function tags(where: string): Record<string, string> {
  const out = git(where, 'for-each-ref', '--format=%(refname:short) %(*objectname)', 'refs/tags')
  return Object.fromEntries(
    out
      .split('\n')
      .filter(Boolean)
      .map(line => line.split(' ') as [string, string])
  )
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'promote-release-'))
  repo = join(dir, 'repo')
  remote = join(dir, 'remote.git')
  execFileSync('git', ['init', '--quiet', '--bare', remote])
  execFileSync('git', ['init', '--quiet', '-b', 'main', repo])
  for (const [key, value] of [
    ['user.name', 'release test'],
    ['user.email', 'release@example.test'],
    ['commit.gpgSign', 'false'],
    ['tag.gpgSign', 'false']
  ])
    git(repo, 'config', key!, value!)
  git(repo, 'remote', 'add', 'origin', remote)
  mkdirSync(join(repo, 'src'))
  mkdirSync(join(repo, 'dist'))
  writeFileSync(
    join(repo, 'build.mjs'),
    "import { copyFileSync } from 'node:fs'\ncopyFileSync('src/value.txt', 'dist/value.txt')\n"
  )
  writeFileSync(join(repo, 'CHANGELOG.md'), CHANGELOG)
})

afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('release.mjs', () => {
  it('tags vX.Y.Z with its CHANGELOG section, points v1 at it, and pushes both', () => {
    const head = commitRelease('1.0.0', 'one')
    const result = release('--version', '1.0.0', '--notes-out', join(dir, 'notes.md'))
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(tags(repo)).toEqual({ v1: head, 'v1.0.0': head })
    expect(tags(remote)).toEqual({ v1: head, 'v1.0.0': head })
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toBe('### Added\n\n- First release.\n')
    expect(git(repo, 'tag', '-l', '--format=%(contents)', 'v1.0.0')).toContain('- First release.')
  })

  it('moves v1 to the next minor release and leaves the older tag where it was', () => {
    const first = commitRelease('1.0.0', 'one')
    expect(release('--version', '1.0.0').status).toBe(0)
    const second = commitRelease('1.1.0', 'two')
    const result = release('--version', 'v1.1.0')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain(`move v1 from ${first.slice(0, 12)} to HEAD`)
    expect(tags(remote)).toEqual({ v1: second, 'v1.0.0': first, 'v1.1.0': second })
  })

  it('accepts a vX.Y.Z tag already on HEAD (the tag-push trigger) and moves v1 to it', () => {
    const head = commitRelease('1.0.0', 'one')
    git(repo, 'tag', '-a', 'v1.0.0', '-m', 'pushed by hand')
    const result = release('--version', '1.0.0')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('v1.0.0 is already on HEAD')
    expect(tags(remote)).toEqual({ v1: head, 'v1.0.0': head })
  })

  it('--dry-run checks everything, prints the plan and notes, and creates nothing', () => {
    commitRelease('1.0.0', 'one')
    const result = release('--version', '1.0.0', '--dry-run')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('Dry run, would tag v1.0.0 on HEAD')
    expect(result.stdout).toContain('- First release.')
    expect(tags(repo)).toEqual({})
    expect(tags(remote)).toEqual({})
  })

  it('refuses a dist/ the build changes (a source change committed without its bundle)', () => {
    commitRelease('1.0.0', 'one')
    writeFileSync(join(repo, 'src', 'value.txt'), 'changed')
    commitAll('source only')
    const result = release('--version', '1.0.0', '--dry-run')
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('dist/ is stale')
    expect(result.stderr).toContain('dist/value.txt')
    expect(tags(repo)).toEqual({})
  })

  it('refuses a dist/ missing a chunk the build adds, or keeping one it no longer makes', () => {
    // The shared bundle's chunk files come and go with the code, and the build rewrites dist/
    // whole: a missing chunk and a left-over one both count as stale.
    commitRelease('1.0.0', 'one')
    writeFileSync(
      join(repo, 'build.mjs'),
      "import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'\n" +
        "rmSync('dist', { recursive: true, force: true })\n" +
        "mkdirSync('dist')\n" +
        "copyFileSync('src/value.txt', 'dist/value.txt')\n" +
        "writeFileSync('dist/123.index.js', 'export const id = 123\\n')\n"
    )
    commitAll('the build now emits a chunk; dist/ not rebuilt')
    const added = release('--version', '1.0.0', '--dry-run')
    expect(added.status).toBe(1)
    expect(added.stderr).toContain('dist/ is stale')
    expect(added.stderr).toContain('dist/123.index.js')

    // Rebuilt and committed: fresh. Then a chunk no build makes any more is committed.
    commitAll('dist/ rebuilt')
    expect(release('--version', '1.0.0', '--dry-run').status).toBe(0)
    writeFileSync(join(repo, 'dist', '456.index.js'), 'export const id = 456\n')
    commitAll('a chunk of an older build left in dist/')
    const left = release('--version', '1.0.0', '--dry-run')
    expect(left.status).toBe(1)
    expect(left.stderr).toContain('dist/456.index.js')
    expect(tags(repo)).toEqual({})
  })

  it('refuses a version without its section in CHANGELOG.md', () => {
    commitRelease('1.2.0', 'one')
    const result = release('--version', '1.2.0')
    expect(result.status).toBe(1)
    expect(result.stderr).toContain("CHANGELOG.md has no section '## [1.2.0]'")
    expect(tags(repo)).toEqual({})
  })

  it('refuses to move v1 backwards (1.0.1 after 1.1.0)', () => {
    commitRelease('1.1.0', 'two')
    expect(release('--version', '1.1.0').status).toBe(0)
    writeFileSync(
      join(repo, 'CHANGELOG.md'),
      CHANGELOG.replace('## [1.0.0]', '## [1.0.1] - 2026-12-07\n\n- Hotfix.\n\n## [1.0.0]')
    )
    const v110 = tags(repo)['v1.1.0']
    commitRelease('1.0.1', 'three')
    const result = release('--version', '1.0.1')
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('v1 follows v1.1.0, newer than 1.0.1')
    expect(tags(remote)).toEqual({ v1: v110, 'v1.1.0': v110 })
  })

  it.each([
    ['a version that is not X.Y.Z', ['--version', '1.0'], "version '1.0' is not X.Y.Z"],
    ['a package.json of another version', ['--version', '1.1.0'], 'package.json says version 1.0.0']
  ])('refuses %s', (_, args, message) => {
    commitRelease('1.0.0', 'one')
    const result = release(...args)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(message)
  })

  it('refuses uncommitted changes and a tag already on another commit', () => {
    commitRelease('1.0.0', 'one')
    git(repo, 'tag', 'v1.0.0')
    writeFileSync(join(repo, 'README.md'), 'later\n')
    expect(release('--version', '1.0.0').stderr).toContain('uncommitted changes')
    commitAll('later')
    expect(release('--version', '1.0.0').stderr).toContain('tag v1.0.0 already exists on')
  })
})
