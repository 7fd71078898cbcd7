#!/usr/bin/env node
// The CLI runs the same bundled core as the actions (dist/cli is built with them).
import '../dist/cli/index.js'
