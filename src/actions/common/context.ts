import type { RunContext } from '../../app/ports.js'

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
