/**
 * zod for all of src/: zod/mini, the functional build of zod. Classic zod (`import { z } from
 * 'zod'`) is a 233 KB chunk of methods that every step would load, only to build its schemas; the
 * core that validates is the same in both, so messages, defaults and JSON Schema stay as they were.
 *
 * Import it as `import * as z from '.../core/zod.js'`, never from 'zod' or 'zod/mini' directly:
 * this module also sets what classic zod sets by itself, the English issue messages. Star
 * re-export and star import let the bundler keep only the functions used; a re-exported `z`
 * namespace object would bring all of zod/mini, every locale included.
 */
import { clone, config, globalRegistry, type ZodMiniType, type core } from 'zod/mini'
// The English locale alone: `z.locales` would bring every language into the bundle.
import en from 'zod/v4/locales/en.js'

// Classic zod sets English when it builds its first schema, unless a locale is already set.
if (!config().localeError) config(en())

export * from 'zod/mini'

/**
 * `schema` with `metadata` for the JSON Schema, as classic zod's `.meta()`: a copy is registered,
 * so the schema it was made from keeps its own metadata and can be described otherwise elsewhere.
 * The copy inherits the metadata of the schema it was made from.
 */
export function withMeta<T extends ZodMiniType>(schema: T, metadata: core.GlobalMeta): T {
  const copy = clone(schema)
  globalRegistry.add(copy, metadata)
  return copy
}

/** `schema` with a description for the JSON Schema, as classic zod's `.describe()`. */
export function withDescription<T extends ZodMiniType>(schema: T, description: string): T {
  return withMeta(schema, { description })
}
