export const id = 486;
export const ids = [486];
export const modules = {
3567: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
$h: () => (humanContext),
GF: () => (writeJson),
M9: () => (write),
V9: () => (RETIRED_SHORT_FLAGS),
a3: () => (listValue),
bV: () => (SHORT_FLAGS),
dG: () => (CONFIG_OPTION),
mB: () => (causeLine),
r$: () => (stringValue),
rj: () => (JSON_OPTION),
yz: () => (shortFlagOf)
});
const SHORT_FLAGS = {
a: "arg",
c: "config",
d: "dir",
e: "env",
f: "facts-file",
j: "json",
m: "model-uri",
t: "timeout",
w: "workflow",
y: "yes"
};
const RETIRED_SHORT_FLAGS = {
export: { t: "tag" },
deploy: { m: "manifest" },
plan: { m: "manifest" },
notify: { e: "event" }
};
function shortFlagOf(longName) {
return Object.keys(SHORT_FLAGS).find(letter => SHORT_FLAGS[letter] === longName);
}
const CONFIG_OPTION = {
config: {
type: "string",
value: "file",
default: "promote.yaml",
description: "the promote.yaml to read, relative to the current directory"
}
};
const JSON_OPTION = {
json: {
type: "boolean",
description: "print one JSON document on stdout (docs/cli.md describes its keys); logs and reports go to stderr"
}
};
function write(stream, text) {
stream.write(text.endsWith("\n") ? text : `${text}\n`);
}
function humanContext(values, context) {
return values.json === true ? { ...context, stdout: context.stderr } : context;
}
function writeJson(context, document) {
write(context.stdout, JSON.stringify(document));
}
function causeLine(text) {
const lines = text
.split("\n")
.map(line => line.trim())
.filter(Boolean);
return lines.length > 1 ? `${lines[0]}: ${lines.at(-1)}` : (lines[0] ?? text);
}
function stringValue(values, key) {
const value = values[key];
return typeof value === "string" && value !== "" ? value : undefined;
}
function listValue(values, key) {
const value = values[key];
if (value === undefined)
return [];
return (Array.isArray(value) ? value : [value]).map(String);
}
}),
486: ((module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => {
try {
__webpack_require__.r(__webpack_exports__);
var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3028);
var _signals_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3563);
const debug = Boolean(process.env.PROMOTE_DEBUG) || process.argv.includes("--debug");
for (const stream of [process.stdout, process.stderr]) {
stream.on("error", (error) => {
if (error.code === "EPIPE")
process.exit(process.exitCode ?? 0);
fail(error);
});
}
function fail(error) {
try {
if (debug && error instanceof Error && error.stack)
process.stderr.write(`${error.stack}\n`);
process.stderr.write(`promote: ${(0, _main_js__WEBPACK_IMPORTED_MODULE_0__.Uc)(error)}\n`);
}
catch {
}
process.exit(1);
}
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);
(0, _signals_js__WEBPACK_IMPORTED_MODULE_1__.ce)(process.stderr);
const code = await (0, _main_js__WEBPACK_IMPORTED_MODULE_0__.iW)(process.argv.slice(2), {
cwd: process.cwd(),
env: process.env,
stdin: process.stdin,
stdout: process.stdout,
stderr: process.stderr
});
process.exitCode = code;
__webpack_async_result__();
}
catch (e) {
__webpack_async_result__(e);
}
}, 1);
}),
3028: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Uc: () => (describeError),
iW: () => (main)
});
var external_node_util_ = __webpack_require__(7975);
var secrets = __webpack_require__(8198);
var cli_command = __webpack_require__(3567);
;
const command = {
name: "collect",
summary: "Collect ended detached trainings: export the challenger, open its pull request, notify (once each)",
usage: "[--repo <owner/name>] [--cluster <name> --run-id <id>] [--json] [--config promote.yaml]",
options: {
...cli_command.dG,
repo: {
type: "string",
value: "owner/name",
description: "the GitHub repository whose submissions to collect (default: GITHUB_REPOSITORY); the token is read from GITHUB_TOKEN or GH_TOKEN"
},
cluster: {
type: "string",
value: "name",
description: "the cluster (a key of clusters in promote.yaml) that --run-id is on"
},
"run-id": {
type: "string",
value: "id",
description: "collect only this run (what a callback names); without it, every submission the clusters list"
},
...cli_command.rj
},
async run(values, _positionals, context) {
const { parseRepository } = await Promise.all([__webpack_require__.e(7846), __webpack_require__.e(3618)]).then(__webpack_require__.bind(__webpack_require__, 7846));
const { collect } = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(3243), __webpack_require__.e(7967), __webpack_require__.e(9168), __webpack_require__.e(4414), __webpack_require__.e(1342), __webpack_require__.e(9018), __webpack_require__.e(7029), __webpack_require__.e(5234)]).then(__webpack_require__.bind(__webpack_require__, 5234));
const { collectPorts } = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(3243), __webpack_require__.e(7967), __webpack_require__.e(9168), __webpack_require__.e(4414), __webpack_require__.e(1342), __webpack_require__.e(3660), __webpack_require__.e(1300), __webpack_require__.e(6212), __webpack_require__.e(9142)]).then(__webpack_require__.bind(__webpack_require__, 6212));
const { ConfigurationError } = await Promise.resolve().then(__webpack_require__.bind(__webpack_require__, 4296));
const { terminalLog, terminalReporter } = await __webpack_require__.e(7644).then(__webpack_require__.bind(__webpack_require__, 7644));
const { loadCliConfig, localContext } = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(3243), __webpack_require__.e(7967), __webpack_require__.e(9168), __webpack_require__.e(4414), __webpack_require__.e(1342), __webpack_require__.e(9018), __webpack_require__.e(512), __webpack_require__.e(2885), __webpack_require__.e(2701)]).then(__webpack_require__.bind(__webpack_require__, 2701));
const { env } = context;
const token = env.GITHUB_TOKEN || env.GH_TOKEN;
if (!token)
throw new ConfigurationError("promote collect needs a GitHub token that may push branches and open pull requests (contents: write, pull-requests: write) in GITHUB_TOKEN or GH_TOKEN");
const named = (0, cli_command.r$)(values, "repo") ?? env.GITHUB_REPOSITORY;
if (!named)
throw new ConfigurationError("name the repository with --repo owner/name (or GITHUB_REPOSITORY)");
let repository;
try {
repository = parseRepository(named);
}
catch (error) {
throw new ConfigurationError(`--repo: ${error.message}`);
}
const runId = (0, cli_command.r$)(values, "run-id");
const cluster = (0, cli_command.r$)(values, "cluster");
if (runId && !cluster)
throw new ConfigurationError("--run-id needs --cluster: the cluster (under `clusters`) the run is on");
const config = await loadCliConfig(values, context);
const human = (0, cli_command.$h)(values, context);
const log = terminalLog(human);
const runContext = { ...localContext(context), repository };
const result = await collect({
config,
repository,
context: runContext,
env,
...(runId && { callback: { runId, cluster } }),
runnerName: env.RUNNER_NAME
}, await collectPorts({
config,
token,
cwd: context.cwd,
env,
context: runContext,
log,
reporter: terminalReporter(human)
}));
if (values.json === true)
(0, cli_command.GF)(context, { ok: result.ok, runs: result.runs });
return result.ok ? 0 : 1;
}
};
;
const demo_command = {
name: "demo",
summary: "Play the whole promotion flow on examples/quickstart, on this machine",
usage: "[--yes] [--keep] [--dir <new directory>]",
options: {
yes: {
type: "boolean",
description: "approve the staging and production deployments without asking"
},
keep: {
type: "boolean",
description: "keep the temporary repository (its model servers are stopped all the same)"
},
dir: {
type: "string",
value: "dir",
description: "play the flow in this new or empty directory instead of a temporary one"
}
},
async run(values, _positionals, context) {
const { runDemo } = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(3243), __webpack_require__.e(7967), __webpack_require__.e(9168), __webpack_require__.e(1155)]).then(__webpack_require__.bind(__webpack_require__, 1155));
const result = await runDemo({
yes: values.yes === true,
keep: values.keep === true,
...(typeof values.dir === "string" && values.dir !== "" && { dir: values.dir })
}, context);
return result.ok ? 0 : 1;
}
};
;
const ENV_OPTION = {
env: {
type: "string",
value: "environment",
description: "the environment to use, a key of environments in promote.yaml (default: the one whose branch is checked out)"
}
};
const LEDGER_OPTION = {
ledger: {
type: "string",
value: "file",
default: ".promote/deployments.json",
description: "the local deployment ledger (the CLI stand-in for GitHub deployments)"
}
};
const YES_OPTION = {
yes: {
type: "boolean",
description: "approve without asking (the environment requires approval; for scripts and CI)"
}
};
const DEPLOY_RUN_OPTIONS = {
arg: {
type: "string",
value: "name=value",
multiple: true,
description: "a deploy workflow argument over the config's, its value read as YAML; repeatable"
},
arguments: {
type: "string",
value: "json",
description: "deploy workflow arguments as one JSON/YAML object, e.g. '{\"replicas\": 2}'"
},
timeout: {
type: "string",
value: "duration",
description: "how long to wait for the deploy run before cancelling it (30m, 2h; default: the workflow's)"
}
};
const FACTS_FILE_OPTION = {
"facts-file": {
type: "string",
value: "path",
description: "write the deploy's facts (JSON) to this file, for promote notify --facts-file"
}
};
;
const deploy_command = {
name: "deploy",
summary: "Deploy the committed challenger to an environment (approval, deployment record, smoke test)",
usage: "--env <environment> [--yes] [--manifest <file>] [--json] [options]",
options: {
...cli_command.dG,
...ENV_OPTION,
manifest: {
type: "string",
value: "file",
description: "the model manifest to deploy (default: the challenger's in the export dir)"
},
...YES_OPTION,
"override-same-artifact": {
type: "string",
value: "reason",
description: "deploy although this artifact did not succeed in the previous environment; the reason is recorded"
},
...DEPLOY_RUN_OPTIONS,
"no-wait": {
type: "boolean",
description: "record the deployment and submit the run without waiting for it"
},
...FACTS_FILE_OPTION,
...LEDGER_OPTION,
...cli_command.rj
},
async run(values, _positionals, context) {
const local = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(3243), __webpack_require__.e(7967), __webpack_require__.e(9168), __webpack_require__.e(4414), __webpack_require__.e(1342), __webpack_require__.e(9018), __webpack_require__.e(512), __webpack_require__.e(2885), __webpack_require__.e(2701)]).then(__webpack_require__.bind(__webpack_require__, 2701));
const human = (0, cli_command.$h)(values, context);
const config = await local.loadCliConfig(values, context);
const run = local.localContext(context);
const environment = local.cliEnvironment(config, values, run);
const manifest = await local.cliManifest(config, values, context);
const override = local.str(values, "override-same-artifact");
const timeout = local.str(values, "timeout");
const { code, outcome } = await local.runCliDeploy(config, {
environment,
manifest,
arguments: local.cliArguments(values),
wait: values["no-wait"] !== true,
...(timeout && { timeout }),
...(override && { overrideSameArtifact: override })
}, values, human, run);
if (values.json === true)
(0, cli_command.GF)(context, local.deployDocument(outcome, code));
return code;
}
};
;
const export_command = {
name: "export",
summary: "Export a model's metadata from its registry into the export dir as YAML",
usage: "--model-uri <uri> [--tag challenger] [--dir artifacts] [--yes] [--config promote.yaml]",
options: {
"model-uri": {
type: "string",
value: "uri",
description: "the model to export: store://models/<project>/<key>#0:latest (MLRun), models:/<name>@<alias> (MLflow, file registry)"
},
tag: {
type: "string",
value: "tag",
description: "the tag the manifest is written under (default: promote.yaml's challengerTag)"
},
dir: {
type: "string",
value: "dir",
description: "where to write <key>:<tag>.yaml (default: promote.yaml's model.exportDir)"
},
yes: {
type: "boolean",
description: "export without asking first (for scripts and CI)"
},
...cli_command.dG
},
async run(values, _positionals, context) {
const { lstatSync } = await Promise.resolve().then(__webpack_require__.t.bind(__webpack_require__, 3024, 23));
const { resolve } = await Promise.resolve().then(__webpack_require__.t.bind(__webpack_require__, 6760, 23));
const { loadConfig } = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(3243), __webpack_require__.e(7967), __webpack_require__.e(9168)]).then(__webpack_require__.bind(__webpack_require__, 9168));
const { configSchema } = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(7967)]).then(__webpack_require__.bind(__webpack_require__, 7967));
const { ConfigurationError } = await Promise.resolve().then(__webpack_require__.bind(__webpack_require__, 4296));
const { createRegistry } = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(3243), __webpack_require__.e(7967), __webpack_require__.e(9168), __webpack_require__.e(4414), __webpack_require__.e(7250)]).then(__webpack_require__.bind(__webpack_require__, 7250));
const { exportModel } = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(3243), __webpack_require__.e(7967), __webpack_require__.e(9168), __webpack_require__.e(4414), __webpack_require__.e(6035)]).then(__webpack_require__.bind(__webpack_require__, 6585));
const { terminalLog } = await __webpack_require__.e(7644).then(__webpack_require__.bind(__webpack_require__, 7644));
const { askYesNo } = await __webpack_require__.e(1934).then(__webpack_require__.bind(__webpack_require__, 1934));
const uri = (0, cli_command.r$)(values, "model-uri");
if (!uri)
throw new ConfigurationError("--model-uri is required, e.g. --model-uri store://models/<project>/model#0:latest or models:/model@latest");
const configOption = (0, cli_command.r$)(values, "config");
const configPath = resolve(context.cwd, configOption ?? "promote.yaml");
const explicitConfig = configOption !== undefined && configOption !== "promote.yaml";
const hasConfig = lstatSync(configPath, { throwIfNoEntry: false }) !== undefined;
const config = hasConfig || explicitConfig
? await loadConfig(configPath)
: configSchema.parse({
project: "default",
model: { name: "model" },
environments: { development: { branch: "development", cluster: "local" } }
});
const log = terminalLog(context);
const registry = await createRegistry(config, context.env, { cwd: context.cwd });
const tag = (0, cli_command.r$)(values, "tag") ?? config.model.challengerTag;
const ask = async (question) => {
const answer = await askYesNo(question, context.stdin, context.stdout, {
exact: true,
invalid: "Invalid input. Please enter 'yes' or 'no'."
});
if (answer === undefined && context.stdin.isTTY !== true) {
throw new ConfigurationError("nothing answered the export question: standard input is not a terminal and gave no answer (pass --yes to export without asking, e.g. in CI or scripts; or pipe the answer: echo yes | promote export ...)");
}
return answer === true;
};
const firstEnvironment = Object.values(config.environments)[0];
const result = await exportModel({
uri,
tag,
dir: (0, cli_command.r$)(values, "dir") ?? config.model.exportDir,
cwd: context.cwd,
registry,
log,
...(!values.yes && { confirm: ask }),
...(firstEnvironment && hasConfig && { targetBranch: firstEnvironment.branch })
});
return result.exported ? 0 : 1;
}
};
;
const history_command = {
name: "history",
summary: "List the deployments of an environment (local ledger, or GitHub with --github)",
usage: "[--env <environment>] [--limit <n>] [--json] [--github --repo <owner/name>]",
options: {
...cli_command.dG,
env: {
type: "string",
value: "environment",
description: "the environment to list (default: every environment of promote.yaml)"
},
limit: {
type: "string",
value: "n",
default: "30",
description: "how many deployments to list per environment, newest first"
},
github: {
type: "boolean",
description: "read GitHub deployments instead of the local ledger (token in GITHUB_TOKEN or GH_TOKEN)"
},
repo: {
type: "string",
value: "owner/name",
description: "the repository for --github (default: GITHUB_REPOSITORY, else the origin remote)"
},
...LEDGER_OPTION,
...cli_command.rj
},
async run(values, _positionals, context) {
const { historyReport, historyRows, loadHistory } = await __webpack_require__.e(9171).then(__webpack_require__.bind(__webpack_require__, 9171));
const { environmentNames } = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(2170)]).then(__webpack_require__.bind(__webpack_require__, 2170));
const { ConfigurationError } = await Promise.resolve().then(__webpack_require__.bind(__webpack_require__, 4296));
const { terminalReporter } = await __webpack_require__.e(7644).then(__webpack_require__.bind(__webpack_require__, 7644));
const { loadCliConfig, openLedger, str } = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(3243), __webpack_require__.e(7967), __webpack_require__.e(9168), __webpack_require__.e(4414), __webpack_require__.e(1342), __webpack_require__.e(9018), __webpack_require__.e(512), __webpack_require__.e(2885), __webpack_require__.e(2701)]).then(__webpack_require__.bind(__webpack_require__, 2701));
const limit = Number(str(values, "limit") ?? "30");
if (!Number.isInteger(limit) || limit <= 0)
throw new ConfigurationError(`--limit ${String(values.limit)}: expected a positive whole number`);
let store;
let source;
if (values.github === true) {
const github = await githubStore(str(values, "repo"), context.env, context.cwd);
store = github.store;
source = github.source;
}
else {
const ledger = openLedger(values, context);
store = ledger;
source = ledger.file;
}
let environments;
const named = str(values, "env");
if (named)
environments = [named];
else {
const config = await loadCliConfig(values, context).catch(() => undefined);
environments = config
? environmentNames(config)
: values.github === true
? []
: await store.environments();
if (environments.length === 0)
throw new ConfigurationError("choose an environment with --env");
}
const all = {};
for (const environment of environments) {
const records = await loadHistory(store, environment, limit);
if (values.json === true)
all[environment] = historyRows(records);
else
await terminalReporter(context).summary(historyReport(environment, records, source));
}
if (values.json === true)
(0, cli_command.GF)(context, named ? all[named] : all);
return 0;
}
};
async function githubStore(repoOption, env, cwd) {
const { createGitHubClient, GitHubDeploymentStore, parseRepository } = await Promise.all([__webpack_require__.e(7846), __webpack_require__.e(3618)]).then(__webpack_require__.bind(__webpack_require__, 7846));
const { ConfigurationError } = await Promise.resolve().then(__webpack_require__.bind(__webpack_require__, 4296));
const token = env.GITHUB_TOKEN || env.GH_TOKEN;
if (!token) {
throw new ConfigurationError("--github needs a token with read access to deployments in GITHUB_TOKEN or GH_TOKEN (e.g. GH_TOKEN=$(gh auth token))");
}
const repository = repoOption ?? env.GITHUB_REPOSITORY ?? (await originRepository(cwd));
if (!repository)
throw new ConfigurationError("--github: name the repository with --repo owner/name (no GitHub origin remote found)");
let where;
try {
where = parseRepository(repository);
}
catch (error) {
throw new ConfigurationError(`--repo: ${error.message}`);
}
const store = new GitHubDeploymentStore(await createGitHubClient(token), where);
return { store, source: `GitHub deployments of ${where.owner}/${where.repo}` };
}
async function originRepository(cwd) {
const { execFileSync } = await Promise.resolve().then(__webpack_require__.t.bind(__webpack_require__, 1421, 23));
try {
const url = execFileSync("git", ["remote", "get-url", "origin"], {
cwd,
encoding: "utf8",
stdio: ["ignore", "pipe", "ignore"]
}).trim();
const match = /github\.com[:/]([^/]+)\/(.+?)(\.git)?$/.exec(url);
return match ? `${match[1]}/${match[2]}` : undefined;
}
catch {
return undefined;
}
}
;
const EVENTS = "started|approval-pending|succeeded|failed|cancelled";
const notify_command = {
name: "notify",
summary: "Send a pipeline notification (Slack message or update, thread reply, email) as the notify action does",
usage: `--event ${EVENTS} [--facts <json> | --facts-file <path>] [--channel C0123] [--ts <ts>] [--thread-ts <ts>] [--dry-run] [--json] [--fail-on-error]`,
options: {
...cli_command.dG,
event: {
type: "string",
value: EVENTS,
description: "what happened: the message (or update) to send"
},
"job-status": {
type: "string",
value: "success|failure|cancelled",
description: "the job's status (${{ job.status }}): corrects --event failed or succeeded to what happened"
},
facts: {
type: "string",
value: "json",
description: "the pipeline facts (JSON) that submit-train, submit-deploy or promote deploy wrote"
},
"facts-file": {
type: "string",
value: "path",
description: "read the facts from this file (- for stdin) instead of --facts"
},
channel: {
type: "string",
value: "id",
description: "the Slack channel (default: promote.yaml's notifications.slack.channel)"
},
ts: {
type: "string",
value: "ts",
description: "update this Slack message in place instead of posting a new one"
},
"thread-ts": {
type: "string",
value: "ts",
description: "reply in the thread of this Slack message"
},
"summary-url": {
type: "string",
value: "url",
description: "a link to the full report, shown in the message"
},
"dry-run": {
type: "boolean",
description: "print the message instead of sending it"
},
"fail-on-error": {
type: "boolean",
description: "exit 1 when the notification could not be sent (default: warn and exit 0)"
},
...cli_command.rj
},
async run(values, _positionals, context) {
const { existsSync, readFileSync } = await Promise.resolve().then(__webpack_require__.t.bind(__webpack_require__, 3024, 23));
const { createSmtpMailer } = await __webpack_require__.e(3271).then(__webpack_require__.bind(__webpack_require__, 3271));
const { createSlackClient, slackOptionsFromEnv } = await __webpack_require__.e(7852).then(__webpack_require__.bind(__webpack_require__, 7852));
const { postWebhook } = await __webpack_require__.e(6990).then(__webpack_require__.bind(__webpack_require__, 6990));
const { notify, parseFactsInput } = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(3660), __webpack_require__.e(1300), __webpack_require__.e(9885)]).then(__webpack_require__.bind(__webpack_require__, 1300));
const { loadConfig } = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(3243), __webpack_require__.e(7967), __webpack_require__.e(9168)]).then(__webpack_require__.bind(__webpack_require__, 9168));
const { ConfigurationError } = await Promise.resolve().then(__webpack_require__.bind(__webpack_require__, 4296));
const { NOTIFY_EVENTS, resolveEvent } = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(3660), __webpack_require__.e(3844)]).then(__webpack_require__.bind(__webpack_require__, 3660));
const { terminalLog, terminalReporter } = await __webpack_require__.e(7644).then(__webpack_require__.bind(__webpack_require__, 7644));
const { cliPath, localContext } = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(3243), __webpack_require__.e(7967), __webpack_require__.e(9168), __webpack_require__.e(4414), __webpack_require__.e(1342), __webpack_require__.e(9018), __webpack_require__.e(512), __webpack_require__.e(2885), __webpack_require__.e(2701)]).then(__webpack_require__.bind(__webpack_require__, 2701));
const human = (0, cli_command.$h)(values, context);
const log = terminalLog(human);
const eventName = (0, cli_command.r$)(values, "event");
if (!eventName)
throw new ConfigurationError(`--event is required: one of ${NOTIFY_EVENTS.join(", ")}`);
if (!NOTIFY_EVENTS.includes(eventName)) {
throw new ConfigurationError(`--event must be one of ${NOTIFY_EVENTS.join(", ")}, got '${eventName}'`);
}
if ((0, cli_command.r$)(values, "facts") !== undefined && (0, cli_command.r$)(values, "facts-file") !== undefined) {
throw new ConfigurationError("give --facts or --facts-file, not both");
}
let factsText = (0, cli_command.r$)(values, "facts");
const factsFile = (0, cli_command.r$)(values, "facts-file");
if (factsFile !== undefined) {
try {
factsText = readFileSync(factsFile === "-" ? 0 : cliPath(context, factsFile), "utf8");
}
catch (error) {
throw new ConfigurationError([
{
file: factsFile,
message: `cannot read: ${error.code ?? String(error)}`
}
]);
}
}
const facts = parseFactsInput(factsText, message => log.warning(message));
const event = resolveEvent(eventName, (0, cli_command.r$)(values, "job-status"), facts.state);
const configPath = cliPath(context, (0, cli_command.r$)(values, "config") ?? "promote.yaml");
let config;
if (existsSync(configPath))
config = await loadConfig(configPath);
else
log.info(`${configPath} not found: nothing is configured, the message is printed`);
const env = context.env;
const options = slackOptionsFromEnv(env);
const result = await notify({
event,
facts,
...(config && { config }),
...((0, cli_command.r$)(values, "channel") && { channel: (0, cli_command.r$)(values, "channel") }),
...((0, cli_command.r$)(values, "ts") && { ts: (0, cli_command.r$)(values, "ts") }),
...((0, cli_command.r$)(values, "thread-ts") && { threadTs: (0, cli_command.r$)(values, "thread-ts") }),
...((0, cli_command.r$)(values, "summary-url") && { summaryUrl: (0, cli_command.r$)(values, "summary-url") }),
context: localContext(context),
env,
dryRun: values["dry-run"] === true
}, {
log,
reporter: terminalReporter(human),
slack: token => createSlackClient(token, { ...options, debug: message => log.debug(message) }),
webhook: (url, message) => postWebhook(url, message, { ...(options.retry && { retry: options.retry }) }),
mailer: url => createSmtpMailer(url)
});
if (values.json === true) {
(0, cli_command.GF)(context, {
ok: result.ok,
ts: result.ts ?? "",
channel: result.channel ?? "",
threadTs: result.threadTs ?? ""
});
}
else if (result.ts) {
(0, cli_command.M9)(context.stdout, `Slack message ts=${result.ts} channel=${result.channel ?? ""}: pass --ts ${result.ts} --channel ${result.channel ?? ""} to update it`);
}
return !result.ok && values["fail-on-error"] === true ? 1 : 0;
}
};
;
const plan_command = {
name: "plan",
summary: "Show what a deploy would do (model, metrics against the live one, rules, pipeline) without doing it",
usage: "--env <environment> [--manifest <file>] [--arg name=value] [--json] [options]",
options: {
...cli_command.dG,
...ENV_OPTION,
manifest: {
type: "string",
value: "file",
description: "the model manifest to plan for (default: the challenger's in the export dir)"
},
"override-same-artifact": {
type: "string",
value: "reason",
description: "plan as if the same-artifact rule were overridden with this reason"
},
...DEPLOY_RUN_OPTIONS,
...LEDGER_OPTION,
...cli_command.rj
},
async run(values, _positionals, context) {
const local = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(3243), __webpack_require__.e(7967), __webpack_require__.e(9168), __webpack_require__.e(4414), __webpack_require__.e(1342), __webpack_require__.e(9018), __webpack_require__.e(512), __webpack_require__.e(2885), __webpack_require__.e(2701)]).then(__webpack_require__.bind(__webpack_require__, 2701));
const { planDeploy, planReport, terminalApprovalPlan } = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(1342), __webpack_require__.e(9018), __webpack_require__.e(512), __webpack_require__.e(1071)]).then(__webpack_require__.bind(__webpack_require__, 5880));
const { terminalLog, terminalReporter } = await __webpack_require__.e(7644).then(__webpack_require__.bind(__webpack_require__, 7644));
const human = (0, cli_command.$h)(values, context);
const config = await local.loadCliConfig(values, context);
const environment = local.cliEnvironment(config, values, local.localContext(context));
const manifest = await local.cliManifest(config, values, context);
const override = local.str(values, "override-same-artifact");
const timeout = local.str(values, "timeout");
const plan = await planDeploy({
environment,
manifest,
arguments: local.cliArguments(values),
...(timeout && { timeout }),
...(override && { overrideSameArtifact: override })
}, {
config,
store: local.openLedger(values, context),
log: terminalLog(human),
approval: terminalApprovalPlan
});
if (values.json === true)
(0, cli_command.GF)(context, plan);
else
await terminalReporter(context).summary(planReport(plan));
return plan.refusals.length ? 1 : 0;
}
};
;
const rollback_command = {
name: "rollback",
summary: "Redeploy the previous successful deployment of an environment (from its recorded manifest)",
usage: "--env <environment> [--to <deployment-id>] [--yes] [options]",
options: {
...cli_command.dG,
...ENV_OPTION,
to: {
type: "string",
value: "deployment-id",
description: "the deployment to restore (default: the last successful one with another artifact than the live one)"
},
...YES_OPTION,
...DEPLOY_RUN_OPTIONS,
...FACTS_FILE_OPTION,
...LEDGER_OPTION,
...cli_command.rj
},
async run(values, _positionals, context) {
const local = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(3243), __webpack_require__.e(7967), __webpack_require__.e(9168), __webpack_require__.e(4414), __webpack_require__.e(1342), __webpack_require__.e(9018), __webpack_require__.e(512), __webpack_require__.e(2885), __webpack_require__.e(2701)]).then(__webpack_require__.bind(__webpack_require__, 2701));
const { planRollback, prepareRollbackManifest } = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(3243), __webpack_require__.e(7967), __webpack_require__.e(9168), __webpack_require__.e(4414), __webpack_require__.e(5569)]).then(__webpack_require__.bind(__webpack_require__, 8875));
const { terminalLog } = await __webpack_require__.e(7644).then(__webpack_require__.bind(__webpack_require__, 7644));
const { tmpdir } = await Promise.resolve().then(__webpack_require__.t.bind(__webpack_require__, 8161, 23));
const human = (0, cli_command.$h)(values, context);
const config = await local.loadCliConfig(values, context);
const run = local.localContext(context);
const environment = local.cliEnvironment(config, values, run);
const to = local.str(values, "to");
const plan = await planRollback(local.openLedger(values, context), environment.name, {
...(to && { to }),
log: terminalLog(human)
});
const { manifest, cleanup } = await prepareRollbackManifest(plan, environment.clusterConfig.kind === "command", context.env.TMPDIR || tmpdir());
const timeout = local.str(values, "timeout");
try {
const { code, outcome } = await local.runCliDeploy(config, {
environment,
manifest,
arguments: local.cliArguments(values),
wait: true,
...(timeout && { timeout }),
rollback: { restores: plan.restores, ...(plan.replaces && { replaces: plan.replaces }) }
}, values, human, run);
if (values.json === true)
(0, cli_command.GF)(context, local.deployDocument(outcome, code));
return code;
}
finally {
await cleanup();
}
}
};
;
const run_command = {
name: "run",
summary: "Submit a workflow (train by default) to an environment's cluster and wait for it",
usage: "[--workflow train] [--env development] [--arg name=value ...] [--timeout 45m] [--no-wait | --detach] [--json]",
options: {
...cli_command.dG,
workflow: {
type: "string",
value: "key",
default: "train",
description: "the workflow to submit, a key of workflows in promote.yaml"
},
...ENV_OPTION,
arg: {
type: "string",
value: "name=value",
multiple: true,
description: "a workflow argument over the config's, its value read as YAML (--arg epochs=10); repeatable"
},
timeout: {
type: "string",
value: "duration",
description: "how long to wait before cancelling the run (45m, 2h; default: the workflow's)"
},
"no-wait": {
type: "boolean",
description: "submit and return without waiting for the run to finish"
},
detach: {
type: "boolean",
description: "submit with the cluster's callback and return: the run reports its end to GitHub, promote collect finishes it"
},
...cli_command.rj
},
async run(values, _positionals, context) {
const { runWorkflow } = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(1342), __webpack_require__.e(9018), __webpack_require__.e(8282)]).then(__webpack_require__.bind(__webpack_require__, 9018));
const { cancelLeftRun } = await __webpack_require__.e(8702).then(__webpack_require__.bind(__webpack_require__, 8702));
const { loadConfig } = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(3243), __webpack_require__.e(7967), __webpack_require__.e(9168)]).then(__webpack_require__.bind(__webpack_require__, 9168));
const { ConfigurationError } = await Promise.resolve().then(__webpack_require__.bind(__webpack_require__, 4296));
const { parseDuration } = await __webpack_require__.e(8571).then(__webpack_require__.bind(__webpack_require__, 8571));
const local = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(3243), __webpack_require__.e(7967), __webpack_require__.e(9168), __webpack_require__.e(4414), __webpack_require__.e(1342), __webpack_require__.e(9018), __webpack_require__.e(512), __webpack_require__.e(2885), __webpack_require__.e(2701)]).then(__webpack_require__.bind(__webpack_require__, 2701));
const { terminalLog, terminalReporter } = await __webpack_require__.e(7644).then(__webpack_require__.bind(__webpack_require__, 7644));
const { cancellable } = await Promise.resolve().then(__webpack_require__.bind(__webpack_require__, 3563));
const { resolve } = await Promise.resolve().then(__webpack_require__.t.bind(__webpack_require__, 6760, 23));
const human = (0, cli_command.$h)(values, context);
const config = await loadConfig(resolve(context.cwd, String(values.config ?? "promote.yaml")));
const timeout = (0, cli_command.r$)(values, "timeout");
if (timeout !== undefined) {
try {
parseDuration(timeout);
}
catch (error) {
throw new ConfigurationError(`--timeout: ${error.message}`);
}
}
const log = terminalLog(human);
const detach = values.detach === true;
if (detach && values["no-wait"] === true)
throw new ConfigurationError("--no-wait and --detach: choose one (--detach never waits)");
const runContext = {
...local.localRunContext(context.cwd, context.env),
...(detach && local.detachRepository(context.cwd, context.env))
};
const environment = (0, cli_command.r$)(values, "env");
if (!environment && !runContext.branch) {
throw new ConfigurationError(`choose an environment with --env (${Object.keys(config.environments).join(", ")}): not on a git branch`);
}
const wait = values["no-wait"] !== true && !detach;
let submitted;
const result = await cancellable(signal => (0, cli_command.M9)(human.stderr, `\n${signal}: cancelling the run (Ctrl-C again to leave it running)`), signal => runWorkflow({
config,
environment,
workflowKey: String(values.workflow ?? "train"),
overrides: local.runArguments((0, cli_command.a3)(values, "arg")),
timeout,
wait,
detach,
context: runContext,
log,
signal,
orchestrator: { env: context.env, cwd: context.cwd },
progressIntervalMs: context.stdout.isTTY ? 10000 : 30000,
onSubmitted: (...args) => (submitted = args)
}));
let cancelFailed = result.cancelFailed;
if (cancelFailed && submitted) {
const [run, info] = submitted;
const retry = await cancelLeftRun(info.orchestrator, { runId: run.runId }, log, ms => new Promise(done => setTimeout(done, ms)), "run", info.cluster);
cancelFailed = retry.failures.length ? retry.failures.join("; ") : undefined;
}
await terminalReporter(human).summary(result.report);
if (values.json === true) {
(0, cli_command.GF)(context, {
ok: result.ok && !cancelFailed,
environment: result.environment.name,
workflow: result.facts.workflow,
runId: result.status.runId,
state: result.facts.state,
runUrl: result.facts.runUrl ?? null,
modelUri: result.modelUri ?? null,
results: result.status.results,
error: result.facts.error ?? null,
cancelFailed: cancelFailed ?? null,
detached: result.detached ?? null,
facts: result.facts
});
}
if (cancelFailed) {
(0, cli_command.M9)(context.stderr, `promote run: run ${result.status.runId} may still be running: ${(0, cli_command.mB)(cancelFailed)}`);
return 1;
}
if (!result.ok) {
(0, cli_command.M9)(context.stderr, `promote run: ${(0, cli_command.mB)(result.facts.error ?? `run ${result.status.runId} ${result.status.state}`)}`);
return 1;
}
if (result.detached) {
const { submission, callback, callbackUrl } = result.detached;
(0, cli_command.M9)(human.stdout, `Detached: run ${result.status.runId} (submission ${submission}) goes on without this terminal; ${callback ? `it reports to ${callbackUrl} when it ends` : "promote collect finds it when it ends"}`);
}
else if (!wait) {
(0, cli_command.M9)(human.stdout, `Not waiting: follow run ${result.status.runId}${result.facts.runUrl ? ` at ${result.facts.runUrl}` : ""}`);
}
else if (result.modelUri) {
(0, cli_command.M9)(human.stdout, `Next: promote export --model-uri '${result.modelUri}'`);
}
return 0;
}
};
;
const CHAMPIONS = ["auto", "git", "registry", "none"];
const validate_command = {
name: "validate",
summary: "Validate promote.yaml and every exported manifest, and run the metric gates (what lint-test checks on a PR)",
usage: "[--config promote.yaml] [--env <environment>] [--lint <cmd>] [--test <cmd>] [--champion auto|git|registry|none] [--json]",
options: {
...cli_command.dG,
...ENV_OPTION,
"check-drift": {
type: "boolean",
description: "also compare the manifests with what the registry holds now"
},
"export-dir": {
type: "string",
value: "dir",
description: "where the manifests are (default: promote.yaml's model.exportDir)"
},
lint: {
type: "string",
value: "command",
description: "the repository's lint command, run through the shell (skipped when not given)"
},
test: {
type: "string",
value: "command",
description: "the repository's test command, run through the shell (skipped when not given)"
},
champion: {
type: "string",
value: CHAMPIONS.join("|"),
default: "auto",
description: "where the champion to compare with comes from: the production branch (git), the registry tag, either (auto) or none"
},
"production-branch": {
type: "string",
value: "branch",
description: "the branch holding the champion's manifest (default: the last environment's)"
},
"fail-on": {
type: "string",
value: "errors|any|never|checks",
default: "errors",
description: "what fails the command: a failed check (errors), also a warning (any), nothing (never), or a list of checks (schema,gates)"
},
...cli_command.rj
},
async run(values, _positionals, context) {
const { spawn } = await Promise.resolve().then(__webpack_require__.t.bind(__webpack_require__, 1421, 23));
const { failingChecks, parseFailOn, validate } = await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(3243), __webpack_require__.e(7967), __webpack_require__.e(9168), __webpack_require__.e(4414), __webpack_require__.e(7029), __webpack_require__.e(3228)]).then(__webpack_require__.bind(__webpack_require__, 7029));
const { createGitReader } = await Promise.all([__webpack_require__.e(3243), __webpack_require__.e(4869), __webpack_require__.e(668)]).then(__webpack_require__.bind(__webpack_require__, 4869));
const { ConfigurationError } = await Promise.resolve().then(__webpack_require__.bind(__webpack_require__, 4296));
const { terminalLog, terminalReporter } = await __webpack_require__.e(7644).then(__webpack_require__.bind(__webpack_require__, 7644));
const champion = String(values.champion);
if (!CHAMPIONS.includes(champion))
throw new ConfigurationError(`--champion must be one of ${CHAMPIONS.join(", ")}, got '${String(values.champion)}'`);
const failOn = parseFailOn(String(values["fail-on"]));
const human = (0, cli_command.$h)(values, context);
const result = await validate({
cwd: context.cwd,
configPath: String(values.config),
...((0, cli_command.r$)(values, "env") && { environment: (0, cli_command.r$)(values, "env") }),
...((0, cli_command.r$)(values, "export-dir") && { exportDir: (0, cli_command.r$)(values, "export-dir") }),
...((0, cli_command.r$)(values, "lint") && { lintCommand: (0, cli_command.r$)(values, "lint") }),
...((0, cli_command.r$)(values, "test") && { testCommand: (0, cli_command.r$)(values, "test") }),
checkDrift: values["check-drift"] === true,
champion,
...((0, cli_command.r$)(values, "production-branch") && {
productionBranch: (0, cli_command.r$)(values, "production-branch")
}),
log: terminalLog(human),
runner: {
run: (commandLine, cwd) => new Promise((resolve, reject) => {
const child = spawn(commandLine, {
cwd,
env: context.env,
shell: true,
stdio: ["ignore", "pipe", "pipe"]
});
child.stdout.on("data", chunk => human.stdout.write(chunk));
child.stderr.on("data", chunk => human.stderr.write(chunk));
child.on("error", reject);
child.on("close", code => resolve(code ?? 1));
})
},
git: createGitReader(context.cwd),
registry: async (config) => (await Promise.all([__webpack_require__.e(5842), __webpack_require__.e(3243), __webpack_require__.e(7967), __webpack_require__.e(9168), __webpack_require__.e(4414), __webpack_require__.e(7250)]).then(__webpack_require__.bind(__webpack_require__, 7250))).createRegistry(config, context.env, {
cwd: context.cwd,
confineTo: context.cwd
})
});
await terminalReporter(human).summary(result.report);
const failing = failingChecks(result.checks, failOn);
if (values.json === true) {
(0, cli_command.GF)(context, {
ok: failing.length === 0,
checks: result.checks.map(check => ({
name: check.name,
verdict: check.verdict,
details: check.details,
durationMs: check.durationMs ?? null
})),
problems: result.problems,
gates: result.gates
? { verdict: result.gates.verdict, failures: result.gates.failures }
: null,
challenger: result.challenger
? {
name: result.challenger.name,
version: result.challenger.version ?? null,
uri: result.challenger.uri ?? null,
metrics: result.challenger.metrics
}
: null,
champion: result.champion
? { source: result.champion.source, metrics: result.champion.metrics }
: null
});
}
if (failing.length)
(0, cli_command.M9)(context.stderr, `promote validate: ${failing.map(check => `${check.name} ${check.verdict}: ${(0, cli_command.mB)(check.details)}`).join("; ")}`);
return failing.length ? 1 : 0;
}
};
;
const COMMANDS = [
run_command,
export_command,
validate_command,
plan_command,
deploy_command,
rollback_command,
history_command,
notify_command,
command,
demo_command
];
var signals = __webpack_require__(3563);
;
const VERSION = "1.0.0";
const COMMON_OPTIONS = {
debug: {
type: "boolean",
description: "print debug logs and the stack of an unexpected error (as PROMOTE_DEBUG=1 does)"
},
help: { type: "boolean", description: "show this command's options" }
};
const COMMON_SHORT = { help: "h" };
function usage() {
const width = Math.max(...COMMANDS.map(c => c.name.length));
return [
"promote: train, export, check, deploy and promote ML models (the CLI twin of promote-actions)",
"",
"Usage: promote <command> [options]",
"",
"Commands:",
...COMMANDS.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`),
"",
"Options:",
"  -h, --help     show this help",
"  -V, --version  print the version",
"",
"Run 'promote <command> --help' for a command's options."
].join("\n");
}
function shortOf(name) {
return COMMON_SHORT[name] ?? (0, cli_command.yz)(name);
}
function commandUsage(command) {
const options = { ...command.options, ...COMMON_OPTIONS };
const flags = Object.entries(options).map(([name, option]) => {
const short = shortOf(name);
const value = option.type === "string" ? ` <${option.value ?? "value"}>` : "";
const repeat = option.type === "string" && option.multiple ? " ..." : "";
return `${short ? `-${short}, ` : "    "}--${name}${value}${repeat}`;
});
const width = Math.max(...flags.map(f => f.length));
const lines = [
`Usage: promote ${command.name} ${command.usage}`,
"",
command.summary,
"",
"Options:"
];
Object.values(options).forEach((option, i) => {
const fallback = option.type === "string" && option.default !== undefined
? ` (default: ${option.default})`
: "";
lines.push(`  ${flags[i].padEnd(width)}  ${option.description}${fallback}`);
});
return lines.join("\n");
}
function parseOptions(command) {
const parsed = {};
for (const [name, option] of Object.entries({ ...command.options, ...COMMON_OPTIONS })) {
const short = shortOf(name);
parsed[name] =
option.type === "string"
? {
type: "string",
...(short && { short }),
...(option.multiple && { multiple: true }),
...(option.default !== undefined && { default: option.default })
}
: { type: "boolean", ...(short && { short }) };
}
return parsed;
}
function retiredFlagHint(command, args) {
const retired = cli_command.V9[command.name] ?? {};
for (const arg of args) {
if (arg === "--")
break;
const letter = /^-([a-zA-Z])/.exec(arg)?.[1];
const long = letter && retired[letter];
const now = letter ? cli_command.bV[letter] : undefined;
if (long && !(now && now in command.options)) {
return `-${letter} no longer means --${long} (${now ? `-${letter} is --${now} in every command` : "it was retired"}): use --${long}`;
}
}
return undefined;
}
function describeError(error) {
const parts = [];
for (let e = error, depth = 0; e !== undefined && depth < 5; depth++) {
const message = e instanceof Error ? e.message : String(e);
if (message && !parts.some(p => p.includes(message)))
parts.push(message);
e = e instanceof Error ? e.cause : undefined;
}
return parts.join(": ") || String(error);
}
function scrubbingStream(stream) {
return new Proxy(stream, {
get(target, property) {
if (property === "write") {
return (chunk, ...rest) => target.write(typeof chunk === "string"
? (0, secrets.Zg)(chunk)
: Buffer.isBuffer(chunk)
? (0, secrets.Zg)(chunk.toString("utf8"))
: chunk, ...rest);
}
const value = Reflect.get(target, property, target);
return typeof value === "function" ? value.bind(target) : value;
}
});
}
async function main(argv, unscrubbed) {
const context = {
...unscrubbed,
stdout: scrubbingStream(unscrubbed.stdout),
stderr: scrubbingStream(unscrubbed.stderr)
};
const [name, ...rest] = argv;
if (!name || name === "--help" || name === "-h" || name === "help") {
context.stdout.write(`${usage()}\n`);
return name ? 0 : 2;
}
if (name === "--version" || name === "-V") {
context.stdout.write(`promote ${VERSION}\n`);
return 0;
}
const command = COMMANDS.find(c => c.name === name);
if (!command) {
context.stderr.write(`${usage()}\n\npromote: unknown command '${name}'\n`);
return 2;
}
let parsed;
try {
parsed = (0, external_node_util_.parseArgs)({
args: rest,
options: parseOptions(command),
allowPositionals: command.allowPositionals ?? false,
strict: true
});
}
catch (error) {
const hint = retiredFlagHint(command, rest);
context.stderr.write(`${commandUsage(command)}\n\npromote ${name}: ${hint ?? error.message}\n`);
return 2;
}
if (parsed.values.help) {
context.stdout.write(`${commandUsage(command)}\n`);
return 0;
}
const debug = parsed.values.debug === true || Boolean(context.env.PROMOTE_DEBUG);
const commandContext = debug
? { ...context, env: { ...context.env, PROMOTE_DEBUG: context.env.PROMOTE_DEBUG || "1" } }
: context;
let code;
try {
code = await command.run(parsed.values, parsed.positionals, commandContext);
}
catch (error) {
const reason = describeError(error);
if (debug && error instanceof Error && error.stack)
context.stderr.write(`${error.stack}\n`);
if (parsed.values.json === true && "json" in command.options) {
const problems = error.problems;
(0, cli_command.GF)(context, { ok: false, error: reason, ...(Array.isArray(problems) && { problems }) });
}
context.stderr.write(`promote ${name}: ${reason}\n`);
code = 1;
}
const signal = (0, signals.YW)();
return signal ? (0, signals.Rr)(signal) : code;
}
}),
3563: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Rr: () => (exitCodeFor),
YW: () => (interruption),
cancellable: () => (cancellable),
ce: () => (installInterruptHandling)
});
let interruptedBy;
const scopes = [];
function exitCodeFor(signal) {
return signal === "SIGTERM" ? 143 : 130;
}
function interruption() {
return interruptedBy;
}
function installInterruptHandling(stderr, exit = code => process.exit(code)) {
for (const signal of ["SIGINT", "SIGTERM"]) {
process.on(signal, () => {
const scope = scopes.at(-1);
if (!scope || interruptedBy) {
stderr.write(scope
? `\n${signal} again: leaving without waiting for the cancel to be confirmed\n`
: `\n${signal}: stopped\n`);
exit(exitCodeFor(signal));
return;
}
interruptedBy = signal;
scope.onInterrupt(signal);
scope.controller.abort(new Error(`interrupted by ${signal}`));
});
}
}
async function cancellable(onInterrupt, work) {
const scope = { controller: new AbortController(), onInterrupt };
scopes.push(scope);
try {
return await work(scope.controller.signal);
}
finally {
scopes.splice(scopes.indexOf(scope), 1);
}
}
})
};
