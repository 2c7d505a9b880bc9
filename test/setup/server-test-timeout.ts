// Integration and e2e tests talk to real servers and poll for what a worker does (up to 15 s in
// test/support's `eventually`): jest's default of 5 s per test is shorter than their own limits,
// and on a busy machine a test that would pass is cut off. Tests that need longer still say so.
jest.setTimeout(30_000);
