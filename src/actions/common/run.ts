import { resolve } from 'node:path'
import { isConfigurationError } from '../../core/errors.js'
import { maskSecretsOnRunner, runner } from './surfaces.js'

/**
 * Runs an action's main function: a user mistake (ConfigurationError) fails the step with its
 * message alone; anything else is a bug, so its stack goes to the debug log.
 */
export async function runAction(main: () => Promise<void>): Promise<void> {
  maskSecretsOnRunner()
  try {
    await main()
  } catch (error) {
    if (isConfigurationError(error)) {
      for (const problem of error.problems) {
        if (problem.file && problem.line) {
          runner.error(problem.path ? `${problem.path}: ${problem.message}` : problem.message, {
            file: problem.file,
            startLine: problem.line,
            ...(problem.column !== undefined && { startColumn: problem.column })
          })
        }
      }
      runner.setFailed(error.message)
    } else {
      const err = error as Error
      if (err?.stack) runner.debug(err.stack)
      runner.setFailed(err?.message ?? String(error))
    }
  }
}

/**
 * The directory the step works in: the runner's GITHUB_WORKSPACE (where actions/checkout put the
 * repository), else the current directory. @github/local-action runs steps from wherever it was
 * started, with GITHUB_WORKSPACE from the .env file, so the process's cwd is not the workspace.
 */
export function workspaceDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.GITHUB_WORKSPACE || process.cwd())
}
