// Placeholder until its issue lands: the owner replaces this file and adds main.ts.
import * as core from '@actions/core'

core.setFailed('submit-deploy is not built yet')
