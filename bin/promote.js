#!/usr/bin/env node
// The CLI runs the same shared bundle as the actions: dist/cli/index.js is its entry stub.
import '../dist/cli/index.js'
