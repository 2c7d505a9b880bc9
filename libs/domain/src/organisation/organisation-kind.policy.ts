import type { RegionConfig } from '../tables/table-definition.model';
import { ORGANISATION_KIND_KEY } from './organisation-kind';

/**
 * What is wrong with a region's organisation kinds, one sentence each; empty when they hold
 * together: every key is a key with a name, and the tables' participants, the aanmelders who may
 * go on without casusregisseur and the follow-up help name only kinds the region lists.
 */
export function organisationKindProblems(
  region: Pick<
    RegionConfig,
    'organisationKinds' | 'tables' | 'zonderCasusregisseurAanmelders' | 'followUpHelpKinds'
  >,
): string[] {
  const problems: string[] = [];
  const kinds = region.organisationKinds;
  const keys = Object.keys(kinds);
  if (keys.length === 0) problems.push('organisation kinds: list at least one');
  for (const key of keys) {
    if (!ORGANISATION_KIND_KEY.test(key))
      problems.push(`organisation kind "${key}" must be lower-case words joined by hyphens`);
    if (!kinds[key]?.trim()) problems.push(`organisation kind ${key} has no name`);
  }
  const listed = (kind: string, where: string) => {
    if (!Object.hasOwn(kinds, kind))
      problems.push(`${where} names organisation kind ${kind}, which the region does not list`);
  };
  for (const table of region.tables) {
    for (const p of table.participants) if ('organisation' in p) listed(p.organisation, `table ${table.key}`);
  }
  for (const k of region.zonderCasusregisseurAanmelders ?? []) listed(k, 'zonderCasusregisseurAanmelders');
  for (const k of region.followUpHelpKinds ?? []) listed(k, 'followUpHelpKinds');
  return problems;
}
