/**
 * One sticky comment per pull request and purpose, found again by a hidden HTML marker and
 * updated in place, so every push refreshes the report instead of adding another comment.
 */
import { COMMENT_MAX_CHARS, fitMarkdown } from '../../core/limits.js'
import { GitHubApiError, toGitHubApiError, type GitHubClient } from './client.js'

/**
 * The token may not write comments: a pull request from a fork (read-only GITHUB_TOKEN) or a job
 * without `pull-requests: write`. Callers report it (job summary) instead of failing the check.
 */
export class CommentPermissionError extends Error {
  constructor(
    message: string,
    readonly apiError: GitHubApiError
  ) {
    super(message, { cause: apiError })
    this.name = 'CommentPermissionError'
  }
}

export interface StickyComment {
  owner: string
  repo: string
  issueNumber: number
  /** Identifies the comment, e.g. 'promote-actions:lint-test'; written as an HTML comment. */
  marker: string
  /** Markdown; the marker is added on top. */
  body: string
  /** Where the whole report is, said at the end of a body cut to GitHub's comment limit. */
  overflowNotice?: string
}

export interface StickyCommentResult {
  id: number
  action: 'created' | 'updated'
  url: string
}

/** The hidden line that marks the comment: `<!-- promote-actions:lint-test -->`. */
export function markerLine(marker: string): string {
  const trimmed = marker.trim()
  if (/^<!--[\s\S]*-->$/.test(trimmed)) return trimmed
  if (!trimmed || trimmed.includes('--'))
    throw new Error(
      `invalid sticky comment marker '${marker}': use letters, digits, ':' or '-' without '--'`
    )
  return `<!-- ${trimmed} -->`
}

function isPermissionProblem(error: GitHubApiError): boolean {
  return error.status === 403 && !/rate limit/i.test(error.githubMessage)
}

function permissionError(error: GitHubApiError, issueNumber: number): CommentPermissionError {
  return new CommentPermissionError(
    `Could not write the comment on #${issueNumber}: ${error.githubMessage}. Pull requests from forks get a read-only GITHUB_TOKEN; otherwise grant the job \`permissions: { pull-requests: write }\`. The report is in the job summary.`,
    error
  )
}

export async function upsertStickyComment(
  client: GitHubClient,
  input: StickyComment
): Promise<StickyCommentResult> {
  const marker = markerLine(input.marker)
  // The marker opens the comment, so a comment that merely quotes it is never taken for ours.
  const body = fitMarkdown(
    `${marker}\n${input.body
      .split(marker)
      .join('')
      .replace(/^\s*\n/, '')}`,
    COMMENT_MAX_CHARS,
    input.overflowNotice ?? "This report was cut to fit GitHub's comment size limit."
  )
  const where = { owner: input.owner, repo: input.repo }
  let existing: { id: number; html_url: string } | undefined
  // Comments come oldest first; the first one carrying the marker is ours (later copies would be
  // from a race between two jobs, and updating the first keeps the thread's order).
  for await (const page of client.paginate.iterator(client.rest.issues.listComments, {
    ...where,
    issue_number: input.issueNumber,
    per_page: 100
  })) {
    existing = page.data.find(comment => comment.body?.startsWith(marker))
    if (existing) break
  }
  try {
    if (existing) {
      const { data } = await client.rest.issues.updateComment({
        ...where,
        comment_id: existing.id,
        body
      })
      return { id: data.id, action: 'updated', url: data.html_url }
    }
    const { data } = await client.rest.issues.createComment({
      ...where,
      issue_number: input.issueNumber,
      body
    })
    return { id: data.id, action: 'created', url: data.html_url }
  } catch (error) {
    const apiError =
      error instanceof GitHubApiError
        ? error
        : toGitHubApiError(
            error,
            existing ? 'PATCH' : 'POST',
            existing
              ? '/repos/{owner}/{repo}/issues/comments/{comment_id}'
              : '/repos/{owner}/{repo}/issues/{issue_number}/comments'
          )
    if (isPermissionProblem(apiError)) throw permissionError(apiError, input.issueNumber)
    throw apiError
  }
}
