export const id = 4181;
export const ids = [4181];
export const modules = {
9487: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
B: () => (resolutionError)
});
var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3618);
function resolutionError(error, uri, registry) {
if (!(error instanceof _http_js__WEBPACK_IMPORTED_MODULE_1__.j$))
return error;
if (error.status !== undefined && error.status >= 400 && error.status < 500) {
return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`model URI '${uri}' does not resolve: ${error.message}`);
}
return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`model URI '${uri}': ${registry} is not answering (${error.message})`);
}
}),
4181: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
MlflowRegistry: () => (MlflowRegistry),
aliasProblem: () => (aliasProblem),
describeMlflowError: () => (describeMlflowError),
mlflowManifest: () => (mlflowManifest)
});
var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
var _core_manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4414);
var _core_uri_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2129);
var _http_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3618);
var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9487);
function describeMlflowError(body) {
const error = body;
if (error?.message)
return error.error_code ? `${error.error_code}: ${error.message}` : error.message;
return undefined;
}
class MlflowRegistry {
options;
kind = "mlflow";
http;
constructor(options) {
this.options = options;
this.http = new _http_js__WEBPACK_IMPORTED_MODULE_3__.Qq({
baseUrl: options.url.replace(/\/+$/, "") + "/api/2.0/mlflow",
service: "MLflow",
headers: options.headers ?? {},
describeError: describeMlflowError,
...options.http
});
}
uriForTag(name, tag) {
return tag.toLowerCase() === "latest"
? (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_2__.Ps)({ scheme: "models", name, version: "latest" })
: (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_2__.Ps)({ scheme: "models", name, alias: tag });
}
pinnedUri(record) {
return record.version
? (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_2__.Ps)({ scheme: "models", name: record.name, version: record.version })
: record.uri;
}
async call(uri, run) {
try {
return (await run()).body;
}
catch (error) {
throw (0, _errors_js__WEBPACK_IMPORTED_MODULE_4__.B)(error, uri, `the MLflow server at ${this.options.url}`);
}
}
async resolve(uri) {
const parsed = parseMlflowUri(uri);
const version = await this.modelVersion(uri, parsed);
if (!version?.version)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`model URI '${uri}': MLflow returned no model_version`);
const run = version.run_id
? (await this.call(uri, () => this.http.get("/runs/get", { query: { run_id: version.run_id } }))).run
: undefined;
const manifest = mlflowManifest(version, run, {
project: this.options.project,
tag: "alias" in parsed ? parsed.alias : undefined
});
return { record: (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_1__.A5)(_core_manifest_js__WEBPACK_IMPORTED_MODULE_1__.rc.parse(manifest), manifest), manifest };
}
async modelVersion(uri, parsed) {
if ("alias" in parsed && parsed.alias.toLowerCase() !== "latest") {
return (await this.call(uri, () => this.http.get("/registered-models/alias", {
query: { name: parsed.name, alias: parsed.alias }
}))).model_version;
}
let number = "alias" in parsed ? "latest" : parsed.version;
if (number.toLowerCase() === "latest") {
const { model_versions: latest = [] } = await this.call(uri, () => this.http.post("/registered-models/get-latest-versions", {
body: { name: parsed.name },
idempotent: true
}));
const numbers = latest.map(v => Number(v.version)).filter(n => Number.isSafeInteger(n));
if (numbers.length === 0)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`model URI '${uri}' does not resolve: MLflow has no versions of model '${parsed.name}'`);
number = String(Math.max(...numbers));
}
return (await this.call(uri, () => this.http.get("/model-versions/get", { query: { name: parsed.name, version: number } }))).model_version;
}
async setTag(record, tag) {
if (!record.version)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`cannot set alias '${tag}' on ${record.uri}: it names no MLflow version`);
const problem = aliasProblem(tag);
if (problem)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`cannot set MLflow alias '${tag}' on ${record.uri}: ${problem}`);
try {
await this.http.post("/registered-models/alias", {
body: { name: record.name, alias: tag, version: record.version },
idempotent: true
});
await this.http.post("/model-versions/set-tag", {
body: {
name: record.name,
version: record.version,
key: "promote-actions.tag",
value: tag
},
idempotent: true
});
}
catch (error) {
if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_3__.j$)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`cannot set MLflow alias '${tag}' on ${record.uri}: ${error.message}`);
throw error;
}
}
}
function aliasProblem(alias) {
if (alias === "")
return "an alias name cannot be empty";
if (!/^[\w-]+$/.test(alias))
return "alias names may only contain letters, digits, '_' and '-'";
if (alias.length > 255)
return "alias names are at most 255 characters";
if (alias.toLowerCase() === "latest")
return "'latest' is reserved by MLflow (models:/<name>/latest is the newest version); choose another tag";
if (/^v\d+$/i.test(alias))
return `'${alias}' is reserved by MLflow for version ${alias.slice(1)}; choose another tag`;
return undefined;
}
function parseMlflowUri(uri) {
let parsed;
try {
parsed = (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_2__.hY)(uri);
}
catch (error) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(error.message);
}
if (parsed.scheme !== "models") {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`'${uri}' is not an MLflow model URI (models:/<name>/<version> or models:/<name>@<alias>); the configured registry is mlflow`);
}
return parsed;
}
function isoTime(value) {
if (value === undefined || value === "")
return undefined;
const ms = Number(value);
return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}
function mlflowManifest(version, run, options = {}) {
const metrics = {};
const seen = {};
for (const metric of run?.data?.metrics ?? []) {
const order = { step: metric.step ?? 0, timestamp: metric.timestamp ?? 0 };
const previous = seen[metric.key];
if (!previous ||
order.step > previous.step ||
(order.step === previous.step && order.timestamp >= previous.timestamp)) {
metrics[metric.key] = metric.value;
seen[metric.key] = order;
}
}
const parameters = Object.fromEntries((run?.data?.params ?? []).map(p => [p.key, p.value]));
const labels = Object.fromEntries((version.tags ?? []).map(t => [t.key, t.value]));
const source = version.source;
const slash = source ? source.replace(/\/+$/, "").lastIndexOf("/") : -1;
const created = isoTime(version.creation_timestamp);
const updated = isoTime(version.last_updated_timestamp);
return {
kind: "model",
metadata: {
key: version.name,
...(options.project !== undefined && { project: options.project }),
...(options.tag !== undefined && { tag: options.tag }),
version: String(version.version),
uri: (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_2__.Ps)({
scheme: "models",
name: version.name,
version: String(version.version)
}),
...(created !== undefined && { created }),
...(updated !== undefined && { updated }),
...(Object.keys(labels).length > 0 && { labels }),
...(version.aliases?.length ? { aliases: version.aliases } : {})
},
spec: {
...(source !== undefined && { target_path: source }),
...(source !== undefined &&
slash >= 0 && { model_file: source.replace(/\/+$/, "").slice(slash + 1) }),
metrics,
parameters,
...(version.run_id !== undefined && {
producer: {
kind: "mlflow-run",
...(run?.info?.run_name !== undefined && { name: run.info.run_name }),
uri: version.run_id,
...(run?.info?.user_id !== undefined && { owner: run.info.user_id })
}
}),
...(version.description ? { description: version.description } : {})
},
status: { state: version.status ?? "READY" }
};
}
})
};
