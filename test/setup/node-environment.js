// Jest's node environment, with the worker's code cache installed (test/setup/code-cache.js).
const { TestEnvironment } = require('jest-environment-node');
require('./code-cache').install();

module.exports = TestEnvironment;
