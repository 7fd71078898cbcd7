export const id = 3228;
export const ids = [3228];
export const modules = {
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
