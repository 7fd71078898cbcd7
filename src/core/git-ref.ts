/**
 * Branch names as git accepts them (`git check-ref-format --branch`, rules from
 * git's refs.c `check_refname_component` and Documentation/git-check-ref-format.txt).
 * A branch name reaches `git show`/`git fetch` as an argument, so one that starts with '-'
 * would be read as an option: refusing it here is the first of two guards (the second is
 * `--end-of-options` where the name is passed).
 */
// Control characters are exactly what git forbids here, so the regex names them.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[\x00-\x20\x7f~^:?*[\\]/

/** Why `name` is not a valid branch name, or undefined when it is one. */
export function branchNameProblem(name: string): string | undefined {
  if (name === '') return 'must not be empty'
  if (name.startsWith('-')) return "must not start with '-' (git would read it as an option)"
  if (name === '@') return "must not be '@'"
  if (FORBIDDEN_CHARACTERS.test(name))
    return 'must not contain spaces, control characters or any of ~ ^ : ? * [ \\'
  if (name.includes('..')) return "must not contain '..'"
  if (name.includes('@{')) return "must not contain '@{'"
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
    return "must not start or end with '/' or contain '//'"
  if (name.endsWith('.')) return "must not end with '.'"
  for (const component of name.split('/')) {
    if (component.startsWith('.')) return "no part between slashes may start with '.'"
    if (component.endsWith('.lock')) return "no part between slashes may end with '.lock'"
  }
  return undefined
}
