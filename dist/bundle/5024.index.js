export const id = 5024;
export const ids = [5024];
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
5024: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
MlrunRegistry: () => (MlrunRegistry),
describeMlrunError: () => (describeMlrunError)
});
var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
var _core_manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4414);
var _core_uri_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2129);
var _core_yaml_export_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8863);
var _http_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3618);
var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9487);
function describeMlrunError(body) {
const detail = body?.detail;
if (typeof detail === "string")
return detail;
if (detail && typeof detail === "object") {
const reason = detail.reason;
if (typeof reason === "string")
return reason;
return JSON.stringify(detail);
}
return undefined;
}
class MlrunRegistry {
options;
kind = "mlrun";
http;
constructor(options) {
this.options = options;
this.http = new _http_js__WEBPACK_IMPORTED_MODULE_4__.Qq({
baseUrl: options.url,
service: "MLRun API",
headers: options.headers ?? {},
describeError: describeMlrunError,
...options.http
});
}
uriForTag(name, tag, project) {
return (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_2__.Ps)({
scheme: "store",
kind: "models",
project: project ?? this.options.project,
key: name,
iter: 0,
tag
});
}
pinnedUri(record) {
const parsed = (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_2__.hY)(record.uri);
if (parsed.scheme !== "store")
return record.uri;
if (record.tree)
return (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_2__.Ps)({
...parsed,
iter: record.iteration ?? parsed.iter,
tree: record.tree,
tag: undefined
});
return record.uri;
}
path(project, key) {
return `/api/v2/projects/${encodeURIComponent(project)}/artifacts/${encodeURIComponent(key)}`;
}
async read(uri, project, key, query) {
try {
const response = await this.http.get(this.path(project, key), {
query: { format: "full", tag: query.tag, tree: query.tree, iter: query.iter },
parse: _core_yaml_export_js__WEBPACK_IMPORTED_MODULE_3__.S6
});
const python = response.body;
if (!(python instanceof Map)) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`model URI '${uri}': MLRun API returned no artifact`);
}
return { python, artifact: (0, _core_yaml_export_js__WEBPACK_IMPORTED_MODULE_3__.yq)(python) };
}
catch (error) {
throw (0, _errors_js__WEBPACK_IMPORTED_MODULE_5__.B)(error, uri, `the MLRun API at ${this.options.url}`);
}
}
async resolve(uri) {
const parsed = parseStoreUri(uri);
const tag = parsed.tag ?? (parsed.tree ? undefined : "latest");
let answer = await this.read(uri, parsed.project, parsed.key, {
tag,
iter: parsed.iter,
tree: parsed.tree
});
if (answer.artifact.kind === "link") {
const spec = answer.artifact.spec ?? {};
const iteration = spec.link_iteration;
if (typeof iteration !== "number") {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`model URI '${uri}' is a link artifact without spec.link_iteration`);
}
const tree = spec.link_tree ??
answer.artifact.metadata?.tree ??
parsed.tree;
answer = await this.read(uri, parsed.project, spec.link_key ?? parsed.key, { tag, iter: iteration, tree });
}
const python = (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_1__.fJ)(answer.python);
const manifest = (0, _core_yaml_export_js__WEBPACK_IMPORTED_MODULE_3__.yq)(python);
return { record: recordOf(uri, manifest), manifest, python };
}
async setTag(record, tag) {
const { manifest } = await this.resolve(this.pinnedUri(record));
const metadata = (manifest.metadata ?? {});
const project = String(metadata.project ?? record.project ?? this.options.project);
const key = String(metadata.key ?? record.name);
const body = { ...manifest, metadata: { ...metadata, tag } };
try {
await this.http.put(this.path(project, key), {
query: {
tag,
iter: metadata.iter ?? 0,
tree: metadata.tree
},
body
});
}
catch (error) {
if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_4__.j$)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`cannot tag ${record.uri} as '${tag}': ${error.message}`);
throw error;
}
}
}
function parseStoreUri(uri) {
let parsed;
try {
parsed = (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_2__.hY)(uri);
}
catch (error) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(error.message);
}
if (parsed.scheme !== "store") {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`'${uri}' is not an MLRun store URI (store://models/<project>/<key>:<tag>); the configured registry is mlrun`);
}
return parsed;
}
function recordOf(uri, artifact) {
const result = _core_manifest_js__WEBPACK_IMPORTED_MODULE_1__.rc.safeParse(artifact);
if (!result.success) {
const issues = result.error.issues.map(i => `${i.path.join(".")}: ${i.message}`).join("; ");
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`model URI '${uri}': MLRun returned an artifact that is not a model manifest (${issues})`);
}
return (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_1__.A5)(result.data, artifact);
}
})
};
