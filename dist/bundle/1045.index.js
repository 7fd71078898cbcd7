export const id = 1045;
export const ids = [1045];
export const modules = {
9615: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
is: () => (inputSchema),
pH: () => (SECRET_INPUTS),
vA: () => (tokenValue)
});
var _core_zod_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2158);
var _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9120);
const inputSchema = _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.Ikc({
config: _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP(), "promote.yaml"),
environment: _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()),
manifest: _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()),
arguments: (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__.gE)(),
wait: (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__.tE)(true),
timeout: (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__.Ts)(),
"github-token": _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP(), "${{ github.token }}"),
"require-approval": _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.Rvf(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.k5n(["", "true", "false"]), ""),
"override-same-artifact": _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()),
rollback: (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__.tE)(false),
"rollback-to": _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP().check(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.yGV(/^#?\d+$/, "expected a deployment id, e.g. 1234567890"))),
"open-promotion-pr": (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__.tE)(false),
"promotion-pr-token": _core_zod_js__WEBPACK_IMPORTED_MODULE_0__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_0__.YjP()),
"dry-run": (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__.tE)(false),
matrix: (0, _common_inputs_js__WEBPACK_IMPORTED_MODULE_1__.Gi)()
});
const SECRET_INPUTS = ["github-token", "promotion-pr-token"];
function tokenValue(value) {
return value && !value.startsWith("${{") ? value : "";
}
}),
1045: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
collectMode: () => (collectMode)
});
var _app_collect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5234);
var _app_collect_ports_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6212);
var _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2170);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
var _submit_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9615);
var _common_log_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7127);
var _common_surfaces_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6845);
var _inputs_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4198);
async function collectMode(inputs, config, context, cwd) {
const token = (0, _submit_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_4__.vA)(inputs["github-token"]);
if (!token)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__.ConfigurationError("mode: collect needs input 'github-token' with contents: write, pull-requests: write and actions: read (train.yml's open-pr: set the PROMOTION_PR_TOKEN secret, a GitHub App or fine-grained token)");
if (!context.repository)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__.ConfigurationError("mode: collect runs in a GitHub workflow (GITHUB_REPOSITORY unset)");
const runId = inputs["run-id"]?.trim();
const cluster = inputs.cluster ||
(runId
? (0, _core_config_resolve_js__WEBPACK_IMPORTED_MODULE_2__.g9)(config, {
name: inputs.environment,
branch: context.branch,
env: process.env
}).cluster
: undefined);
const result = await (0, _app_collect_js__WEBPACK_IMPORTED_MODULE_0__.collect)({
config,
repository: context.repository,
context,
env: process.env,
...(runId && { callback: { runId, cluster, message: (0, _inputs_js__WEBPACK_IMPORTED_MODULE_7__.sI)(inputs) } }),
runnerName: process.env.RUNNER_NAME,
announce: !runId || context.eventName === "repository_dispatch"
}, await (0, _app_collect_ports_js__WEBPACK_IMPORTED_MODULE_1__.collectPorts)({
config,
token,
cwd,
env: process.env,
context,
log: _common_log_js__WEBPACK_IMPORTED_MODULE_5__.t,
reporter: _common_log_js__WEBPACK_IMPORTED_MODULE_5__.s
}));
const collected = result.runs.filter(run => run.outcome === "collected");
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_6__.l.setOutput("collected", JSON.stringify(collected));
const pull = collected.find(run => run.pull)?.pull;
if (pull)
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_6__.l.setOutput("pull-request", pull.url);
if (!result.ok)
_common_surfaces_js__WEBPACK_IMPORTED_MODULE_6__.l.setFailed(`${result.runs.filter(r => r.outcome === "failed").length} run(s) could not be collected; the next reconcile tries again`);
}
})
};
