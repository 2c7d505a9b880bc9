// The unit suite's test environment: every test runs under both time zones the service must not
// depend on (UTC and America/New_York; the service computes in Europe/Brussels from its clock), in
// one run. test/setup/two-zones.js registers each test once per zone, named "… [TZ=<zone>]"; here,
// outside the test's sandbox (whose process.env is a copy), the real TZ is set when a test starts,
// so its beforeEach hooks, its body and its afterEach hooks all run in its zone. Module-level code
// and beforeAll hooks run in the zone the run was started in (scripts/test.mjs: America/New_York).
// Jest's node environment with the worker's code cache (node-environment.js).
const TestEnvironment = require('./node-environment');

const ZONES = ['UTC', 'America/New_York'];
const ZONE_IN_NAME = / \[TZ=([A-Za-z_/]+)\]$/;

class TwoZonesEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.startZone = process.env.TZ;
    this.global.__OT_TEST_ZONES__ = ZONES;
  }

  setZone(zone) {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
    this.global.process.env.TZ = process.env.TZ;
  }

  async handleTestEvent(event) {
    if (event.name === 'test_start') {
      const zone = ZONE_IN_NAME.exec(event.test.name)?.[1];
      if (zone && ZONES.includes(zone)) this.setZone(zone);
    } else if (event.name === 'test_done' || event.name === 'test_skip') {
      this.setZone(this.startZone);
    }
  }

  async teardown() {
    this.setZone(this.startZone);
    await super.teardown();
  }
}

module.exports = TwoZonesEnvironment;
