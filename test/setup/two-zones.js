// Registers every unit test once per time zone (see two-zones-environment.js, which switches the
// zone when a test starts). `it`, `it.only`, `it.each` and `it.only.each` register a test per zone;
// `it.skip` and `it.todo` stay as they are (there is nothing to run twice).
const zones = globalThis.__OT_TEST_ZONES__;
if (!zones) throw new Error('two-zones.js needs the two-zones test environment');

const named = (name, zone) => `${typeof name === 'function' ? name.name : String(name)} [TZ=${zone}]`;

function perZone(register) {
  return (name, fn, timeout) => {
    for (const zone of zones) register(named(name, zone), fn, timeout);
  };
}

function perZoneEach(each) {
  return (...table) => {
    // Template-literal tables (it.each`a | b`) and arrays alike: jest builds the rows, we name them.
    const forRows = each(...table);
    return (name, fn, timeout) => {
      for (const zone of zones) forRows(`${name} [TZ=${zone}]`, fn, timeout);
    };
  };
}

function wrap(original) {
  const wrapped = perZone(original);
  wrapped.only = perZone(original.only);
  wrapped.only.each = perZoneEach(original.only.each);
  wrapped.each = perZoneEach(original.each);
  wrapped.skip = original.skip;
  wrapped.todo = original.todo;
  wrapped.failing = perZone(original.failing);
  wrapped.concurrent = perZone(original.concurrent);
  return wrapped;
}

globalThis.it = wrap(globalThis.it);
globalThis.test = wrap(globalThis.test);
globalThis.fit = globalThis.it.only;
