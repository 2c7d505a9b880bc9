// A V8 code cache for the modules jest compiles, kept for the life of a jest worker process.
//
// Jest gives every test file a fresh module registry, so every file compiles the whole graph it
// imports again from source (vm.compileFunction): NestJS, Prisma's client and runtime, zod and our
// libs, for each of the ~280 files of the unit, integration and e2e suites. Compiling was the
// largest single cost of loading a suite. Here the first compile of a file in a worker also
// produces V8's cached data, and every later compile of the same source in that worker starts from
// it. Only compilation is shared: every file still gets its own module instances, so tests stay as
// isolated as before. Cached data V8 rejects (another V8, other flags) is compiled as usual.
const vm = require('node:vm');

const INSTALLED = Symbol.for('overlegtafels.code-cache');

function install() {
  if (vm.compileFunction[INSTALLED]) return;
  const compileFunction = vm.compileFunction;
  /** filename → the source compiled and V8's cached data for it */
  const cache = new Map();
  const cached = function (code, params, options) {
    const filename = options?.filename;
    if (!filename || options.cachedData || options.produceCachedData) {
      return compileFunction.call(this, code, params, options);
    }
    const hit = cache.get(filename);
    if (hit && hit.code === code) {
      const fn = compileFunction.call(this, code, params, { ...options, cachedData: hit.data });
      if (!fn.cachedDataRejected) return fn;
    }
    const fn = compileFunction.call(this, code, params, { ...options, produceCachedData: true });
    if (fn.cachedData) cache.set(filename, { code, data: fn.cachedData });
    return fn;
  };
  cached[INSTALLED] = true;
  vm.compileFunction = cached;
}

module.exports = { install };
