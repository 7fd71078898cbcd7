export const id = 7250;
export const ids = [7250, 3618];
export const modules = {
3618: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
BO: () => (redactUrl),
CM: () => (bearer),
EY: () => (backoffDelay),
HX: () => (basic),
Qq: () => (HttpClient),
j$: () => (HttpError),
mu: () => (parseRetryAfter),
uk: () => (realSleep),
vI: () => (DEFAULT_RETRY)
});
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8198);
var _proxy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8316);
const realSleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const DEFAULT_RETRY = { attempts: 5, baseDelayMs: 500, maxDelayMs: 30000 };
class HttpError extends Error {
status;
body;
ambiguous;
retryAfterMs;
constructor(message, status, body, ambiguous = false, retryAfterMs) {
super(message);
this.status = status;
this.body = body;
this.ambiguous = ambiguous;
this.retryAfterMs = retryAfterMs;
this.name = "HttpError";
}
}
function parseRetryAfter(value, now = Date.now()) {
if (!value)
return undefined;
if (/^\d+(\.\d+)?$/.test(value.trim()))
return Number(value) * 1000;
const date = Date.parse(value);
return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function backoffDelay(attempt, policy, random = Math.random) {
const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
class HttpClient {
options;
retry;
sleep;
fetchImpl;
constructor(options) {
this.options = options;
this.retry = { ...DEFAULT_RETRY, ...options.retry };
this.sleep = options.sleep ?? realSleep;
this.fetchImpl = options.fetch ?? (0, _proxy_js__WEBPACK_IMPORTED_MODULE_1__.Fm)(options.env ?? process.env);
for (const [name, value] of Object.entries(options.headers ?? {})) {
if (CREDENTIAL_HEADERS.test(name))
_core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.addAuthorization(value);
}
}
url(path, query) {
const url = new URL(this.options.baseUrl.replace(/\/+$/, "") + path);
for (const [key, value] of Object.entries(query ?? {})) {
if (value !== undefined)
url.searchParams.set(key, String(value));
}
return url.toString();
}
get(path, options = {}) {
return this.request("GET", path, { idempotent: true, ...options });
}
post(path, options = {}) {
return this.request("POST", path, options);
}
put(path, options = {}) {
return this.request("PUT", path, { idempotent: true, ...options });
}
async request(method, path, options = {}) {
const url = this.url(path, options.query);
const headers = {
accept: "application/json",
"user-agent": "promote-actions",
...this.options.headers,
...options.headers
};
let payload;
if (options.body !== undefined) {
payload = JSON.stringify(options.body);
headers["content-type"] = "application/json";
}
const idempotent = options.idempotent ?? false;
for (let attempt = 0;; attempt++) {
const last = attempt + 1 >= this.retry.attempts;
const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 30000);
const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
let response;
try {
response = await this.fetchImpl(url, { method, headers, body: payload, signal });
}
catch (error) {
if (options.signal?.aborted)
throw error;
const reason = _core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.scrub(describeNetworkError(error));
const neverSent = CONNECTION_NEVER_MADE.has(networkErrorCode(error) ?? "");
if ((!idempotent && !neverSent) || last) {
throw new HttpError(`${this.options.service}: ${method} ${linkOf(url)} failed: ${reason}`, undefined, undefined, !neverSent);
}
await this.sleep(backoffDelay(attempt, this.retry));
continue;
}
const body = await readBody(response, response.ok ? options.parse : undefined);
if (response.ok || options.acceptStatus?.includes(response.status)) {
return { status: response.status, body: body, headers: response.headers };
}
const transient = response.status === 429 || response.status >= 500;
const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
if (transient && idempotent && !last) {
await this.sleep(Math.min(retryAfter ?? backoffDelay(attempt, this.retry), this.retry.maxDelayMs * 4));
continue;
}
throw new HttpError(this.describe(method, url, response.status, body), response.status, _core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.scrubValue(body), transient && !idempotent, retryAfter);
}
}
describe(method, url, status, body) {
const detail = this.options.describeError?.(body, status) ??
(typeof body === "string"
? body.slice(0, 500)
: body
? JSON.stringify(body).slice(0, 500)
: "");
const hint = status === 401 || status === 403
? " (check the credentials: the token is missing, wrong or lacks permission)"
: "";
return _core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.scrub(`${this.options.service}: ${method} ${linkOf(url)} returned ${status}${detail ? `: ${detail}` : ""}${hint}`);
}
}
async function readBody(response, parse = JSON.parse) {
const text = await response.text();
if (!text)
return undefined;
try {
return parse(text);
}
catch {
return text;
}
}
const CONNECTION_NEVER_MADE = new Set([
"ECONNREFUSED",
"ENOTFOUND",
"EAI_AGAIN",
"ENETUNREACH",
"EHOSTUNREACH"
]);
function networkErrorCode(error) {
let current = error;
for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
const code = current.code;
if (typeof code === "string")
return code;
current = current.cause;
}
return undefined;
}
function describeNetworkError(error) {
if (error.name === "TimeoutError")
return "timed out";
const causes = [];
for (let cause = error.cause; cause && typeof cause === "object" && causes.length < 5; cause = cause.cause)
causes.push(cause);
const refusal = causes
.map(cause => /^Proxy response \((\d+)\)/.exec(cause.message ?? "")?.[1])
.find(Boolean);
if (refusal) {
return refusal === "407"
? "the proxy wants credentials (407): check the user and password in the proxy URL (http://user:password@host:port)"
: `the proxy refused the connection (${refusal})`;
}
const cause = causes[0];
return ((typeof cause?.code === "string" && cause.code) || cause?.message || error.message);
}
function linkOf(url) {
try {
const parsed = new URL(redactUrl(url));
parsed.search = "";
parsed.hash = "";
return parsed.toString();
}
catch {
return redactUrl(url);
}
}
function redactUrl(url) {
try {
const parsed = new URL(url);
if (parsed.username || parsed.password) {
parsed.username = "***";
parsed.password = "";
}
return parsed.toString();
}
catch {
return url;
}
}
const CREDENTIAL_HEADERS = /^(authorization|proxy-authorization|x-api-key|private-token|x-v3io-session-key)$/i;
function bearer(token) {
_core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.add(token);
return token ? { authorization: `Bearer ${token}` } : {};
}
function basic(username, password) {
_core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.addBasic(username, password);
return { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}` };
}
}),
4106: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
FileRegistry: () => (FileRegistry),
MANIFEST_FILE: () => (MANIFEST_FILE),
register: () => (register)
});
var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
var node_path__WEBPACK_IMPORTED_MODULE_1___default = __webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
var _core_fs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8616);
var _core_hash_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(299);
var _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4414);
var _core_uri_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2129);
var _core_yaml_source_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(668);
const MANIFEST_FILE = "model.yaml";
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const TAG = /^[A-Za-z0-9_-]+$/;
function checkName(name, what) {
if (!NAME.test(name))
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`${what} '${name}' must be letters, digits, '.', '-' or '_'`);
}
function checkTag(tag) {
if (!TAG.test(tag))
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`tag '${tag}' must be letters, digits, '-' or '_'`);
}
async function versionsOf(modelDir) {
let entries;
try {
entries = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(modelDir, "versions"));
}
catch (error) {
if (error.code === "ENOENT")
return [];
throw error;
}
return entries
.filter(e => /^[1-9]\d*$/.test(e))
.map(Number)
.sort((a, b) => a - b);
}
function metricsOf(metrics) {
for (const [key, value] of Object.entries(metrics)) {
if (typeof value !== "number" || !Number.isFinite(value)) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`metric '${key}' must be a finite number, got ${JSON.stringify(value)}`);
}
}
return { ...metrics };
}
async function register(request) {
checkName(request.name, "model name");
for (const tag of request.tags ?? [])
checkTag(tag);
const cwd = request.cwd ?? process.cwd();
const root = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, request.root);
const modelDir = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, request.name);
const source = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, request.modelFile);
let content;
try {
if (!(await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(source)).isFile())
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`model file ${request.modelFile} is not a file`);
content = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(source);
}
catch (error) {
if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError)
throw error;
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`cannot read model file ${request.modelFile}: ${error.code ?? error.message}`);
}
const metrics = metricsOf(request.metrics ?? {});
await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(modelDir, "versions"), { recursive: true });
let version = ((await versionsOf(modelDir)).at(-1) ?? 0) + 1;
let versionDir;
for (;;) {
versionDir = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(modelDir, "versions", String(version));
try {
await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(versionDir);
break;
}
catch (error) {
if (error.code !== "EEXIST")
throw error;
version++;
}
}
const modelFileName = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(source);
const modelPath = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(versionDir, modelFileName);
const hash = (0, _core_hash_js__WEBPACK_IMPORTED_MODULE_4__.s)(content);
const uri = (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_6__.Ps)({ scheme: "models", name: request.name, version: String(version) });
const targetDir = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(request.root) ? versionDir : (0, node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(cwd, versionDir);
const manifest = {
kind: "model",
metadata: {
key: request.name,
...(request.project !== undefined && { project: request.project }),
version,
uri,
hash,
created: (request.now ?? new Date()).toISOString(),
...(request.labels && Object.keys(request.labels).length > 0 && { labels: request.labels })
},
spec: {
target_path: `${targetDir.split("\\").join("/")}/`,
model_file: modelFileName,
size: content.length,
metrics,
parameters: { ...(request.parameters ?? {}) },
...(request.framework !== undefined && { framework: request.framework }),
...(request.algorithm !== undefined && { algorithm: request.algorithm }),
...(request.producer !== undefined && { producer: request.producer })
},
status: { state: "created" }
};
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.Zf)(modelPath, content);
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.Zf)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(versionDir, MANIFEST_FILE), (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__.Tc)(manifest));
for (const tag of request.tags ?? [])
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.Zf)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(modelDir, "tags", tag), `${version}\n`);
return {
name: request.name,
version,
uri,
manifestPath: (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(versionDir, MANIFEST_FILE),
modelPath,
hash
};
}
const present = (path) => (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(path).then(() => true, () => false);
class FileRegistry {
options;
kind = "file";
root;
constructor(options) {
this.options = options;
this.root = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(options.cwd ?? process.cwd(), options.root);
}
uriForTag(name, tag) {
return (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_6__.Ps)({ scheme: "models", name, alias: tag });
}
pinnedUri(record) {
return record.version
? (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_6__.Ps)({ scheme: "models", name: record.name, version: record.version })
: record.uri;
}
async readTag(name, tag, uri) {
const tagFile = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, name, "tags", tag);
try {
if (this.options.confineTo)
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.zg)(this.options.confineTo, (0, node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(tagFile), (0, node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(tagFile));
if (!(await present(tagFile)))
throw Object.assign(new Error("no tag file"), { code: "ENOENT" });
const text = (await this.readText(tagFile, 1024)).trim();
if (!/^[1-9]\d*$/.test(text))
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`model URI '${uri}': tag file ${(0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, name, "tags", tag)} holds '${text}', not a version number`);
return text;
}
catch (error) {
if (error.code !== "ENOENT")
throw error;
const tags = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, name, "tags")).catch(() => []);
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`model URI '${uri}' does not resolve: model '${name}' has no tag '${tag}' in the file registry ${this.root} (tags: ${tags.filter(t => !t.startsWith(".")).join(", ") || "none"})`);
}
}
readText(file, maxBytes) {
const options = { shown: file, maxBytes };
return this.options.confineTo
? (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.Cj)(this.options.confineTo, file, options)
: (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.nD)(file, options);
}
async readManifest(file, uri, tag) {
if (!(await present(file)))
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`model URI '${uri}' does not resolve: ${file} does not exist`);
const text = await this.readText(file, _core_yaml_source_js__WEBPACK_IMPORTED_MODULE_7__.ZJ);
const loaded = (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__.Ng)(file, text);
const manifest = structuredClone(loaded.raw);
if (tag !== undefined)
manifest.metadata.tag = tag;
const relocated = (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__.Ng)(file, (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__.Tc)(manifest));
return { record: relocated.record, manifest: relocated.raw };
}
async resolve(uri) {
let parsed;
try {
parsed = (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_6__.hY)(uri);
}
catch (error) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(error.message);
}
if (parsed.scheme === "file")
return this.readManifest((0, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(this.options.cwd ?? process.cwd(), parsed.path), uri);
if (parsed.scheme !== "models") {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`'${uri}' is not a file-registry URI (models:/<name>/<version>, models:/<name>@<tag> or a path to a model.yaml); the configured registry is file`);
}
checkName(parsed.name, "model name");
if (this.options.confineTo) {
const versions = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, parsed.name, "versions");
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.zg)(this.options.confineTo, versions, versions);
}
const version = "alias" in parsed ? await this.readTag(parsed.name, parsed.alias, uri) : parsed.version;
const file = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, parsed.name, "versions", version, MANIFEST_FILE);
if (!("alias" in parsed)) {
const known = await versionsOf((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, parsed.name));
if (!known.includes(Number(version))) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`model URI '${uri}' does not resolve: model '${parsed.name}' has no version ${version} in the file registry ${this.root} (versions: ${known.join(", ") || "none"})`);
}
}
return this.readManifest(file, uri, "alias" in parsed ? parsed.alias : undefined);
}
async setTag(record, tag) {
checkTag(tag);
const { record: pinned } = await this.resolve(this.pinnedUri(record));
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.Zf)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, pinned.name, "tags", tag), `${pinned.version}\n`);
}
}
}),
7250: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
createRegistry: () => (createRegistry),
register: () => (_file_js__WEBPACK_IMPORTED_MODULE_2__.register),
registrySecrets: () => (registrySecrets)
});
var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3618);
var _file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4106);
function secret(env, name, what) {
if (!name)
return undefined;
const value = env[name];
if (!value)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`${what}: environment variable ${name} is empty or unset (pass the secret to the step as env: ${name}: \${{ secrets.${name} }})`);
return value;
}
function httpFromEnv(env) {
const attempts = Number(env.PROMOTE_HTTP_RETRIES);
const delay = Number(env.PROMOTE_HTTP_RETRY_DELAY_MS);
const retry = {
...(Number.isInteger(attempts) && attempts > 0 && { attempts }),
...(Number.isFinite(delay) &&
delay >= 0 &&
env.PROMOTE_HTTP_RETRY_DELAY_MS !== undefined && {
baseDelayMs: delay,
maxDelayMs: Math.max(delay * 8, 1)
})
};
return Object.keys(retry).length ? { retry } : {};
}
async function createRegistry(config, env, options = {}) {
const registry = config.model.registry;
const http = { ...httpFromEnv(env), ...options.http };
switch (registry.kind) {
case "file":
return new (await Promise.resolve().then(__webpack_require__.bind(__webpack_require__, 4106))).FileRegistry({
root: registry.path,
cwd: options.cwd ?? process.cwd(),
project: config.project,
...(options.confineTo !== undefined && { confineTo: options.confineTo })
});
case "mlflow": {
const where = "model.registry (mlflow)";
const username = secret(env, registry.usernameEnv, where);
const password = secret(env, registry.passwordEnv, where);
if ((username === undefined) !== (password === undefined)) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`${where}: Basic auth needs both usernameEnv and passwordEnv`);
}
const headers = username !== undefined
? (0, _http_js__WEBPACK_IMPORTED_MODULE_1__.HX)(username, password)
: (0, _http_js__WEBPACK_IMPORTED_MODULE_1__.CM)(secret(env, registry.tokenEnv, where));
return new (await __webpack_require__.e(4181).then(__webpack_require__.bind(__webpack_require__, 4181))).MlflowRegistry({
url: registry.url,
project: config.project,
headers,
http
});
}
case "mlrun": {
const clusterName = registry.cluster ??
Object.keys(config.clusters).find(n => config.clusters[n].kind === "mlrun");
const cluster = clusterName ? config.clusters[clusterName] : undefined;
if (!cluster || cluster.kind !== "mlrun")
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError("model.registry: an mlrun registry needs an mlrun cluster under `clusters`");
const where = `clusters.${clusterName}`;
const headers = { "x-mlrun-client-version": cluster.clientVersion };
const username = secret(env, cluster.usernameEnv, where);
const accessKey = secret(env, cluster.accessKeyEnv, where);
if (username !== undefined && accessKey !== undefined) {
Object.assign(headers, (0, _http_js__WEBPACK_IMPORTED_MODULE_1__.HX)(username, accessKey));
}
else {
Object.assign(headers, (0, _http_js__WEBPACK_IMPORTED_MODULE_1__.CM)(secret(env, cluster.tokenEnv, where)));
}
return new (await __webpack_require__.e(5024).then(__webpack_require__.bind(__webpack_require__, 5024))).MlrunRegistry({
url: cluster.url,
project: config.project,
headers,
http
});
}
}
}
function registrySecrets(config, env) {
const registry = config.model.registry;
const names = [];
if (registry.kind === "mlflow")
names.push(registry.tokenEnv, registry.passwordEnv);
if (registry.kind === "mlrun") {
for (const cluster of Object.values(config.clusters)) {
if (cluster.kind === "mlrun")
names.push(cluster.tokenEnv, cluster.accessKeyEnv);
}
}
return names.flatMap(name => (name && env[name] ? [env[name]] : []));
}
}),
299: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
d: () => (canonicalJson),
s: () => (sha256)
});
var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
function canonicalJson(value) {
return JSON.stringify(sortKeys(value));
}
function sortKeys(value) {
if (Array.isArray(value))
return value.map(sortKeys);
if (value && typeof value === "object" && !(value instanceof Date)) {
return Object.fromEntries(Object.keys(value)
.sort()
.map(key => [key, sortKeys(value[key])]));
}
return value;
}
function sha256(text) {
return (0, node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(text).digest("hex");
}
})
};
