/**
 * The one way this project talks to GitHub's REST API: @actions/github's octokit, plus retries
 * where they are safe and errors that name the endpoint and the likely fix (never the token).
 */
import type { getOctokit } from '@actions/github'
import { loadHttpClient } from '../http-client-deferred.js'
import {
  backoffDelay,
  DEFAULT_RETRY,
  parseRetryAfter,
  realSleep,
  type RetryPolicy,
  type Sleep
} from '../http.js'
import { secrets } from '../../core/secrets.js'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface GitHubClientOptions {
  /** REST API root; GitHub Enterprise Server and tests set GITHUB_API_URL. */
  baseUrl?: string
  retry?: Partial<RetryPolicy>
  sleep?: Sleep
  /** Longest wait for a rate limit to reset before giving up. */
  maxRateLimitWaitMs?: number
  /** Per-attempt timeout; a request that hangs longer counts as a network failure. */
  timeoutMs?: number
  /** Told about each retry (e.g. runnerLog.warning). */
  onRetry?: (message: string) => void
}

/** A GitHub API call that failed, with the endpoint, the status and what to do about it. */
export class GitHubApiError extends Error {
  constructor(
    message: string,
    /** HTTP status; undefined when GitHub was never reached. */
    readonly status: number | undefined,
    /** e.g. "POST /repos/{owner}/{repo}/deployments". */
    readonly endpoint: string,
    /** GitHub's own message ("Resource not accessible by integration"). */
    readonly githubMessage: string,
    /** True when the request may have been applied although it failed (a POST that timed out). */
    readonly ambiguous = false
  ) {
    super(message)
    this.name = 'GitHubApiError'
  }
}

interface OctokitLikeError {
  status?: number
  message?: string
  response?: {
    status: number
    headers: Record<string, string | number | undefined>
    data?: unknown
  }
  cause?: unknown
  name?: string
}

interface EndpointOptions {
  method?: string
  url?: string
  [key: string]: unknown
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'])
const CONNECTION_NEVER_MADE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH'
])

/**
 * The job permission an endpoint needs with the workflow's GITHUB_TOKEN, for the 403 hint.
 * Reads need read, anything else write.
 */
export function permissionFor(method: string, route: string): string | undefined {
  const access = method.toUpperCase() === 'GET' ? 'read' : 'write'
  if (/\/deployments/.test(route)) return `deployments: ${access}`
  if (/\/actions\//.test(route)) return `actions: read`
  // Environments and their protection rules: GitHub's REST docs ("Get an environment", "List
  // environments", "Get all deployment protection rules") ask fine-grained tokens for the
  // "Actions" repository permission (read), i.e. `actions: read` for GITHUB_TOKEN, not contents.
  if (/\/environments/.test(route) && access === 'read') return `actions: read`
  if (/\/pulls/.test(route)) return `pull-requests: ${access}`
  if (/\/issues\//.test(route))
    return `pull-requests: ${access}` + (access === 'write' ? ' (or issues: write on issues)' : '')
  if (/\/(contents|commits|git|branches)/.test(route)) return `contents: ${access}`
  return undefined
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

function headerValue(
  headers: Record<string, string | number | undefined> | undefined,
  name: string
): string | undefined {
  const value = headers?.[name]
  return value === undefined ? undefined : String(value)
}

/**
 * GitHub states what a fine-grained token or App needs in X-Accepted-GitHub-Permissions
 * ("issues=write; pull_requests=write"): in workflow syntax, "issues: write or pull-requests: write".
 */
export function acceptedPermissions(header: string | undefined): string | undefined {
  if (!header) return undefined
  const sets = header
    .split(';')
    .map(set =>
      set
        .split(',')
        .map(pair => pair.trim())
        .filter(Boolean)
        .map(pair => {
          const [name = '', level = ''] = pair.split('=')
          return `${name.trim().replace(/_/g, '-')}: ${level.trim()}`
        })
        .join(', ')
    )
    .filter(Boolean)
  return sets.length > 0 ? sets.join(' or ') : undefined
}

/** GitHub's message without the " - https://docs..." suffix octokit appends. */
function githubMessageOf(error: OctokitLikeError): string {
  const data = error.response?.data as { message?: unknown; errors?: unknown } | undefined
  if (data && typeof data.message === 'string') {
    const details = Array.isArray(data.errors)
      ? data.errors
          .map(e =>
            typeof e === 'string' ? e : ((e as { message?: string }).message ?? JSON.stringify(e))
          )
          .join('; ')
      : ''
    return details ? `${data.message}: ${details}` : data.message
  }
  return (error.message ?? 'unknown error').replace(/ - https:\/\/docs\.github\.com\S*$/, '')
}

function hintFor(
  status: number | undefined,
  method: string,
  route: string,
  message: string,
  accepted?: string
): string {
  const permission = accepted ?? permissionFor(method, route)
  switch (status) {
    case undefined:
      return 'GitHub could not be reached: check the network, and GITHUB_API_URL on GitHub Enterprise Server.'
    case 401:
      return 'The token is missing, invalid or expired: pass a valid github-token (the workflow’s GITHUB_TOKEN or a token with access to this repository).'
    case 403:
      if (/rate limit/i.test(message))
        return 'GitHub’s rate limit was exceeded: retry later or use a token with a higher limit.'
      if (/not permitted to create or approve pull requests/i.test(message)) {
        return 'Allow it under Settings > Actions > General > "Allow GitHub Actions to create and approve pull requests", or pass a token of a user or GitHub App.'
      }
      return [
        permission
          ? `The token lacks the permission this needs: add \`permissions: { ${permission} }\` to the job.`
          : 'The token lacks the permission this needs.',
        'On pull requests from forks the GITHUB_TOKEN is read-only whatever the workflow asks for.'
      ].join(' ')
    case 404:
      return `Check the repository, the names and ids in the request${permission ? `, and that the token may read it (\`${permission}\`)` : ''}: GitHub answers 404 rather than 403 when a token cannot see a private repository.`
    case 409:
      return 'GitHub refused because of a conflict (for deployments: commit status checks that are not green, or a merge conflict).'
    case 422:
      return 'GitHub rejected the request’s content (see its message).'
    default:
      return status >= 500
        ? 'GitHub had a server error: retry the job; see https://www.githubstatus.com.'
        : ''
  }
}

/** Removes the token, and every secret this process read, from text that may end in a log. */
function redact(text: string, token: string): string {
  return secrets.scrub(token ? text.split(token).join('***') : text)
}

/** Request fields that are not what we write to GitHub (the route, headers, transport). */
const REQUEST_PLUMBING = new Set(['method', 'url', 'baseUrl', 'headers', 'request', 'mediaType'])

/**
 * What we write to GitHub (comment and pull request bodies, deployment descriptions, payloads and
 * statuses) is public to everyone who can read the repository: no secret may reach it. In place:
 * the hooks inside ours (octokit's auth) were bound to this very object.
 */
function scrubRequest(options: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(options)) {
    if (!REQUEST_PLUMBING.has(key)) options[key] = secrets.scrubValue(value)
  }
}

export function toGitHubApiError(
  error: unknown,
  method: string,
  route: string,
  token = ''
): GitHubApiError {
  if (error instanceof GitHubApiError) return error
  const e = error as OctokitLikeError
  const reached = e.response !== undefined
  const status = reached ? e.status : undefined
  const githubMessage = redact(reached ? githubMessageOf(e) : (e.message ?? String(error)), token)
  const endpoint = `${method.toUpperCase()} ${route}`
  const accepted = acceptedPermissions(
    headerValue(e.response?.headers, 'x-accepted-github-permissions')
  )
  const hint = hintFor(status, method, route, githubMessage, accepted)
  const what = reached ? `${status} ${githubMessage}` : `no response (${githubMessage})`
  // A POST that timed out or met a 5xx may still have been applied (a deployment created).
  const ambiguous =
    !IDEMPOTENT.has(method.toUpperCase()) &&
    (reached ? (status ?? 0) >= 500 : !CONNECTION_NEVER_MADE.has(errorCode(error) ?? ''))
  return new GitHubApiError(
    `GitHub API ${endpoint} failed: ${what}.${hint ? ` ${hint}` : ''}`,
    status,
    endpoint,
    githubMessage,
    ambiguous
  )
}

/**
 * How long to wait before retrying, or undefined when the failure must not be retried.
 * Rate limits (429, or 403 with Retry-After / x-ratelimit-remaining 0) were refused before any
 * work, so any method may retry; 5xx only idempotent methods, since a POST may have been applied.
 */
export function retryDelay(
  error: unknown,
  method: string,
  attempt: number,
  policy: RetryPolicy,
  maxRateLimitWaitMs: number,
  now = Date.now()
): number | undefined {
  const e = error as OctokitLikeError
  const idempotent = IDEMPOTENT.has(method.toUpperCase())
  if (!e.response) {
    if (e.name === 'AbortError') return undefined
    const neverConnected = CONNECTION_NEVER_MADE.has(errorCode(error) ?? '')
    return idempotent || neverConnected ? backoffDelay(attempt, policy) : undefined
  }
  const status = e.response.status
  const headers = e.response.headers
  const retryAfter = parseRetryAfter(headerValue(headers, 'retry-after') ?? null, now)
  const remaining = headerValue(headers, 'x-ratelimit-remaining')
  const reset = headerValue(headers, 'x-ratelimit-reset')
  if (status === 429 || (status === 403 && (retryAfter !== undefined || remaining === '0'))) {
    const wait =
      retryAfter ??
      (reset ? Math.max(0, Number(reset) * 1000 - now) : backoffDelay(attempt, policy))
    return wait <= maxRateLimitWaitMs ? wait : undefined
  }
  if (status >= 500 && idempotent) return retryAfter ?? backoffDelay(attempt, policy)
  return undefined
}

/**
 * @actions/github, loaded on the first client rather than with every step: it is octokit and its
 * plugins (~170 KB), and while it loads it builds a proxy agent with @actions/http-client, which
 * must be loaded before it (http-client-deferred.ts).
 */
async function loadGitHub(): Promise<typeof import('@actions/github')> {
  await loadHttpClient()
  return import('@actions/github')
}

export async function createGitHubClient(
  token: string,
  options: GitHubClientOptions = {}
): Promise<GitHubClient> {
  if (!token) {
    throw new GitHubApiError(
      'No GitHub token: pass the github-token input (default `${{ github.token }}`) or set GITHUB_TOKEN.',
      undefined,
      '(none)',
      'no token'
    )
  }
  const baseUrl = (
    options.baseUrl ??
    process.env.GITHUB_API_URL ??
    'https://api.github.com'
  ).replace(/\/$/, '')
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry }
  const sleep = options.sleep ?? realSleep
  const maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 60_000
  const timeoutMs = options.timeoutMs ?? 60_000
  secrets.add(token)
  const { getOctokit } = await loadGitHub()
  const octokit = getOctokit(token, { baseUrl })
  octokit.hook.wrap('request', async (request, endpointOptions) => {
    scrubRequest(endpointOptions)
    const { method = 'GET', url = '' } = endpointOptions as EndpointOptions
    // The route template (before {owner} is filled in) names the endpoint in errors.
    const route = url.replace(baseUrl, '').split('?')[0] ?? url
    const callerSignal = (endpointOptions.request as { signal?: AbortSignal } | undefined)?.signal
    for (let attempt = 0; ; attempt++) {
      const timer = new AbortController()
      const timeout = setTimeout(() => timer.abort(), timeoutMs)
      const signal = callerSignal ? AbortSignal.any([callerSignal, timer.signal]) : timer.signal
      try {
        return await request({
          ...endpointOptions,
          request: { ...endpointOptions.request, signal }
        })
      } catch (caught) {
        // Our own timeout is a network failure (retried when safe); the caller's abort is final.
        const timedOut = timer.signal.aborted && !callerSignal?.aborted
        const error = timedOut
          ? Object.assign(new Error(`timed out after ${timeoutMs} ms`), { code: 'ETIMEDOUT' })
          : caught
        const status = (error as OctokitLikeError).response?.status
        // 304 is how octokit reports "not modified": not a failure for conditional requests.
        if (status === 304) throw error
        const delay =
          attempt + 1 < policy.attempts
            ? retryDelay(error, method, attempt, policy, maxRateLimitWaitMs)
            : undefined
        if (delay === undefined) throw toGitHubApiError(error, method, route, token)
        options.onRetry?.(
          `GitHub API ${method} ${route}: ${status ?? 'no response'}; retrying in ${Math.round(delay / 100) / 10}s (attempt ${attempt + 2} of ${policy.attempts})`
        )
        await sleep(delay)
      } finally {
        clearTimeout(timeout)
      }
    }
  })
  return octokit
}

/** Splits "owner/repo" (GITHUB_REPOSITORY) with a clear error for anything else. */
export function parseRepository(value: string | undefined): { owner: string; repo: string } {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value ?? '')
  if (!match)
    throw new Error(
      `expected a repository as 'owner/name' (GITHUB_REPOSITORY), got '${value ?? ''}'`
    )
  return { owner: match[1] as string, repo: match[2] as string }
}
