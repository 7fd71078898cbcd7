import type { CliCommand } from '../command.js'
import { command as collect } from './collect.js'
import { command as demo } from './demo.js'
import { command as deploy } from './deploy.js'
import { command as exportModel } from './export.js'
import { command as history } from './history.js'
import { command as notify } from './notify.js'
import { command as plan } from './plan.js'
import { command as rollback } from './rollback.js'
import { command as run } from './run.js'
import { command as validate } from './validate.js'

/**
 * The registry, in the order of the promotion flow. Each entry holds the command's name, summary
 * and options only; its dependencies load when it runs (see command.ts).
 */
export const COMMANDS: CliCommand[] = [
  run,
  exportModel,
  validate,
  plan,
  deploy,
  rollback,
  history,
  notify,
  collect,
  demo
]
