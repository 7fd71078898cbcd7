export const id = 6035;
export const ids = [6035, 3228];
export const modules = {
6585: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
exportModel: () => (exportModel)
});
var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
var node_path__WEBPACK_IMPORTED_MODULE_1___default = __webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
var _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2170);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
var _core_fs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8616);
var _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4414);
var _core_log_safety_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(276);
var _core_paths_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6107);
var _core_report_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8557);
var _core_uri_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2129);
var _core_yaml_export_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(8863);
var _core_yaml_source_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(668);
function exportQuestion(uri, tag) {
return `Export model '${uri}' with tag '${tag}'? (yes/no): `;
}
function pythonString(text) {
return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
async function exportModel(request) {
const { uri, tag, log } = request;
try {
(0, _core_uri_js__WEBPACK_IMPORTED_MODULE_9__.hY)(uri);
}
catch (error) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__.ConfigurationError(error.message);
}
if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(tag))
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__.ConfigurationError(`tag '${tag}' must be letters, digits, '.', '-' or '_'`);
const dirProblem = (0, _core_paths_js__WEBPACK_IMPORTED_MODULE_7__.Vf)(request.dir);
if (dirProblem)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__.ConfigurationError(`export dir '${(0, _core_log_safety_js__WEBPACK_IMPORTED_MODULE_6__.g)(request.dir)}' ${dirProblem}`);
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_4__.zg)(request.cwd, (0, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(request.cwd, request.dir), request.dir);
const resolved = await request.registry.resolve(uri);
const rawKey = resolved.manifest.metadata?.key;
const key = typeof rawKey === "string" ? rawKey : "";
const keyProblem = (0, _core_paths_js__WEBPACK_IMPORTED_MODULE_7__.sv)(key);
if (keyProblem)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__.ConfigurationError(`the registry's model key ${rawKey === undefined ? "(none)" : `'${(0, _core_log_safety_js__WEBPACK_IMPORTED_MODULE_6__.g)(String(rawKey))}'`} ${keyProblem}; nothing was written`);
const fileName = (0, _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_2__.V6)(key, tag);
const file = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(request.cwd, request.dir, fileName);
const shown = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(request.cwd, file) || fileName;
const exists = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(file).then(() => true, (error) => error.code !== "ENOENT");
const previous = exists
? await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_4__.Cj)(request.cwd, file, { shown, maxBytes: _core_yaml_source_js__WEBPACK_IMPORTED_MODULE_11__.ZJ })
: undefined;
let manifest;
if (request.registry.kind === "mlrun") {
const python = resolved.python ?? (0, _core_yaml_export_js__WEBPACK_IMPORTED_MODULE_10__.tX)(resolved.manifest);
manifest = (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__.fJ)(python, previous === undefined ? {} : (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__.qK)(previous));
}
else {
manifest = (0, _core_yaml_export_js__WEBPACK_IMPORTED_MODULE_10__.tX)(resolved.manifest);
const metadata = manifest.get("metadata");
if (metadata instanceof Map)
metadata.set("tag", tag);
}
const text = (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__.Tc)(manifest);
const checked = (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__.Ng)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(request.dir, fileName), text, { knownTags: [tag] });
const record = checked.record;
log.info(`Model ${record.name}${record.version ? ` version ${record.version}` : ""} (${record.uri})`);
const metrics = Object.entries(record.metrics);
if (metrics.length)
log.info(`  metrics: ${metrics.map(([k, v]) => `${k}=${(0, _core_report_js__WEBPACK_IMPORTED_MODULE_8__.Fl)(v)}`).join(", ")}`);
if (record.location)
log.info(`  location: ${record.location}`);
if (request.confirm && !(await request.confirm(exportQuestion(uri, tag)))) {
log.info("Export cancelled: nothing was written.");
return { exported: false, reason: "declined" };
}
if (previous === text) {
log.info(`${shown} already holds this export: nothing changed.`);
return { exported: true, file, record };
}
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_4__.Zf)(file, text);
log.info(`${previous === undefined ? "Wrote" : "Updated"} ${shown}`);
log.info("");
log.info("Next steps:");
log.info(`  git add '${shown}'`);
log.info(`  git commit -m 'Export ${key} (${record.version ?? record.uri}) as ${tag}'`);
if (request.registry.kind === "mlrun") {
log.info(`  (MLRun imports it with project.set_artifact(key=${pythonString(key)}, artifact=${pythonString(shown)}, tag=${pythonString(tag)}))`);
}
log.info(`  git push, then open a pull request${request.targetBranch ? ` into ${request.targetBranch}` : ""}: lint-test checks it and compares it with the champion`);
return { exported: true, file, record };
}
}),
2170: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Ay: () => (isLastEnvironment),
KV: () => (resolveWorkflow),
M0: () => (challengerManifestPath),
V6: () => (manifestFileName),
environmentNames: () => (environmentNames),
g9: () => (resolveEnvironment),
wQ: () => (gatesFor),
xw: () => (previousEnvironment)
});
var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8571);
var _parameters_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3184);
function environmentNames(config) {
return Object.keys(config.environments);
}
function normalizeProjectUsername(username) {
const local = username.toLowerCase().split("@")[0] ?? "";
const ascii = local.normalize("NFKD").replace(/[\u0080-\uffff]/g, "");
return ascii
.replace(/[^a-z0-9\-_]+/gi, "")
.toLowerCase()
.replaceAll("_", "-")
.replace(/[-_]+$/, "");
}
function environmentProjectName(config, envName, env) {
const environment = config.environments[envName];
const base = `${config.project}${environment.projectSuffix ?? ""}`;
if (!environment.userProject)
return base;
const cluster = config.clusters[environment.cluster];
const variable = cluster?.kind === "mlrun" ? cluster.usernameEnv : undefined;
const username = variable ? env[variable] : undefined;
if (!variable || !username) {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`environment '${envName}' has userProject: true, so its MLRun project is '${base}-<user>', but ${variable ? `the environment variable ${variable} is empty or unset (pass it to the step: env: ${variable}: \${{ secrets.${variable} }})` : `cluster '${environment.cluster}' names no usernameEnv (set usernameEnv: V3IO_USERNAME)`}`);
}
const user = normalizeProjectUsername(username);
if (!user)
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`environment '${envName}' has userProject: true, but the user name in ${variable} has no letters or digits MLRun keeps`);
return `${base}-${user}`;
}
function resolveEnvironment(config, selector) {
const names = environmentNames(config);
let name = selector.name || undefined;
if (!name && selector.branch) {
name = names.find(n => config.environments[n].branch === selector.branch);
if (!name) {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`no environment deploys from branch '${selector.branch}'; branches: ${names
.map(n => `${n}=${config.environments[n].branch}`)
.join(", ")} (set the environment input or --env)`);
}
}
if (!name)
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`choose an environment: ${names.join(", ")}`);
const env = Object.hasOwn(config.environments, name) ? config.environments[name] : undefined;
if (!env)
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`unknown environment '${name}'; defined: ${names.join(", ")}`);
const index = names.indexOf(name);
return {
...env,
name,
index,
requiresApproval: env.requireApproval ?? index > 0,
clusterConfig: config.clusters[env.cluster],
projectName: environmentProjectName(config, name, selector.env ?? process.env)
};
}
function previousEnvironment(config, envName) {
const names = environmentNames(config);
const index = names.indexOf(envName);
return index > 0 ? resolveEnvironment(config, { name: names[index - 1] }) : undefined;
}
function isLastEnvironment(config, envName) {
const names = environmentNames(config);
return names[names.length - 1] === envName;
}
function resolveWorkflow(config, workflowKey, env, overrides = {}, timeoutOverride, supplied = {}) {
const workflow = Object.hasOwn(config.workflows, workflowKey)
? config.workflows[workflowKey]
: undefined;
if (!workflow) {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`unknown workflow '${workflowKey}'; defined in the config: ${Object.keys(config.workflows).join(", ") || "(none)"}`);
}
const args = (0, _parameters_js__WEBPACK_IMPORTED_MODULE_2__.Bq)(workflowKey, workflow.parameters, [
{ from: `workflows.${workflowKey}.arguments`, values: workflow.arguments },
{
from: `environments.${env.name}.arguments.${workflowKey}`,
values: env.arguments[workflowKey] ?? {}
},
{ from: "promote-actions", values: supplied, builtIn: true },
{ from: "the `arguments` input / --arg", values: overrides }
]);
return {
...workflow,
key: workflowKey,
remoteName: workflow.name ?? workflowKey,
timeoutMs: (0, _duration_js__WEBPACK_IMPORTED_MODULE_1__.parseDuration)(timeoutOverride || workflow.timeout),
arguments: args
};
}
function gatesFor(config, envName) {
const overrides = envName ? (config.environments[envName]?.gates ?? {}) : {};
const merged = { ...config.gates };
for (const [metric, rule] of Object.entries(overrides)) {
const set = Object.fromEntries(Object.entries(rule).filter(([, value]) => value !== undefined));
merged[metric] = { better: "higher", ...merged[metric], ...set };
}
return merged;
}
function manifestFileName(key, tag) {
return `${key}:${tag}.yaml`;
}
function challengerManifestPath(config) {
return `${config.model.exportDir}/${manifestFileName(config.model.name, config.model.challengerTag)}`;
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
}),
8557: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Fl: () => (formatValue),
Gc: () => (renderMarkdown),
S5: () => (renderText)
});
const ICON = { pass: "\u2705", fail: "\u274C", warn: "\u26A0\uFE0F", skip: "\u23ED\uFE0F", info: "\u2139\uFE0F" };
const WORD = {
pass: "PASS",
fail: "FAIL",
warn: "WARN",
skip: "SKIP",
info: "INFO"
};
function verdictIcon(verdict) {
return ICON[verdict];
}
function escapeCell(text) {
return text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}
function markdownTable(table) {
const lines = [];
if (table.title)
lines.push(`**${table.title}**`, "");
lines.push(`| ${table.columns.map(escapeCell).join(" | ")} |`);
lines.push(`| ${table.columns.map(() => "---").join(" | ")} |`);
for (const row of table.rows)
lines.push(`| ${row.map(escapeCell).join(" | ")} |`);
lines.push("");
return lines;
}
function renderMarkdown(report) {
const lines = [`## ${ICON[report.verdict]} ${report.title}`, ""];
if (report.facts?.length)
lines.push(...markdownTable({ columns: ["", ""], rows: report.facts.map(([k, v]) => [`**${k}**`, v]) }));
for (const section of report.sections) {
lines.push(`### ${section.verdict ? `${ICON[section.verdict]} ` : ""}${section.title}`, "");
for (const paragraph of section.text ?? [])
lines.push(paragraph, "");
if (section.facts?.length)
lines.push(...markdownTable({
columns: ["", ""],
rows: section.facts.map(([k, v]) => [`**${k}**`, v])
}));
for (const table of section.tables ?? [])
lines.push(...markdownTable(table));
if (section.items?.length)
lines.push(...section.items.map(item => `- ${item}`), "");
}
if (report.links?.length)
lines.push(report.links.map(link => `[${link.label}](${link.url})`).join(" \u00B7 "), "");
return lines.join("\n");
}
function pad(text, width) {
return text + " ".repeat(Math.max(0, width - [...text].length));
}
function textTable(table, indent) {
const widths = table.columns.map((c, i) => Math.max([...c].length, ...table.rows.map(r => [...(r[i] ?? "")].length)));
const line = (cells) => indent +
cells
.map((c, i) => pad(c, widths[i]))
.join("  ")
.trimEnd();
const out = [];
if (table.title)
out.push(`${indent}${table.title}`);
out.push(line(table.columns), indent + widths.map(w => "-".repeat(w)).join("  "));
for (const row of table.rows)
out.push(line(row));
return out;
}
function renderText(report) {
const out = [`${WORD[report.verdict]}  ${report.title}`];
const factLines = (facts, indent) => {
const width = Math.max(...facts.map(([k]) => k.length));
return facts.map(([k, v]) => `${indent}${pad(k, width)}  ${v}`);
};
if (report.facts?.length)
out.push(...factLines(report.facts, "  "));
for (const section of report.sections) {
out.push("", `  ${section.verdict ? `[${WORD[section.verdict]}] ` : ""}${section.title}`);
for (const paragraph of section.text ?? [])
out.push(`    ${paragraph}`);
if (section.facts?.length)
out.push(...factLines(section.facts, "    "));
for (const table of section.tables ?? [])
out.push(...textTable(table, "    "));
for (const item of section.items ?? [])
out.push(`    - ${item}`);
}
for (const link of report.links ?? [])
out.push(`  ${link.label}: ${link.url}`);
return out.join("\n");
}
function formatValue(value) {
if (value === undefined || value === null)
return "\u2014";
if (typeof value === "number")
return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
if (typeof value === "string")
return value;
return JSON.stringify(value);
}
})
};
