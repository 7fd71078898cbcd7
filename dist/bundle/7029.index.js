export const id = 7029;
export const ids = [7029];
export const modules = {
7029: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Yn: () => (runConsumerCommands),
failingChecks: () => (failingChecks),
fh: () => (findChampion),
parseFailOn: () => (parseFailOn),
validate: () => (validate)
});
var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
var node_path__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
var _core_config_load_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9168);
var _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2170);
var _core_fs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8616);
var _core_paths_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6107);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4296);
var _core_gates_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7311);
var _core_manifest_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4414);
var _core_report_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8557);
var _core_uri_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2129);
var _core_yaml_source_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(668);
var _core_duration_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(8571);
var _core_git_ref_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(4831);
const CHECKS = ["lint", "tests", "schema", "gates", "drift"];
function problemsOf(error, file) {
if ((0, _core_errors_js__WEBPACK_IMPORTED_MODULE_5__.p0)(error))
return error.problems.map(p => ({
...p,
...(p.file === undefined && file !== undefined && { file })
}));
return [{ ...(file !== undefined && { file }), message: (0, _core_errors_js__WEBPACK_IMPORTED_MODULE_5__.gJ)(error) }];
}
function repoPath(cwd, file) {
return (0, node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(cwd, (0, node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, file)).split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep).join("/");
}
function metricsOf(data) {
const spec = data?.spec;
const metrics = spec?.metrics;
return metrics && typeof metrics === "object" && !Array.isArray(metrics)
? metrics
: undefined;
}
async function timed(fn) {
const start = performance.now();
const value = await fn();
return [value, Math.round(performance.now() - start)];
}
async function runConsumerCommands(request) {
return [
await runCommand(request, "lint", request.lintCommand),
await runCommand(request, "tests", request.testCommand)
];
}
async function runCommand(request, name, commandLine) {
if (!commandLine?.trim())
return {
name,
verdict: "skip",
details: `no ${name === "lint" ? "lint" : "test"} command given`
};
const [exitCode, durationMs] = await timed(() => request.log.group(`${name === "lint" ? "Lint" : "Tests"}: ${commandLine}`, () => request.runner.run(commandLine, request.cwd)));
const passed = exitCode === 0;
const details = `\`${commandLine}\` ${passed ? "passed" : `exited with code ${exitCode}`}`;
if (!passed)
request.log.error(`${name === "lint" ? "Lint" : "Tests"} failed: ${commandLine} exited with code ${exitCode}`, { title: `${name} failed` });
return { name, verdict: passed ? "pass" : "fail", details, durationMs };
}
function pickEnvironment(config, request) {
if (request.environment) {
try {
return { name: (0, _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_2__.g9)(config, { name: request.environment }).name };
}
catch (error) {
return { error: (0, _core_errors_js__WEBPACK_IMPORTED_MODULE_5__.gJ)(error) };
}
}
if (request.baseBranch) {
return {
name: (0, _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_2__.environmentNames)(config).find(n => config.environments[n].branch === request.baseBranch)
};
}
return { name: undefined };
}
async function findChampion(request, config, exportDir, notes, challenger) {
if (request.champion === "none")
return undefined;
const names = (0, _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_2__.environmentNames)(config);
const branch = request.productionBranch || config.environments[names[names.length - 1]].branch;
if (request.champion === "auto" || request.champion === "git") {
const paths = [
`${exportDir}/${(0, _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_2__.V6)(config.model.name, config.model.championTag)}`,
`${exportDir}/${(0, _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_2__.V6)(config.model.name, config.model.challengerTag)}`
];
for (const revision of [branch, `origin/${branch}`]) {
for (const path of paths) {
const source = `${revision}:${path}`;
let text;
try {
text = await request.git.show(revision, path);
}
catch (error) {
notes.push(`champion ${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_5__.gJ)(error)}`);
return undefined;
}
if (text === undefined)
continue;
try {
const yaml = (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_7__.EK)(source, text);
let record;
try {
record = (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_7__.K7)(yaml, {
knownTags: [config.model.challengerTag, config.model.championTag]
}).record;
}
catch {
}
return { source, ...(record && { record }), metrics: metricsOf(yaml.data) ?? {} };
}
catch (error) {
notes.push(`champion ${source} is not valid YAML: ${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_5__.gJ)(error)}`);
return undefined;
}
}
}
notes.push(`no champion manifest on branch '${branch}' (looked for ${paths.join(" and ")})`);
if (request.champion === "git")
return undefined;
}
try {
const registry = await request.registry(config);
const uri = registry.uriForTag(config.model.name, config.model.championTag, challenger?.project);
const { record } = await registry.resolve(uri);
return { source: uri, record, metrics: record.metrics };
}
catch (error) {
notes.push(`no champion in the registry: ${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_5__.gJ)(error)}`);
return undefined;
}
}
function metricLine(file, metric) {
if (!file.source)
return {};
return metric !== undefined
? file.source.positionOf(["spec", "metrics", metric])
: file.source.positionOf(["spec", "metrics"], "key");
}
async function checkDrift(request, config, manifests, problems) {
let registry;
try {
registry = await request.registry(config);
}
catch (error) {
problems.push({
file: repoPath(request.cwd, request.configPath),
message: `drift check: ${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_5__.gJ)(error)}`
});
return { outcome: { name: "drift", verdict: "fail", details: (0, _core_errors_js__WEBPACK_IMPORTED_MODULE_5__.gJ)(error) }, rows: [] };
}
const rows = [];
let unreachable = 0;
let checked = 0;
const [, durationMs] = await timed(async () => {
for (const manifest of manifests) {
const loaded = manifest.loaded;
if (!loaded)
continue;
const pinned = registry.pinnedUri(loaded.record);
let remote;
try {
remote = (await registry.resolve(pinned)).record;
checked++;
}
catch (error) {
unreachable++;
problems.push({
file: manifest.file,
...loaded.source.positionOf(["metadata"]),
message: `drift check: ${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_5__.gJ)(error)}`
});
continue;
}
const local = loaded.record;
const add = (field, committed, current, path) => {
rows.push({
file: manifest.file,
field,
committed: (0, _core_report_js__WEBPACK_IMPORTED_MODULE_8__.Fl)(committed),
registry: (0, _core_report_js__WEBPACK_IMPORTED_MODULE_8__.Fl)(current)
});
problems.push({
file: manifest.file,
...loaded.source.positionOf(path),
path: path.join("."),
message: `drift: the registry has ${(0, _core_report_js__WEBPACK_IMPORTED_MODULE_8__.Fl)(current)} for ${field}, the committed manifest ${(0, _core_report_js__WEBPACK_IMPORTED_MODULE_8__.Fl)(committed)} (re-export with promote export --model-uri ${pinned})`
});
};
if (local.artifactHash !== remote.artifactHash &&
(local.artifactHash !== undefined || remote.artifactHash !== undefined)) {
add("hash", local.artifactHash, remote.artifactHash, ["metadata", "hash"]);
}
if (local.location !== remote.location)
add("location", local.location, remote.location, ["spec", "target_path"]);
for (const metric of new Set([
...Object.keys(local.metrics),
...Object.keys(remote.metrics)
])) {
const a = local.metrics[metric];
const b = remote.metrics[metric];
if (a === b ||
(a !== undefined &&
b !== undefined &&
Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a))))
continue;
add(`metric ${metric}`, a, b, a !== undefined ? ["spec", "metrics", metric] : ["spec", "metrics"]);
}
}
});
const drifted = new Set(rows.map(r => r.file)).size;
const verdict = unreachable > 0 || drifted > 0 ? "fail" : checked === 0 ? "skip" : "pass";
const parts = [
`${checked} manifest${checked === 1 ? "" : "s"} checked against the ${registry.kind} registry`,
...(drifted ? [`${drifted} drifted`] : []),
...(unreachable ? [`${unreachable} could not be resolved`] : [])
];
return { outcome: { name: "drift", verdict, details: parts.join("; "), durationMs }, rows };
}
async function validate(request) {
const { log } = request;
const branchProblem = request.productionBranch !== undefined ? (0, _core_git_ref_js__WEBPACK_IMPORTED_MODULE_12__.h)(request.productionBranch) : undefined;
if (branchProblem)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__.ConfigurationError(`production-branch '${request.productionBranch}' is not a git branch name: ${branchProblem}`);
const checks = [];
const problems = [];
const notes = [];
checks.push(...(request.commandChecks ?? (await runConsumerCommands(request))));
const configFile = repoPath(request.cwd, request.configPath);
let config;
const schemaStart = performance.now();
try {
const text = await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.Cj)(request.cwd, (0, node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(request.cwd, request.configPath), {
shown: configFile,
maxBytes: _core_yaml_source_js__WEBPACK_IMPORTED_MODULE_10__.jl,
notFound: "config file not found (set the `config` input or --config)"
});
config = (0, _core_config_load_js__WEBPACK_IMPORTED_MODULE_1__.p5)(configFile, text).config;
}
catch (error) {
problems.push(...problemsOf(error, configFile));
}
const exportDirProblem = request.exportDir !== undefined ? (0, _core_paths_js__WEBPACK_IMPORTED_MODULE_4__.Vf)(request.exportDir) : undefined;
if (exportDirProblem)
problems.push({ message: `export-dir '${request.exportDir}' ${exportDirProblem}` });
const exportDir = repoPath(request.cwd, (!exportDirProblem && request.exportDir) || config?.model.exportDir || "artifacts");
const knownTags = config
? [config.model.challengerTag, config.model.championTag]
: ["challenger", "champion"];
const manifests = [];
const walk = await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.JJ)(request.cwd, (0, node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(request.cwd, exportDir));
problems.push(...walk.problems);
for (const full of walk.files) {
const file = repoPath(request.cwd, full);
const entry = { file };
let text;
try {
text = await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.Cj)(request.cwd, full, { shown: file, maxBytes: _core_yaml_source_js__WEBPACK_IMPORTED_MODULE_10__.ZJ });
}
catch (error) {
const found = problemsOf(error, file);
problems.push(...found);
entry.unreadable = found[0]?.message ?? (0, _core_errors_js__WEBPACK_IMPORTED_MODULE_5__.gJ)(error);
manifests.push(entry);
continue;
}
try {
entry.source = (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_7__.EK)(file, text);
const loaded = (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_7__.K7)(entry.source, { knownTags });
try {
(0, _core_uri_js__WEBPACK_IMPORTED_MODULE_9__.hY)(loaded.record.uri);
entry.loaded = loaded;
}
catch (error) {
problems.push({
file,
...loaded.source.positionOf(loaded.manifest.metadata.uri !== undefined ? ["metadata", "uri"] : ["metadata"]),
path: "metadata",
message: `the model URI ${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_5__.gJ)(error).replace(/^invalid model URI /, "")}`
});
}
}
catch (error) {
problems.push(...problemsOf(error, file));
}
manifests.push(entry);
}
const schemaProblems = problems.length;
checks.push({
name: "schema",
verdict: schemaProblems ? "fail" : "pass",
details: `${configFile}${config ? "" : " (invalid)"} and ${manifests.length} manifest${manifests.length === 1 ? "" : "s"} under ${exportDir}/${schemaProblems ? `: ${schemaProblems} problem${schemaProblems === 1 ? "" : "s"}` : ""}`,
durationMs: Math.round(performance.now() - schemaStart)
});
let drift = [];
if (request.checkDrift && config) {
const result = await log.group("Drift: manifests against the registry", () => checkDrift(request, config, manifests, problems));
checks.push(result.outcome);
drift = result.rows;
}
else {
checks.push({
name: "drift",
verdict: "skip",
details: request.checkDrift
? "needs a valid config"
: "not requested (check-drift / --check-drift)"
});
}
let gates;
let champion;
let challenger;
let environment;
let gateConfig = {};
const challengerPath = config
? `${exportDir}/${(0, _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_2__.V6)(config.model.name, config.model.challengerTag)}`
: undefined;
let environmentError;
if (config) {
const picked = pickEnvironment(config, request);
if ("error" in picked)
environmentError = picked.error;
else
environment = picked.name;
gateConfig = (0, _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_2__.wQ)(config, environment);
}
if (environmentError) {
problems.push({ message: environmentError });
checks.push({ name: "gates", verdict: "fail", details: environmentError });
}
else if (config && challengerPath && Object.keys(gateConfig).length > 0) {
const [, durationMs] = await timed(async () => {
const file = manifests.find(m => m.file === challengerPath);
challenger = file?.loaded?.record;
champion = await findChampion(request, config, exportDir, notes, challenger);
if (!file?.source) {
const why = !file
? "does not exist"
: file.unreadable
? `cannot be read (${file.unreadable})`
: "is not valid YAML";
gates = {
verdict: "fail",
results: [],
failures: [
`the challenger manifest ${challengerPath} ${why} (export one with promote export --model-uri <uri>)`
]
};
problems.push({ file: challengerPath, message: gates.failures[0] });
return;
}
gates = (0, _core_gates_js__WEBPACK_IMPORTED_MODULE_6__.ud)({
gates: gateConfig,
challenger: metricsOf(file.source.data),
champion: champion?.metrics,
...(champion && { championSource: champion.source })
});
for (const result of gates.results) {
for (const row of result.rows.filter(r => r.verdict === "fail")) {
const present = metricsOf(file.source.data)?.[result.metric] !== undefined;
problems.push({
file: challengerPath,
...metricLine(file, present ? result.metric : undefined),
path: `spec.metrics.${result.metric}`,
message: `gate ${row.rule}: ${row.reason}`
});
}
}
});
const evaluation = gates;
const failed = evaluation?.results.filter(r => r.verdict === "fail").length ?? 0;
const skipped = evaluation?.results.flatMap(r => r.rows).filter(r => r.verdict === "skip").length ?? 0;
const verdict = evaluation?.verdict === "fail"
? "fail"
: skipped > 0 && request.champion !== "none"
? "warn"
: (evaluation?.verdict ?? "skip");
checks.push({
name: "gates",
verdict,
details: evaluation?.results.length
? `${evaluation.results.length} gate${evaluation.results.length === 1 ? "" : "s"}${failed ? `, ${failed} failed` : ""}; champion: ${champion ? champion.source : "none"}${skipped ? `; ${skipped} comparison${skipped === 1 ? "" : "s"} skipped` : ""}`
: (evaluation?.failures[0] ?? "no gates"),
durationMs
});
}
else {
checks.push({
name: "gates",
verdict: "skip",
details: config
? `no gates configured${environment ? ` for ${environment}` : ""}`
: "needs a valid config"
});
}
for (const problem of problems) {
log.error(problem.path ? `${problem.path}: ${problem.message}` : problem.message, {
...(problem.file !== undefined && { file: problem.file }),
...(problem.line !== undefined && { line: problem.line }),
...(problem.column !== undefined && { column: problem.column })
});
}
for (const note of notes)
log.info(note);
const report = buildReport({
checks,
problems,
notes,
gates,
drift,
challenger,
champion,
environment,
configFile,
challengerPath
});
return {
report,
checks,
problems,
drift,
...(gates && { gates }),
...(challenger && { challenger }),
...(champion && { champion }),
...(config && { config })
};
}
function buildReport(input) {
const failed = input.checks.filter(c => c.verdict === "fail");
const verdict = failed.length
? "fail"
: input.checks.some(c => c.verdict === "warn")
? "warn"
: "pass";
const sections = [
{
title: "Checks",
tables: [
{
columns: ["check", "verdict", "duration", "details"],
rows: input.checks.map(c => [
c.name,
c.verdict.toUpperCase(),
c.durationMs !== undefined ? (0, _core_duration_js__WEBPACK_IMPORTED_MODULE_11__.a)(c.durationMs) : "\u2014",
c.details
])
}
]
}
];
if (input.problems.length) {
sections.push({
title: `Problems (${input.problems.length})`,
verdict: "fail",
items: input.problems.map(p => (0, _core_errors_js__WEBPACK_IMPORTED_MODULE_5__.Vw)(p))
});
}
if (input.gates?.results.length) {
sections.push({
title: "Gates",
verdict: input.gates.verdict,
text: [
input.champion
? `Challenger ${input.challengerPath} against the champion ${input.champion.source}${input.champion.record?.version ? ` (version ${input.champion.record.version})` : ""}.`
: `Challenger ${input.challengerPath}; no champion, so comparisons are skipped.`
],
tables: input.gates.results.map(result => ({
title: `${result.verdict === "fail" ? "\u274C" : result.verdict === "pass" ? "\u2705" : "\u23ED\uFE0F"} ${result.metric} (${result.better} is better)`,
columns: [..._core_gates_js__WEBPACK_IMPORTED_MODULE_6__.Um],
rows: (0, _core_gates_js__WEBPACK_IMPORTED_MODULE_6__.RX)(result)
}))
});
}
if (input.drift.length) {
sections.push({
title: "Drift",
verdict: "fail",
tables: [
{
columns: ["manifest", "field", "committed", "registry"],
rows: input.drift.map(d => [d.file, d.field, d.committed, d.registry])
}
]
});
}
if (input.notes.length)
sections.push({ title: "Notes", verdict: "info", items: input.notes });
const facts = [["Config", input.configFile]];
if (input.environment)
facts.push(["Gates for", input.environment]);
if (input.challengerPath)
facts.push([
"Challenger",
`${input.challengerPath}${input.challenger ? ` (${input.challenger.uri})` : ""}`
]);
if (input.champion)
facts.push(["Champion", input.champion.source]);
return {
title: failed.length
? `Model checks failed: ${failed.map(c => c.name).join(", ")}`
: verdict === "warn"
? `Model checks passed with warnings: ${input.checks
.filter(c => c.verdict === "warn")
.map(c => c.name)
.join(", ")}`
: "Model checks passed",
verdict,
facts,
sections
};
}
function parseFailOn(value) {
const text = value.trim().toLowerCase();
if (text === "" || text === "errors")
return { mode: "errors" };
if (text === "any" || text === "never")
return { mode: text };
const names = text.split(/[\s,]+/).filter(Boolean);
const unknown = names.filter(n => !CHECKS.includes(n));
if (unknown.length) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__.ConfigurationError(`fail-on: unknown ${unknown.length === 1 ? "check" : "checks"} ${unknown.map(n => `'${n}'`).join(", ")}; use errors, any, never or a list of ${CHECKS.join(", ")}`);
}
return { mode: "checks", checks: names };
}
function failingChecks(checks, failOn) {
switch (failOn.mode) {
case "never":
return [];
case "errors":
return checks.filter(c => c.verdict === "fail");
case "any":
return checks.filter(c => c.verdict === "fail" || c.verdict === "warn");
case "checks":
return checks.filter(c => c.verdict === "fail" && failOn.checks.includes(c.name));
}
}
}),
7311: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
RX: () => (gateTableRows),
Um: () => (GATE_COLUMNS),
ud: () => (evaluateGates)
});
var _report_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8557);
const EPSILON = 1e-9;
function describe(value) {
if (typeof value === "string")
return `'${value}' (a string)`;
if (typeof value === "number")
return String(value);
return `${JSON.stringify(value)} (${value === null ? "null" : Array.isArray(value) ? "a list" : typeof value})`;
}
function readMetric(metrics, metric, who) {
if (!metrics || !(metric in metrics) || metrics[metric] === undefined) {
const present = Object.keys(metrics ?? {});
return {
ok: false,
reason: `${who} has no metric '${metric}' (metrics: ${present.join(", ") || "none"})`
};
}
const value = metrics[metric];
if (typeof value !== "number")
return { ok: false, reason: `${who}'s '${metric}' is ${describe(value)}, not a number` };
if (!Number.isFinite(value))
return { ok: false, reason: `${who}'s '${metric}' is ${value}, not a finite number` };
return { ok: true, value };
}
function signed(value) {
const text = (0, _report_js__WEBPACK_IMPORTED_MODULE_0__.Fl)(value);
return value > 0 ? `+${text}` : text;
}
function percent(fraction) {
return `${(0, _report_js__WEBPACK_IMPORTED_MODULE_0__.Fl)(Number((fraction * 100).toPrecision(4)))}%`;
}
function describeRule(name, rule) {
switch (name) {
case "min":
return `≥ ${(0, _report_js__WEBPACK_IMPORTED_MODULE_0__.Fl)(rule.min)}`;
case "max":
return `≤ ${(0, _report_js__WEBPACK_IMPORTED_MODULE_0__.Fl)(rule.max)}`;
case "maxDrop":
return `drop ≤ ${(0, _report_js__WEBPACK_IMPORTED_MODULE_0__.Fl)(rule.maxDrop)} vs champion (${rule.better} is better)`;
case "maxRelativeDrop":
return `drop ≤ ${percent(rule.maxRelativeDrop ?? 0)} vs champion (${rule.better} is better)`;
case "noWorse":
return `not worse than champion (${rule.better} is better)`;
}
}
function evaluateGate(metric, rule, inputs) {
const challenger = readMetric(inputs.challenger, metric, "the challenger");
const hasChampion = inputs.champion !== undefined;
const champion = hasChampion ? readMetric(inputs.champion, metric, "the champion") : undefined;
const challengerText = challenger.ok ? (0, _report_js__WEBPACK_IMPORTED_MODULE_0__.Fl)(challenger.value) : "\u2014";
const championText = champion?.ok ? (0, _report_js__WEBPACK_IMPORTED_MODULE_0__.Fl)(champion.value) : "\u2014";
const deltaText = challenger.ok && champion?.ok
? `${signed(challenger.value - champion.value)}${champion.value !== 0 ? ` (${signed(Number((((challenger.value - champion.value) / Math.abs(champion.value)) * 100).toPrecision(4)))}%)` : ""}`
: "\u2014";
const row = (ruleName, verdict, reason) => ({
metric,
challenger: challengerText,
champion: championText,
delta: deltaText,
rule: describeRule(ruleName, rule),
verdict,
...(reason !== undefined && { reason })
});
const rows = [];
const absolute = (name, bound) => {
if (!challenger.ok)
return rows.push(row(name, "fail", challenger.reason));
const ok = name === "min" ? challenger.value >= bound - EPSILON : challenger.value <= bound + EPSILON;
rows.push(row(name, ok ? "pass" : "fail", ok
? undefined
: `${metric} ${(0, _report_js__WEBPACK_IMPORTED_MODULE_0__.Fl)(challenger.value)} is ${name === "min" ? "below the minimum" : "above the maximum"} ${(0, _report_js__WEBPACK_IMPORTED_MODULE_0__.Fl)(bound)}`));
};
if (rule.min !== undefined)
absolute("min", rule.min);
if (rule.max !== undefined)
absolute("max", rule.max);
const comparisons = [];
if (rule.maxDrop !== undefined)
comparisons.push("maxDrop");
if (rule.maxRelativeDrop !== undefined)
comparisons.push("maxRelativeDrop");
if (comparisons.length === 0 && rule.min === undefined && rule.max === undefined)
comparisons.push("noWorse");
for (const name of comparisons) {
if (!challenger.ok) {
rows.push(row(name, "fail", challenger.reason));
continue;
}
if (!champion) {
rows.push(row(name, "skip", "no champion to compare with"));
continue;
}
if (!champion.ok) {
rows.push(row(name, "skip", `${champion.reason}${inputs.championSource ? ` (${inputs.championSource})` : ""}`));
continue;
}
const worsening = rule.better === "higher"
? champion.value - challenger.value
: challenger.value - champion.value;
const allowed = name === "maxDrop"
? rule.maxDrop
: name === "maxRelativeDrop"
? rule.maxRelativeDrop * Math.abs(champion.value)
: 0;
const ok = worsening <= allowed + EPSILON;
const by = name === "maxRelativeDrop" && champion.value !== 0
? percent(worsening / Math.abs(champion.value))
: (0, _report_js__WEBPACK_IMPORTED_MODULE_0__.Fl)(worsening);
const limit = name === "maxRelativeDrop" ? percent(rule.maxRelativeDrop) : (0, _report_js__WEBPACK_IMPORTED_MODULE_0__.Fl)(allowed);
rows.push(row(name, ok ? "pass" : "fail", ok
? undefined
: `${metric} ${(0, _report_js__WEBPACK_IMPORTED_MODULE_0__.Fl)(challenger.value)} is worse than the champion's ${(0, _report_js__WEBPACK_IMPORTED_MODULE_0__.Fl)(champion.value)} by ${by}${name === "noWorse" ? "" : `; allowed ${limit}`}`));
}
const verdict = rows.some(r => r.verdict === "fail")
? "fail"
: rows.some(r => r.verdict === "pass")
? "pass"
: "skip";
return { metric, better: rule.better, verdict, rows };
}
function evaluateGates(inputs) {
const results = Object.entries(inputs.gates).map(([metric, rule]) => evaluateGate(metric, rule, inputs));
const failures = results.flatMap(r => r.rows
.filter(row => row.verdict === "fail")
.map(row => `${row.metric} (${row.rule}): ${row.reason}`));
const verdict = results.some(r => r.verdict === "fail")
? "fail"
: results.some(r => r.verdict === "pass")
? "pass"
: "skip";
return { verdict, results, failures };
}
const GATE_COLUMNS = [
"metric",
"challenger",
"champion",
"delta",
"rule",
"verdict"
];
function gateTableRows(result) {
return result.rows.map(r => [
r.metric,
r.challenger,
r.champion,
r.delta,
r.rule,
`${r.verdict.toUpperCase()}${r.reason ? `: ${r.reason}` : ""}`
]);
}
})
};
