import { readdirSync } from 'node:fs';
import path from 'node:path';
import { suiteFiles, suitesOfGroup } from '../test/setup/suite-groups';

const groupFiles = readdirSync(path.join(__dirname, '..', 'test', 'groups')).filter((f) =>
  f.endsWith('.int-group.ts'),
);

describe('the integration suites in groups (npm test)', () => {
  it('finds the integration suites of apps, libs and test, and no group file among them', () => {
    const files = suiteFiles('.int-spec.ts');
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain('test/integration/meeting.int-spec.ts');
    expect(files).toContain('libs/persistence/src/schema-consistency.int-spec.ts');
    expect(files.every((f) => f.endsWith('.int-spec.ts') && !f.startsWith('test/groups/'))).toBe(true);
    expect([...files].sort()).toEqual(files);
  });

  it('has group files numbered 01 to N without a gap', () => {
    const numbers = groupFiles
      .map((f) => Number(/^integration-(\d+)\.int-group\.ts$/.exec(f)?.[1]))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(numbers.length).toBeGreaterThan(1);
  });

  it('puts every suite in exactly one group, the groups differing by at most one suite', () => {
    const files = suiteFiles('.int-spec.ts');
    const groups = groupFiles.map((_, i) => suitesOfGroup(files, groupFiles.length, i));
    expect(groups.flat().sort()).toEqual(files);
    const sizes = groups.map((g) => g.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('spreads neighbours: group 1 of 3 takes the first, fourth, seventh suite', () => {
    expect(suitesOfGroup(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 3, 0)).toEqual(['a', 'd', 'g']);
    expect(suitesOfGroup(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 3, 2)).toEqual(['c', 'f']);
  });

  it('refuses a group that does not exist', () => {
    expect(() => suitesOfGroup(['a'], 3, 3)).toThrow('group 3 does not exist: there are 3');
    expect(() => suitesOfGroup(['a'], 3, -1)).toThrow('group -1 does not exist');
  });
});
