// Entry of dist/bundle/yaml.cjs: the `yaml` library on its own, required synchronously on first
// use (src/core/yaml-library.ts) instead of loading with every step.
module.exports = require('yaml')
