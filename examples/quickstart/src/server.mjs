// A model server speaking the KServe / Open Inference (V2) protocol over HTTP:
//   GET  /v2/health/live, /v2/health/ready, /v2, /v2/models/{name}, /v2/models/{name}/ready
//   POST /v2/models/{name}[/versions/{version}]/infer
//        {inputs: [{name, shape: [rows, features], datatype: "FP32", data: [...]}]}
//     -> {model_name, model_version, id, outputs: [{name: "predict", ...}, {name: "probability", ...}]}
// Run it: node src/server.mjs --model out/model.json --name heart-classifier --port 8080
import { createServer } from 'node:http'
import { randomUUID } from 'node:crypto'
import { readFileSync, writeFileSync, renameSync } from 'node:fs'
import { checkModel, predict, predictProbability } from './model.mjs'
import { readArguments, runMain, isMain } from './args.mjs'

const NUMERIC = new Set([
  'FP16',
  'FP32',
  'FP64',
  'INT8',
  'INT16',
  'INT32',
  'INT64',
  'UINT8',
  'UINT16',
  'UINT32',
  'UINT64'
])
const MAX_BODY = 8 * 1024 * 1024

class InferenceError extends Error {
  constructor(status, message) {
    super(message)
    this.status = status
  }
}

/** Rows of the input tensor: shape [rows, features] (or [features] for one row), data flat or nested. */
function rowsOf(request, featureCount) {
  if (
    !request ||
    typeof request !== 'object' ||
    !Array.isArray(request.inputs) ||
    request.inputs.length !== 1
  ) {
    throw new InferenceError(400, 'expected {"inputs": [one tensor]}')
  }
  const [tensor] = request.inputs
  if (typeof tensor.name !== 'string') throw new InferenceError(400, 'input tensor needs a name')
  if (!NUMERIC.has(tensor.datatype))
    throw new InferenceError(
      400,
      `input '${tensor.name}': datatype ${tensor.datatype} is not numeric`
    )
  const shape = tensor.shape
  if (!Array.isArray(shape) || !shape.every(d => Number.isInteger(d) && d >= 0)) {
    throw new InferenceError(400, `input '${tensor.name}': shape must be a list of sizes`)
  }
  const [rows, columns] =
    shape.length === 1 ? [1, shape[0]] : shape.length === 2 ? shape : [undefined, undefined]
  if (rows === undefined)
    throw new InferenceError(400, `input '${tensor.name}': shape must be [rows, features]`)
  if (columns !== featureCount) {
    throw new InferenceError(
      400,
      `input '${tensor.name}': the model takes ${featureCount} features, the shape says ${columns}`
    )
  }
  const flat = Array.isArray(tensor.data) ? tensor.data.flat(Infinity) : []
  if (flat.length !== rows * columns) {
    throw new InferenceError(
      400,
      `input '${tensor.name}': shape ${JSON.stringify(shape)} needs ${rows * columns} values, got ${flat.length}`
    )
  }
  if (!flat.every(v => typeof v === 'number' && Number.isFinite(v))) {
    throw new InferenceError(400, `input '${tensor.name}': data must be finite numbers`)
  }
  return Array.from({ length: rows }, (_, i) => flat.slice(i * columns, (i + 1) * columns))
}

/**
 * Starts serving `model` under `name`; resolves once listening.
 * @returns {Promise<{server: import('node:http').Server, port: number, url: string, close: () => Promise<void>}>}
 */
export function startModelServer({ model, name, version = '1', port = 0, host = '127.0.0.1' }) {
  checkModel(model)
  const metadata = {
    name,
    versions: [String(version)],
    platform: 'promote-quickstart',
    inputs: [{ name: 'input-0', datatype: 'FP32', shape: [-1, model.features.length] }],
    outputs: [
      { name: 'predict', datatype: 'INT64', shape: [-1] },
      { name: 'probability', datatype: 'FP32', shape: [-1] }
    ],
    parameters: { features: model.features }
  }
  const send = (res, status, body) => {
    const text = JSON.stringify(body)
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text)
    })
    res.end(text)
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = url.pathname.replace(/\/+$/, '')
    const modelPath = /^\/v2\/models\/([^/]+)(?:\/versions\/([^/]+))?(\/ready|\/infer)?$/.exec(path)
    if (req.method === 'GET' && (path === '/v2/health/live' || path === '/v2/health/ready')) {
      return send(res, 200, path.endsWith('live') ? { live: true } : { ready: true })
    }
    if (req.method === 'GET' && path === '/v2') {
      return send(res, 200, { name: 'promote-quickstart', version: '1', extensions: [] })
    }
    if (!modelPath) return send(res, 404, { error: `no route ${req.method} ${url.pathname}` })
    const [, requestedName, requestedVersion, action] = modelPath
    if (
      decodeURIComponent(requestedName) !== name ||
      (requestedVersion && requestedVersion !== String(version))
    ) {
      return send(res, 404, {
        error: `model '${decodeURIComponent(requestedName)}'${requestedVersion ? ` version ${requestedVersion}` : ''} is not served here (serving '${name}' version ${version})`
      })
    }
    if (req.method === 'GET' && !action) return send(res, 200, metadata)
    if (req.method === 'GET' && action === '/ready') return send(res, 200, { name, ready: true })
    if (req.method !== 'POST' || action !== '/infer')
      return send(res, 405, { error: `${req.method} not allowed here` })
    const chunks = []
    let size = 0
    req.on('data', chunk => {
      size += chunk.length
      if (size > MAX_BODY) {
        send(res, 413, { error: 'request body too large' })
        req.destroy()
      } else chunks.push(chunk)
    })
    req.on('end', () => {
      if (res.headersSent) return
      try {
        let body
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
        } catch {
          throw new InferenceError(400, 'request body is not JSON')
        }
        const rows = rowsOf(body, model.features.length)
        send(res, 200, {
          model_name: name,
          model_version: String(version),
          id: typeof body.id === 'string' ? body.id : randomUUID(),
          outputs: [
            {
              name: 'predict',
              datatype: 'INT64',
              shape: [rows.length],
              data: rows.map(row => predict(model, row))
            },
            {
              name: 'probability',
              datatype: 'FP32',
              shape: [rows.length],
              data: rows.map(row => Number(predictProbability(model, row).toFixed(6)))
            }
          ]
        })
      } catch (error) {
        send(res, error.status ?? 500, { error: error.message })
      }
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const actual = server.address().port
      resolve({
        server,
        port: actual,
        url: `http://${host}:${actual}`,
        close: () => new Promise(done => server.close(() => done()))
      })
    })
  })
}

if (isMain(import.meta.url)) {
  runMain(async () => {
    const args = readArguments()
    if (!args.model) throw new Error('--model <model.json> is required')
    const model = JSON.parse(readFileSync(String(args.model), 'utf8'))
    const started = await startModelServer({
      model,
      name: String(args.name ?? 'model'),
      version: String(args.version ?? '1'),
      port: Number(args.port ?? 0)
    })
    console.log(
      `serving ${args.name ?? 'model'} version ${args.version ?? '1'} at ${started.url} (pid ${process.pid})`
    )
    if (args.ready_file) {
      // The deploy script waits for this file: written once listening, atomically.
      const file = String(args.ready_file)
      writeFileSync(
        `${file}.tmp`,
        JSON.stringify({ pid: process.pid, port: started.port, url: started.url })
      )
      renameSync(`${file}.tmp`, file)
    }
    const stop = () => started.close().then(() => process.exit(0))
    process.on('SIGTERM', stop)
    process.on('SIGINT', stop)
    return new Promise(() => {})
  })
}
