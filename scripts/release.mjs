// Releases vX.Y.Z of the suite and moves its major tag (v1), as .github/workflows/release.yml runs it.
//
//   node scripts/release.mjs --version 1.2.0 [--dry-run] [--remote origin] [--notes-out notes.md]
//                            [--build "npm run build && npm run schema"] [--no-push]
//
// Refuses, before it tags anything: a version that is not X.Y.Z, a dirty working tree, a
// package.json of another version, a version without its `## [X.Y.Z]` section in CHANGELOG.md, a
// dist/ (or schema) that the build changes, a tag vX.Y.Z already on another commit, and a major
// tag that would move backwards (v1 on v1.3.0 refuses 1.2.1). Then it tags HEAD vX.Y.Z
// (annotated, with the CHANGELOG section), moves vN to HEAD, and pushes both to the remote.
// --dry-run does every check and prints the plan, and creates and pushes nothing.
// The GitHub release itself is created by the workflow from --notes-out (gh release create).
import { execFileSync, execSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'

const DEFAULT_BUILD = 'npm run build && npm run schema'

class ReleaseError extends Error {}

function parseArgs(argv) {
  const options = { dryRun: false, push: true, remote: 'origin', build: DEFAULT_BUILD }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      const next = argv[++i]
      if (next === undefined) throw new ReleaseError(`${arg} needs a value`)
      return next
    }
    if (arg === '--version') options.version = value().replace(/^v/, '')
    else if (arg === '--dry-run') options.dryRun = true
    else if (arg === '--no-push') options.push = false
    else if (arg === '--remote') options.remote = value()
    else if (arg === '--build') options.build = value()
    else if (arg === '--notes-out') options.notesOut = value()
    else throw new ReleaseError(`unknown argument '${arg}'`)
  }
  if (!options.version) throw new ReleaseError('--version X.Y.Z is required')
  return options
}

const git = (...args) =>
  execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
const gitMaybe = (...args) => {
  try {
    return git(...args)
  } catch {
    return undefined
  }
}

/** [major, minor, patch] of X.Y.Z (no pre-release: only stable versions move the major tag). */
function parseVersion(text) {
  const match = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(text)
  return match ? match.slice(1).map(Number) : undefined
}

const compareVersions = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]

/** The body of `## [X.Y.Z]` (Keep a Changelog) up to the next `## ` heading. */
function changelogSection(changelog, version) {
  const lines = changelog.split(/\r?\n/)
  const escaped = version.replace(/\./g, '\\.')
  const start = lines.findIndex(line => new RegExp(`^## \\[?v?${escaped}\\]?(\\s|$)`).test(line))
  if (start < 0) return undefined
  const rest = lines.slice(start + 1)
  const end = rest.findIndex(line => /^## /.test(line))
  const body = (end < 0 ? rest : rest.slice(0, end))
    .filter(line => !/^\[[^\]]+\]:\s/.test(line))
    .join('\n')
    .trim()
  return body || undefined
}

/** The newest vMAJOR.x.y tag, as [major, minor, patch], if any. */
function newestOfMajor(major) {
  const tags = git('tag', '--list', `v${major}.*`)
    .split('\n')
    .map(tag => parseVersion(tag.replace(/^v/, '')))
    .filter(version => version && version[0] === major)
  return tags.sort(compareVersions).at(-1)
}

function release(options) {
  const version = parseVersion(options.version)
  if (!version) throw new ReleaseError(`version '${options.version}' is not X.Y.Z`)
  const tag = `v${options.version}`
  const majorTag = `v${version[0]}`

  if (git('status', '--porcelain')) {
    throw new ReleaseError('the working tree has uncommitted changes: commit or stash them first')
  }
  const head = git('rev-parse', 'HEAD')

  const packageVersion = JSON.parse(readFileSync('package.json', 'utf8')).version
  if (packageVersion !== options.version) {
    throw new ReleaseError(
      `package.json says version ${packageVersion}, not ${options.version}: bump it (npm version ${options.version} --no-git-tag-version) and commit`
    )
  }

  let changelog
  try {
    changelog = readFileSync('CHANGELOG.md', 'utf8')
  } catch {
    throw new ReleaseError('CHANGELOG.md is missing')
  }
  const notes = changelogSection(changelog, options.version)
  if (!notes) {
    throw new ReleaseError(
      `CHANGELOG.md has no section '## [${options.version}]' with content: move the Unreleased entries under it`
    )
  }

  console.log(`Rebuilding to check dist/ is fresh: ${options.build}`)
  execSync(options.build, { stdio: ['ignore', 'inherit', 'inherit'] })
  const stale = git('status', '--porcelain')
  if (stale) {
    throw new ReleaseError(
      `the build changed committed files, so dist/ is stale: run '${options.build}' and commit the result\n${stale}`
    )
  }

  const existing = gitMaybe('rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`)
  if (existing && existing !== head) {
    throw new ReleaseError(`tag ${tag} already exists on ${existing.slice(0, 12)}, not on HEAD`)
  }

  const newest = newestOfMajor(version[0])
  if (newest && compareVersions(version, newest) < 0) {
    throw new ReleaseError(
      `${majorTag} follows v${newest.join('.')}, newer than ${options.version}: refusing to move ${majorTag} backwards`
    )
  }
  const majorAt = gitMaybe('rev-parse', '--verify', '--quiet', `refs/tags/${majorTag}^{commit}`)

  if (options.notesOut) writeFileSync(options.notesOut, `${notes}\n`)
  const plan = [
    existing
      ? `${tag} is already on HEAD ${head.slice(0, 12)}`
      : `tag ${tag} on HEAD ${head.slice(0, 12)}`,
    majorAt === head
      ? `${majorTag} is already on HEAD`
      : `move ${majorTag} ${majorAt ? `from ${majorAt.slice(0, 12)} ` : ''}to HEAD`,
    options.push ? `push ${tag} and ${majorTag} to ${options.remote}` : 'push nothing (--no-push)'
  ]
  console.log(`${options.dryRun ? 'Dry run, would ' : 'Release: '}${plan.join('; ')}`)
  console.log(`\nRelease notes for ${tag}:\n${notes}\n`)
  if (options.dryRun) return

  if (!existing) git('tag', '--annotate', tag, '--message', `${tag}\n\n${notes}`, head)
  git('tag', '--force', '--annotate', majorTag, '--message', `${majorTag}: ${tag}`, head)
  if (options.push) {
    git('push', options.remote, `refs/tags/${tag}`)
    git('push', '--force', options.remote, `refs/tags/${majorTag}`)
  }
  console.log(`Released ${tag}; ${majorTag} now marks it`)
}

try {
  release(parseArgs(process.argv.slice(2)))
} catch (error) {
  if (error instanceof ReleaseError) {
    console.error(`release: ${error.message}`)
    process.exit(1)
  }
  throw error
}
