import { hasRole, Principal } from '@overlegtafels/auth';
import { isActionPointRuleKey, ObligationRule, Role } from '@overlegtafels/domain';

/** What deciding who may see or fulfil an obligation needs of it. */
export interface ObligationAccessFacts {
  readonly regionId: string;
  readonly ruleKey?: string;
  /** The dossier's casusregisseur now (not the one it was planned for). */
  readonly casusregisseurId: string | null;
  readonly tableKey: string | null;
  /** The person who owns it, for an action point of a verslag. */
  readonly ownerId?: string | null;
}

/**
 * The role a person acts in for an obligation, or undefined when they have no business with it
 * (need-to-know: the same "not found" as for one that does not exist). The owner's role first —
 * the dossier's current casusregisseur, the region's strategic coordinators — then a coordinator
 * of a table the obligation belongs to or escalates to (the exceptions life brings).
 */
export function obligationRoleFor(
  principal: Principal,
  o: ObligationAccessFacts,
  rule: ObligationRule,
): Role | undefined {
  if (o.regionId !== principal.regionId) return undefined;
  // An action point is its named owner's, whatever their role (a member of the table too), and
  // otherwise only the coordinators' of its table.
  const actionPoint = isActionPointRuleKey(o.ruleKey ?? '');
  if (actionPoint && o.ownerId === principal.personId) return rule.owner.role;
  const owner = rule.owner;
  if (
    !actionPoint &&
    owner.role === 'casusregisseur' &&
    o.casusregisseurId === principal.personId &&
    hasRole(principal, 'casusregisseur')
  ) {
    return 'casusregisseur';
  }
  const strategic =
    owner.role === 'strategisch-coordinator' || rule.escalation?.to.role === 'strategisch-coordinator';
  if (strategic && hasRole(principal, 'strategisch-coordinator')) return 'strategisch-coordinator';
  const tables = new Set<string>();
  if (owner.role === 'coordinator') tables.add(owner.table);
  if (rule.escalation?.to.role === 'coordinator') tables.add(rule.escalation.to.table);
  if (o.tableKey) tables.add(o.tableKey);
  if ([...tables].some((t) => hasRole(principal, 'coordinator', t))) return 'coordinator';
  return undefined;
}
