import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { MlrunRegistry } from '../../src/adapters/registries/mlrun.js'
import {
  dumpPythonJson,
  parsePythonJson,
  type PythonDict,
  type PythonValue
} from '../../src/core/yaml-export.js'
import { startFakeMlrun, linkArtifact, type FakeMlrun } from '../fakes/mlrun-artifacts-server.js'
import { startServer } from '../helpers/http-server.js'
import { asPythonValue, pyyamlLoad } from '../helpers/pyyaml.js'
import { sharedFile } from '../helpers/shared.js'

/**
 * The MLRun artifacts test server and the MLRun registry adapter against what MLRun's own code
 * does. Each test names the MLRun file it follows (mlrun/mlrun, read from its source).
 */
const fixtureFile = sharedFile('fixtures/mlrun-model-challenger.yaml')
const fixture = fixtureFile
  ? (asPythonValue(pyyamlLoad(readFileSync(fixtureFile, 'utf8'))) as PythonDict)
  : undefined
const itWithFixture = fixture ? it : it.skip
const fast = { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } }

const get = (value: PythonValue | undefined, ...path: string[]): PythonValue | undefined =>
  path.reduce<PythonValue | undefined>(
    (node, key) => (node instanceof Map ? node.get(key) : undefined),
    value
  )

async function call(mlrun: FakeMlrun, method: string, path: string, body?: string) {
  const response = await fetch(`${mlrun.url}${path}`, {
    method,
    ...(body !== undefined && { body, headers: { 'content-type': 'application/json' } })
  })
  const text = await response.text()
  return { status: response.status, text, body: text ? parsePythonJson(text) : undefined }
}

describe('the MLRun artifacts test server answers as MLRun does', () => {
  let mlrun: FakeMlrun
  beforeEach(async () => {
    mlrun = await startFakeMlrun()
  })
  afterEach(() => mlrun.close())

  itWithFixture(
    'server/api/api/endpoints/artifacts_v2.py get_artifact + db.py read_artifact: JSON as Python writes it, with the fields the server adds',
    async () => {
      mlrun.store(fixture!)
      mlrun.store(linkArtifact(fixture!))
      const answer = await call(
        mlrun,
        'GET',
        '/api/v2/projects/cicd-flow/artifacts/model?format=full&tag=latest&iter=0'
      )
      expect(answer.status).toBe(200)
      // Floats stay floats on the wire (Python's json.dumps), so 228.0 reaches the client.
      expect(answer.text).toContain('"count": 228.0')
      expect(get(answer.body, 'spec', 'feature_stats', 'age', 'count')).toBe(228)
      expect(get(answer.body, 'metadata', 'iter')).toBe(2n)
      // Iteration 0 of a hyper-parameter run answers with the best iteration (no link stored).
      expect(mlrun.artifacts).toHaveLength(1)
      expect(get(answer.body, 'metadata', 'tag')).toBe('latest')
      expect(get(answer.body, 'metadata', 'uid')).toMatch(/^[0-9a-f]{40}$/)
      expect(get(answer.body, 'metadata', 'created')).toBe('2025-02-03 23:18:25.135809+00:00')
      expect(get(answer.body, 'metadata', 'updated')).toBe('2025-02-03 23:18:25.135809+00:00')
      // Without a tag filter, metadata.tag is not set (tags live in their own table).
      const untagged = await call(
        mlrun,
        'GET',
        '/api/v2/projects/cicd-flow/artifacts/model?iter=2&tree=1e587e9e-f0e3-4ddd-9566-b7d7ff655841'
      )
      expect(get(untagged.body, 'metadata', 'tag')).toBeUndefined()
      const minimal = await call(
        mlrun,
        'GET',
        '/api/v2/projects/cicd-flow/artifacts/model?format=minimal&tag=latest&iter=2'
      )
      expect([...(get(minimal.body, 'spec') as PythonDict).keys()].sort()).toEqual([
        'algorithm',
        'db_key',
        'framework',
        'metrics',
        'producer',
        'size',
        'target_path'
      ])
    }
  )

  itWithFixture(
    'server/api/main.py http_status_error_handler: 404 is {"detail": repr(MLRunNotFoundError)}, a bad iter a 422',
    async () => {
      mlrun.store(fixture!)
      const missing = await call(
        mlrun,
        'GET',
        '/api/v2/projects/cicd-flow/artifacts/model?format=full&tag=nope&iter=0'
      )
      expect(missing.status).toBe(404)
      expect(JSON.parse(missing.text)).toEqual({
        detail: "MLRunNotFoundError('Artifact cicd-flow/model#0:nope not found')"
      })
      const bad = await call(mlrun, 'GET', '/api/v2/projects/cicd-flow/artifacts/model?iter=x')
      expect(bad.status).toBe(422)
      expect(JSON.parse(bad.text)).toEqual({
        detail: [
          {
            loc: ['query', 'iter'],
            msg: 'value is not a valid integer',
            type: 'type_error.integer'
          }
        ]
      })
    }
  )

  itWithFixture(
    'artifacts_v2.py list_artifacts + db.py list_artifacts: {"artifacts": [...]}, one entry per tag',
    async () => {
      mlrun.store(fixture!)
      mlrun.store(linkArtifact(fixture!))
      mlrun.store(fixture!, 'challenger')
      const all = await call(mlrun, 'GET', '/api/v2/projects/cicd-flow/artifacts?name=model&tag=*')
      const tags = (get(all.body, 'artifacts') as PythonDict[]).map(a => get(a, 'metadata', 'tag'))
      expect(tags.sort()).toEqual(['challenger', 'latest'])
      const best = await call(
        mlrun,
        'GET',
        '/api/v2/projects/cicd-flow/artifacts?name=~MOD&tag=challenger&best-iteration=true&label=framework=sklearn'
      )
      expect(get(best.body, 'artifacts')).toHaveLength(1)
      const none = await call(
        mlrun,
        'GET',
        '/api/v2/projects/cicd-flow/artifacts?name=model&label=framework=pytorch'
      )
      expect(get(none.body, 'artifacts')).toEqual([])
      const both = await call(
        mlrun,
        'GET',
        '/api/v2/projects/cicd-flow/artifacts?best-iteration=true&iter=2'
      )
      expect(both.status).toBe(400)
    }
  )

  itWithFixture(
    'artifacts_v2.py store_artifact: the body must be mlrun.common.schemas.Artifact; stored with uid, updated and the tag',
    async () => {
      const body = new Map(fixture!)
      body.delete('status')
      const refused = await call(
        mlrun,
        'PUT',
        '/api/v2/projects/cicd-flow/artifacts/model?tag=champion&iter=2',
        dumpPythonJson(body)
      )
      expect(refused.status).toBe(422)
      expect(refused.text).toContain('"loc":["body","status"]')
      const stored = await call(
        mlrun,
        'PUT',
        '/api/v2/projects/cicd-flow/artifacts/model?tag=champion&iter=2',
        dumpPythonJson(fixture!)
      )
      expect(stored.status).toBe(200)
      expect(get(stored.body, 'metadata', 'tag')).toBe('champion')
      expect(get(stored.body, 'spec', 'feature_stats', 'age', 'count')).toBe(228)
      // A new artifact is tagged latest too (db.py create_artifact).
      expect(mlrun.artifacts[0]!.tags).toEqual(new Set(['champion', 'latest']))
    }
  )
})

describe('the MLRun registry reads artifacts as MLRun exports them', () => {
  itWithFixture(
    'keeps floats floats and drops the fields the server adds (mlrun/artifacts/base.py export)',
    async () => {
      const mlrun = await startFakeMlrun()
      try {
        mlrun.store(fixture!)
        const registry = new MlrunRegistry({ url: mlrun.url, project: 'cicd-flow', http: fast })
        const resolved = await registry.resolve('store://models/cicd-flow/model#2:latest')
        expect(resolved.python).toEqual(fixture)
        expect(get(resolved.python, 'spec', 'feature_stats', 'age', 'count')).toBe(228)
        expect(get(resolved.python, 'metadata', 'uid')).toBeUndefined()
        expect(get(resolved.python, 'metadata', 'created')).toBeUndefined()
      } finally {
        await mlrun.close()
      }
    }
  )

  itWithFixture(
    "follows an older server's link artifact at iteration 0 to the best iteration",
    async () => {
      const link = parsePythonJson(JSON.stringify(linkArtifact(fixture!))) as PythonDict
      const server = await startServer((request, response) => {
        const iter = request.query.get('iter')
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(dumpPythonJson(iter === '0' ? link : fixture!))
      })
      try {
        const registry = new MlrunRegistry({ url: server.url, project: 'cicd-flow', http: fast })
        const resolved = await registry.resolve('store://models/cicd-flow/model#0:latest')
        expect(resolved.record.iteration).toBe(2)
        expect(server.requests.map(r => [...r.query])).toEqual([
          [
            ['format', 'full'],
            ['tag', 'latest'],
            ['iter', '0']
          ],
          [
            ['format', 'full'],
            ['tag', 'latest'],
            ['tree', '1e587e9e-f0e3-4ddd-9566-b7d7ff655841'],
            ['iter', '2']
          ]
        ])
      } finally {
        await server.close()
      }
    }
  )
})
