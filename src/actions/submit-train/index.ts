import * as core from '@actions/core'
import { run } from './main.js'
import { run as post } from './post.js'
import { STATE } from './state.js'

// One bundle for both steps: the main step marks the state, so the post step knows it is one.
if (core.getState(STATE.isPost) === 'true') {
  await post()
} else {
  core.saveState(STATE.isPost, 'true')
  await run()
}
