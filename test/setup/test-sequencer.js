// Jest's own order (failed first, then slowest, then largest file), with the e2e suites ahead of
// everything else when integration and e2e run together: they are the longest, and most of their
// time is spent waiting (a worker restart, BullMQ's stalled-job check), which the integration
// suites fill. Started last, one of them would decide the length of the whole run.
const Sequencer = require('@jest/test-sequencer').default;

const isE2e = (test) => test.path.endsWith('.e2e-spec.ts');

class TiersSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    return [...sorted.filter(isE2e), ...sorted.filter((t) => !isE2e(t))];
  }
}

module.exports = TiersSequencer;
