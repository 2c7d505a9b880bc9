// Jest on Node 20 cannot require() ES modules, and NestJS 12 ships only ES modules. For tests,
// those packages are compiled to CommonJS with SWC like our own code; the one construct SWC
// leaves alone, `import.meta.url`, is rewritten to its CommonJS equivalent first.
const { createTransformer } = require('@swc/jest');

const inner = createTransformer({
  swcrc: false,
  jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' },
  module: { type: 'commonjs' },
});

module.exports = {
  process(source, filename, options) {
    const patched = source.replace(
      /\bimport\.meta\.url\b/g,
      // module.require: some packages declare their own `const require = createRequire(import.meta.url)`.
      "module.require('node:url').pathToFileURL(__filename).href",
    );
    return inner.process(patched, filename, options);
  },
  getCacheKey(source, filename, options) {
    return inner.getCacheKey(source, filename, options) + ':esm-v2';
  },
};
