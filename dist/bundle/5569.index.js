export const id = 5569;
export const ids = [5569, 9171];
export const modules = {
9171: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Av: () => (liveDeployment),
BC: () => (shortHash),
EF: () => (wasSuccessful),
historyReport: () => (historyReport),
historyRows: () => (historyRows),
loadHistory: () => (loadHistory)
});
function wasSuccessful(record) {
return record.state === "success" || record.state === "inactive";
}
function liveDeployment(records) {
return records.find(r => r.state === "success") ?? records.find(wasSuccessful);
}
function shortHash(hash) {
return hash ? hash.slice(0, 12) : "\u2014";
}
function historyRows(records) {
return records.map(record => {
const notes = [];
if (record.payload.rollbackOf !== undefined)
notes.push(`rollback to #${record.payload.rollbackOf}`);
if (record.payload.overrideReason)
notes.push(`same-artifact override: ${record.payload.overrideReason}`);
return {
id: String(record.id),
time: record.createdAt,
state: record.state,
model: record.payload.modelName ?? "\u2014",
version: record.payload.modelVersion ?? "\u2014",
hash: shortHash(record.payload.contentHash),
creator: record.creator ?? "\u2014",
note: notes.join("; ")
};
});
}
async function loadHistory(store, environment, limit = 30) {
return store.list(environment, { limit });
}
function historyReport(environment, records, source) {
const live = liveDeployment(records);
const rows = historyRows(records);
return {
title: `Deployments of ${environment}`,
verdict: "info",
facts: [
["Environment", environment],
["Source", source],
[
"Live",
live
? `#${live.id} ${live.payload.modelName} ${live.payload.modelVersion ?? ""}`.trim()
: "nothing deployed successfully"
]
],
sections: [
rows.length
? {
title: `${rows.length} deployment${rows.length === 1 ? "" : "s"}, newest first`,
tables: [
{
columns: ["id", "time", "state", "model", "version", "hash", "creator", "note"],
rows: rows.map(r => [
r.id,
r.time,
r.state,
r.model,
r.version,
r.hash,
r.creator,
r.note
])
}
]
}
: {
title: "No deployments recorded",
text: [`Nothing has been deployed to ${environment} yet.`]
}
]
};
}
}),
8875: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
planRollback: () => (planRollback),
prepareRollbackManifest: () => (prepareRollbackManifest)
});
var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
var node_path__WEBPACK_IMPORTED_MODULE_1___default = __webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
var _core_fs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8616);
var _core_manifest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4414);
var _history_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9171);
async function planRollback(store, environment, options) {
const records = await store.list(environment, { limit: 100 });
const live = (0, _history_js__WEBPACK_IMPORTED_MODULE_5__.Av)(records);
let restores;
if (options.to !== undefined && String(options.to) !== "") {
const id = String(options.to).replace(/^#/, "");
restores = records.find(r => String(r.id) === id);
if (!restores) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`rollback: no deployment #${id} in ${environment}; recent ones: ${records
.slice(0, 10)
.map(r => `#${r.id} ${r.state}`)
.join(", ") || "(none)"} (see promote history --env ${environment})`);
}
if (!(0, _history_js__WEBPACK_IMPORTED_MODULE_5__.EF)(restores)) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`rollback: deployment #${id} in ${environment} never succeeded (${restores.state}); roll back to one that did`);
}
}
else {
if (!live) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`rollback: nothing was ever deployed successfully to ${environment}, so there is nothing to roll back to`);
}
const older = records.slice(records.indexOf(live) + 1).filter(_history_js__WEBPACK_IMPORTED_MODULE_5__.EF);
restores = older.find(r => r.payload.contentHash !== live.payload.contentHash);
if (!restores) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`rollback: ${environment} has no earlier successful deployment of a different artifact than the live #${live.id} ` +
`(hash ${(0, _history_js__WEBPACK_IMPORTED_MODULE_5__.BC)(live.payload.contentHash)}); name one with --to <deployment-id> (input rollback-to)`);
}
}
const raw = restores.payload.manifest;
if (!raw || typeof raw !== "object") {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`rollback: deployment #${restores.id} has no manifest in its payload (it was recorded by another tool); ` +
`deploy its manifest from git instead (${restores.payload.manifestPath} at ${restores.sha.slice(0, 12)})`);
}
const parsed = _core_manifest_js__WEBPACK_IMPORTED_MODULE_4__.rc.safeParse(raw);
if (!parsed.success) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`rollback: the manifest recorded in deployment #${restores.id} is not a valid model manifest: ${parsed.error.issues[0]?.message}`);
}
const record = (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_4__.A5)(parsed.data, raw);
if (record.contentHash !== restores.payload.contentHash) {
options.log.warning(`deployment #${restores.id}: its manifest hashes to ${(0, _history_js__WEBPACK_IMPORTED_MODULE_5__.BC)(record.contentHash)}, its payload says ${(0, _history_js__WEBPACK_IMPORTED_MODULE_5__.BC)(restores.payload.contentHash)}; deploying the manifest as recorded`);
}
return { restores, ...(live && live.id !== restores.id && { replaces: live }), raw, record };
}
async function writeRollbackManifest(plan, dir) {
const name = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(plan.restores.payload.manifestPath || `${plan.record.name}.yaml`);
const path = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, `rollback-${plan.restores.id}`, name);
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.Zf)(path, (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_4__.Tc)(plan.raw));
return { ...remoteRollbackManifest(plan), path };
}
function remoteRollbackManifest(plan) {
const repositoryPath = plan.restores.payload.manifestPath;
return {
path: repositoryPath ?? "",
...(repositoryPath && { repositoryPath }),
commit: plan.restores.sha,
raw: plan.raw,
record: plan.record
};
}
async function prepareRollbackManifest(plan, runsOnThisMachine, tempRoot) {
if (!runsOnThisMachine)
return { manifest: remoteRollbackManifest(plan), cleanup: async () => { } };
const dir = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(tempRoot, "promote-rollback-"));
const cleanup = () => (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
try {
return { manifest: await writeRollbackManifest(plan, dir), cleanup };
}
catch (error) {
await cleanup();
throw error;
}
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
