import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_modules__ = ({
2613: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");
}),
181: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");
}),
5317: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
}),
6982: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
}),
2250: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");
}),
4434: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");
}),
9896: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
}),
8611: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");
}),
5675: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http2");
}),
5692: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");
}),
9278: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");
}),
4589: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");
}),
6698: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");
}),
4573: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
}),
1421: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
}),
7540: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");
}),
7598: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
}),
3053: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");
}),
610: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");
}),
8474: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");
}),
3024: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
}),
1455: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
}),
7067: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
}),
2467: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");
}),
7030: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
}),
8161: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
}),
6760: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
}),
643: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");
}),
1792: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");
}),
481: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");
}),
7075: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
}),
1692: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");
}),
3136: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
}),
7975: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
}),
3429: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");
}),
5919: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
}),
8522: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
}),
857: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
}),
6928: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
}),
932: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");
}),
2203: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");
}),
3193: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
}),
3557: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
}),
4756: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");
}),
2018: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");
}),
7016: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");
}),
9023: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");
}),
3106: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");
})
});
var __webpack_module_cache__ = {};
function __nccwpck_require__(moduleId) {
var cachedModule = __webpack_module_cache__[moduleId];
if (cachedModule !== undefined) {
return cachedModule.exports;
}
var module = __webpack_module_cache__[moduleId] = {
exports: {}
};
var threw = true;
try {
__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
threw = false;
}
finally {
if (threw)
delete __webpack_module_cache__[moduleId];
}
return module.exports;
}
__nccwpck_require__.m = __webpack_modules__;
if (typeof __nccwpck_require__ !== "undefined")
__nccwpck_require__.ab = decodeURIComponent(new URL(".", import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
(() => {
var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
var resolveQueue = (queue) => {
if (queue && queue.d < 1) {
queue.d = 1;
queue.forEach((fn) => (fn.r--));
queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
}
};
var wrapDeps = (deps) => (deps.map((dep) => {
if (dep !== null && typeof dep === "object") {
if (dep[webpackQueues])
return dep;
if (dep.then) {
var queue = [];
queue.d = 0;
dep.then((r) => {
obj[webpackExports] = r;
resolveQueue(queue);
}, (e) => {
obj[webpackError] = e;
resolveQueue(queue);
});
var obj = {};
obj[webpackQueues] = (fn) => (fn(queue));
return obj;
}
}
var ret = {};
ret[webpackQueues] = x => { };
ret[webpackExports] = dep;
return ret;
}));
__nccwpck_require__.a = (module, body, hasAwait) => {
var queue;
hasAwait && ((queue = []).d = -1);
var depQueues = new Set();
var exports = module.exports;
var currentDeps;
var outerResolve;
var reject;
var promise = new Promise((resolve, rej) => {
reject = rej;
outerResolve = resolve;
});
promise[webpackExports] = exports;
promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => { }));
module.exports = promise;
body((deps) => {
currentDeps = wrapDeps(deps);
var fn;
var getResult = () => (currentDeps.map((d) => {
if (d[webpackError])
throw d[webpackError];
return d[webpackExports];
}));
var promise = new Promise((resolve) => {
fn = () => (resolve(getResult));
fn.r = 0;
var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
});
return fn.r ? promise : getResult();
}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
queue && queue.d < 0 && (queue.d = 0);
};
})();
(() => {
__nccwpck_require__.n = (module) => {
var getter = module && module.__esModule ?
() => (module["default"]) :
() => (module);
__nccwpck_require__.d(getter, { a: getter });
return getter;
};
})();
(() => {
var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
var leafPrototypes;
__nccwpck_require__.t = function (value, mode) {
if (mode & 1)
value = this(value);
if (mode & 8)
return value;
if (typeof value === "object" && value) {
if ((mode & 4) && value.__esModule)
return value;
if ((mode & 16) && typeof value.then === "function")
return value;
}
var ns = Object.create(null);
__nccwpck_require__.r(ns);
var def = {};
leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
for (var current = mode & 2 && value; typeof current == "object" && !~leafPrototypes.indexOf(current); current = getProto(current)) {
Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
}
def["default"] = () => (value);
__nccwpck_require__.d(ns, def);
return ns;
};
})();
(() => {
__nccwpck_require__.d = (exports, definition) => {
for (var key in definition) {
if (__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
}
}
};
})();
(() => {
__nccwpck_require__.f = {};
__nccwpck_require__.e = (chunkId) => {
return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
__nccwpck_require__.f[key](chunkId, promises);
return promises;
}, []));
};
})();
(() => {
__nccwpck_require__.u = (chunkId) => {
return "" + chunkId + ".index.js";
};
})();
(() => {
__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop));
})();
(() => {
__nccwpck_require__.r = (exports) => {
if (typeof Symbol !== "undefined" && Symbol.toStringTag) {
Object.defineProperty(exports, Symbol.toStringTag, { value: "Module" });
}
Object.defineProperty(exports, "__esModule", { value: true });
};
})();
(() => {
var installedChunks = {
8792: 0
};
var installChunk = (data) => {
var { ids, modules, runtime } = data;
var moduleId, chunkId, i = 0;
for (moduleId in modules) {
if (__nccwpck_require__.o(modules, moduleId)) {
__nccwpck_require__.m[moduleId] = modules[moduleId];
}
}
if (runtime)
runtime(__nccwpck_require__);
for (; i < ids.length; i++) {
chunkId = ids[i];
if (__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
installedChunks[chunkId][0]();
}
installedChunks[ids[i]] = 0;
}
};
__nccwpck_require__.f.j = (chunkId, promises) => {
var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
if (installedChunkData !== 0) {
if (installedChunkData) {
promises.push(installedChunkData[1]);
}
else {
if (true) {
var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
if (installedChunks[chunkId] !== 0)
installedChunks[chunkId] = undefined;
throw e;
});
var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))]);
promises.push(installedChunkData[1] = promise);
}
}
}
};
})();
var __webpack_exports__ = {};
__nccwpck_require__.d(__webpack_exports__, {
O: () => (ENTRY_NAMES),
n: () => (start)
});
const ENTRIES = {
"submit-train": async () => (await Promise.all([__nccwpck_require__.e(9691), __nccwpck_require__.e(8815), __nccwpck_require__.e(3243), __nccwpck_require__.e(6752), __nccwpck_require__.e(2413), __nccwpck_require__.e(7264), __nccwpck_require__.e(7967), __nccwpck_require__.e(9168), __nccwpck_require__.e(4414), __nccwpck_require__.e(6313), __nccwpck_require__.e(9018), __nccwpck_require__.e(3660), __nccwpck_require__.e(7029), __nccwpck_require__.e(1300), __nccwpck_require__.e(5234), __nccwpck_require__.e(6212), __nccwpck_require__.e(3264)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3264))).run(),
"submit-train/post": async () => (await Promise.all([__nccwpck_require__.e(9691), __nccwpck_require__.e(8815), __nccwpck_require__.e(3243), __nccwpck_require__.e(6752), __nccwpck_require__.e(7264), __nccwpck_require__.e(7967), __nccwpck_require__.e(9168), __nccwpck_require__.e(6313), __nccwpck_require__.e(3018)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3669))).run(),
"submit-deploy": async () => (await Promise.all([__nccwpck_require__.e(9691), __nccwpck_require__.e(8815), __nccwpck_require__.e(3243), __nccwpck_require__.e(6752), __nccwpck_require__.e(2413), __nccwpck_require__.e(7264), __nccwpck_require__.e(7967), __nccwpck_require__.e(9168), __nccwpck_require__.e(4414), __nccwpck_require__.e(6313), __nccwpck_require__.e(9018), __nccwpck_require__.e(7846), __nccwpck_require__.e(512), __nccwpck_require__.e(2885), __nccwpck_require__.e(7051), __nccwpck_require__.e(8624)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8624))).run(),
"submit-deploy/post": async () => (await Promise.all([__nccwpck_require__.e(9691), __nccwpck_require__.e(8815), __nccwpck_require__.e(3243), __nccwpck_require__.e(6752), __nccwpck_require__.e(2413), __nccwpck_require__.e(7264), __nccwpck_require__.e(7967), __nccwpck_require__.e(9168), __nccwpck_require__.e(6313), __nccwpck_require__.e(7846), __nccwpck_require__.e(7051), __nccwpck_require__.e(1012)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5452))).run(),
"lint-test": async () => (await Promise.all([__nccwpck_require__.e(9691), __nccwpck_require__.e(8815), __nccwpck_require__.e(3243), __nccwpck_require__.e(6752), __nccwpck_require__.e(2413), __nccwpck_require__.e(7264), __nccwpck_require__.e(7967), __nccwpck_require__.e(9168), __nccwpck_require__.e(4414), __nccwpck_require__.e(7029), __nccwpck_require__.e(7846), __nccwpck_require__.e(6921)]).then(__nccwpck_require__.bind(__nccwpck_require__, 754))).run(),
notify: async () => (await Promise.all([__nccwpck_require__.e(9691), __nccwpck_require__.e(8815), __nccwpck_require__.e(3243), __nccwpck_require__.e(6752), __nccwpck_require__.e(7264), __nccwpck_require__.e(7967), __nccwpck_require__.e(9168), __nccwpck_require__.e(3660), __nccwpck_require__.e(1300), __nccwpck_require__.e(9)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7759))).run(),
cli: async () => {
await __nccwpck_require__.e(486).then(__nccwpck_require__.bind(__nccwpck_require__, 486));
}
};
const ENTRY_NAMES = Object.keys(ENTRIES);
function start(name) {
return ENTRIES[name]();
}
var __webpack_exports__ENTRY_NAMES = __webpack_exports__.O;
var __webpack_exports__start = __webpack_exports__.n;
export { __webpack_exports__ENTRY_NAMES as ENTRY_NAMES, __webpack_exports__start as start };
