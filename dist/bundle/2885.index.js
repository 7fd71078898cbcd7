export const id = 2885;
export const ids = [2885];
export const modules = {
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
3504: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
BO: () => (approvalRequirement),
Fu: () => (enforceGitHubApproval),
_F: () => (terminalApproval)
});
var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
const REVIEWERS_RULE = "required reviewers";
const SWITCH = "deployment.approval.allowUnprotected";
function settingsPath(repository, environment, serverUrl = "https://github.com") {
return `Settings → Environments → ${environment} → Required reviewers (${serverUrl}/${repository}/settings/environments)`;
}
function approvalRequirement(environment, configRequires, input) {
if (input === "true")
return { required: true };
if (input === "false" && configRequires) {
return {
required: true,
warning: `require-approval: false is ignored: promote.yaml requires approval for ${environment}, and an input may make ` +
`the rule stricter, never weaker. To deploy ${environment} without approval, set environments.${environment}.requireApproval: false in promote.yaml`
};
}
return { required: configRequires };
}
async function enforceGitHubApproval(input) {
const { environment, source, log } = input;
if (!input.required) {
log.info(`Approval: environment '${environment}' does not require approval (environments.${environment}.requireApproval)`);
return { mode: "not-required", approvers: [], note: "not required by promote.yaml" };
}
const protection = await source.getEnvironmentProtection(environment);
const reviewers = protection?.requiredReviewers;
if (!protection || !reviewers || reviewers.length === 0) {
const visibility = await source.repositoryVisibility();
const missing = protection
? `environment '${environment}' has no ${REVIEWERS_RULE} protection rule, so GitHub would run this job without asking anyone`
: `environment '${environment}' does not exist in ${input.repository}, so nobody was asked to approve this deploy`;
if (input.config.allowUnprotected) {
log.warning(`${missing}; deploying anyway because ${SWITCH} is true in promote.yaml`);
return {
mode: "unprotected-accepted",
approvers: [],
note: `unprotected: accepted by ${SWITCH}`
};
}
const privateRepo = visibility === "private" || visibility === "internal";
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.XQ({
kind: "approval",
reason: `approval refused: ${missing}` +
(privateRepo
? `; required reviewers on ${visibility} repositories need GitHub Enterprise (public repositories have them on every plan)`
: ""),
rule: `${environment} requires approval (promote.yaml)`,
fix: privateRepo
? `on Enterprise, add reviewers under ${settingsPath(input.repository, environment, input.serverUrl)}; ` +
`without it, set ${SWITCH}: true in promote.yaml to accept deploying without a reviewer`
: `add reviewers under ${settingsPath(input.repository, environment, input.serverUrl)} and run the deploy in a job with ` +
`\`environment: ${environment}\` (as deploy.yml does)`
});
}
const approvals = await source.listRunApprovals(input.runId);
const latest = latestReviews(approvals, environment);
const rejected = latest.filter(a => a.state === "rejected");
if (rejected.length > 0) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.XQ({
kind: "approval",
reason: `approval refused: ${rejected.map(a => a.user).join(", ")} rejected the deploy to '${environment}' in run ${input.runId}`,
rule: `${REVIEWERS_RULE} (${reviewers.join(", ")})`,
fix: "re-run the workflow and ask a reviewer to approve it"
});
}
const approvers = latest.filter(a => a.state === "approved").map(a => a.user);
if (approvers.length === 0) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.XQ({
kind: "approval",
reason: `approval refused: run ${input.runId} has no approval for environment '${environment}'`,
rule: `${REVIEWERS_RULE} (${reviewers.join(", ")})`,
fix: `run the deploy in a job with \`environment: ${environment}\` ` +
`(as deploy.yml does) so GitHub asks the reviewers; an administrator bypass does not count as an approval`
});
}
let eligible = approvers;
const notes = [];
if (input.config.distinctApprover) {
const actors = new Set(input.actors.filter(Boolean));
eligible = eligible.filter(user => !actors.has(user));
if (eligible.length === 0) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.XQ({
kind: "approval",
reason: `approval refused: environment '${environment}' was approved only by ${approvers.join(", ")}, who triggered this run`,
rule: "deployment.approval.distinctApprover (promote.yaml)",
fix: `ask another of the reviewers (${reviewers.join(", ")}) ` +
`to approve a re-run, and turn on "Prevent self-review" for the environment so GitHub enforces it too`
});
}
notes.push("distinct from the actor");
}
if (input.fourEyes) {
const excluded = new Map(input.fourEyes.people.filter(p => p.login).map(p => [p.login, p.role]));
const before = eligible;
eligible = eligible.filter(user => !excluded.has(user));
const who = [...excluded].map(([login, role]) => `${login} (${role})`).join(", ");
if (eligible.length === 0) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.XQ({
kind: "approval",
reason: `approval refused: environment '${environment}' was approved only by ${before.join(", ")}; the four-eyes rule excludes ${who || "nobody known"}`,
rule: `environments.${environment}.fourEyes (promote.yaml): the approver is neither the pull request's author nor its merger`,
fix: `ask another of the reviewers (${reviewers.join(", ")}) to approve a re-run`
});
}
notes.push(`four eyes: not ${who}`);
}
log.info(`Approval: '${environment}' approved by ${eligible.join(", ")}${notes.length ? ` (${notes.join("; ")})` : ""}`);
return {
mode: "github",
approvers: eligible,
note: `approved by ${eligible.join(", ")}${notes.length ? ` (${notes.join("; ")})` : ""}`
};
}
function latestReviews(approvals, environment) {
const byUser = new Map();
for (const review of approvals) {
if (!review.environments.includes(environment))
continue;
if (review.state !== "approved" && review.state !== "rejected")
continue;
byUser.delete(review.user);
byUser.set(review.user, review);
}
return [...byUser.values()];
}
async function terminalApproval(input) {
if (!input.required)
return { mode: "not-required", approvers: [], note: "not required by promote.yaml" };
if (input.assumeYes) {
return {
mode: "assumed-yes",
approvers: [input.user],
note: `approved by ${input.user} with --yes`
};
}
if (!input.interactive) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.XQ({
kind: "approval",
reason: `approval refused: environment '${input.environment}' requires approval and there is no terminal to ask`,
rule: `environments.${input.environment}.requireApproval (promote.yaml)`,
fix: "run it in a terminal, or pass --yes to approve it yourself"
});
}
const yes = await input.ask(`Deploy ${input.what} to ${input.environment}? (yes/no) `);
if (!yes) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.XQ({
kind: "approval",
reason: `approval refused: the deploy to '${input.environment}' was not approved at the terminal`,
rule: `environments.${input.environment}.requireApproval (promote.yaml)`,
fix: "answer yes, or pass --yes"
});
}
return {
mode: "terminal",
approvers: [input.user],
note: `approved by ${input.user} at the terminal`
};
}
})
};
