// A group of integration suites for `npm test` (test/setup/suite-groups.ts).
import { registerSuiteGroup } from '../setup/suite-groups';

registerSuiteGroup(__filename);
