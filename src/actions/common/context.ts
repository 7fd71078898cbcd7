import { readFileSync } from 'node:fs'
import type { RunContext } from '../../app/ports.js'
import { errorMessage } from '../../core/errors.js'

/** The GitHub run that started us, from the runner's environment variables. */
export function githubRunContext(env: NodeJS.ProcessEnv): RunContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const attempt = env.GITHUB_RUN_ATTEMPT
  return {
    ...(owner && repo && { repository: { owner, repo } }),
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    ...(env.GITHUB_REF_NAME && { branch: env.GITHUB_REF_NAME }),
    actor: env.GITHUB_ACTOR ?? '',
    ...(env.GITHUB_TRIGGERING_ACTOR && { triggeringActor: env.GITHUB_TRIGGERING_ACTOR }),
    ...(env.GITHUB_RUN_ID && { runId: env.GITHUB_RUN_ID }),
    ...(attempt && { runAttempt: attempt }),
    serverUrl,
    ...(env.GITHUB_EVENT_NAME && { eventName: env.GITHUB_EVENT_NAME }),
    ...(env.GITHUB_JOB && { job: env.GITHUB_JOB }),
    ...(owner &&
      repo &&
      env.GITHUB_RUN_ID && {
        runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}${attempt && attempt !== '1' ? `/attempts/${attempt}` : ''}`
      })
  }
}

/**
 * The webhook payload of the event that started the run (the JSON file at GITHUB_EVENT_PATH), read
 * as @actions/github's context reads it, without loading octokit with it: {} when there is none.
 */
export function eventPayload(
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void
): Record<string, unknown> {
  const path = env.GITHUB_EVENT_PATH
  if (!path) return {}
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    warn(`GITHUB_EVENT_PATH ${path} cannot be read (${errorMessage(error)}): no event payload`)
    return {}
  }
  try {
    const payload: unknown = JSON.parse(text)
    if (payload && typeof payload === 'object' && !Array.isArray(payload))
      return payload as Record<string, unknown>
    warn(`GITHUB_EVENT_PATH ${path} holds no JSON object: no event payload`)
  } catch (error) {
    warn(`GITHUB_EVENT_PATH ${path} is not JSON (${errorMessage(error)}): no event payload`)
  }
  return {}
}
