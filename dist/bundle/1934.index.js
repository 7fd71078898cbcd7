export const id = 1934;
export const ids = [1934];
export const modules = {
1934: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
askYesNo: () => (askYesNo),
l: () => (confirm)
});
var node_readline__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(481);
var node_readline__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_readline__WEBPACK_IMPORTED_MODULE_0__);
async function askYesNo(question, input, output, options = {}) {
const rl = (0, node_readline__WEBPACK_IMPORTED_MODULE_0__.createInterface)({ input, output, terminal: false });
const lines = rl[Symbol.asyncIterator]();
const yes = options.exact ? ["yes"] : ["yes", "y"];
const no = options.exact ? ["no"] : ["no", "n"];
try {
for (let asked = 0;; asked++) {
output.write(question);
const next = await lines.next();
if (next.done || input.isTTY !== true)
output.write("\n");
if (next.done)
return asked === 0 ? undefined : false;
const answer = String(next.value).trim().toLowerCase();
if (yes.includes(answer))
return true;
if (no.includes(answer))
return false;
output.write(`${options.invalid ?? "Please answer 'yes' or 'no'."}\n`);
}
}
finally {
rl.close();
}
}
async function confirm(question, input, output, options = {}) {
return (await askYesNo(question, input, output, options)) === true;
}
})
};
