import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import {
  actionPointRule,
  DEFAULT_ACTION_POINT_POLICY,
  ObligationRule,
  parseActionPointRuleKey,
  PlannedObligation,
  RegionConfig,
} from '@overlegtafels/domain';
import { getRegion } from '@overlegtafels/regions';

/**
 * The region's follow-up rules as the obligation use cases look them up: by key, the tables a due
 * date can hang on, the time zone.
 */
@Injectable()
export class ObligationRules {
  readonly region: RegionConfig;
  private readonly rules: ReadonlyMap<string, ObligationRule>;
  /** Tables whose calendar a due date can hang on. */
  readonly sessionTables: readonly string[];
  /**
   * The version of what the plan of obligations follows from besides a dossier's own facts: a hash
   * of the region's follow-up rules, action-point policy, tables and time zone. The nightly
   * re-plan visits every dossier when it differs from the last run's.
   */
  readonly version: string;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'region'>) {
    const region = getRegion(config.region);
    if (!region) throw new Error(`REGION ${config.region} has no configuration in libs/regions`);
    this.region = region;
    this.rules = new Map((region.obligations ?? []).map((r) => [r.key, r]));
    this.version = createHash('sha256')
      .update(
        JSON.stringify({
          timeZone: region.timeZone,
          tables: region.tables,
          obligations: region.obligations ?? [],
          actionPoints: region.actionPoints ?? null,
        }),
      )
      .digest('hex')
      .slice(0, 12);
    this.sessionTables = [
      ...new Set((region.obligations ?? []).flatMap((r) => (r.due.kind === 'session' ? [r.due.table] : []))),
    ];
  }

  get timeZone(): string {
    return this.region.timeZone;
  }

  /** A region rule by key, or the rule of an action point's obligation (`actiepunt:<table>:<id>`). */
  rule(key: string): ObligationRule | undefined {
    const found = this.rules.get(key);
    if (found) return found;
    const actionPoint = parseActionPointRuleKey(key);
    if (!actionPoint || !this.region.tables.some((t) => t.key === actionPoint.tableKey)) return undefined;
    return actionPointRule(actionPoint.tableKey, this.region.actionPoints ?? DEFAULT_ACTION_POINT_POLICY);
  }

  /** The position of a rule in the region's list: the order pages show obligations of one moment in. */
  order(key: string): number {
    const index = (this.region.obligations ?? []).findIndex((r) => r.key === key);
    return index < 0 ? 99 : index;
  }

  tableName(key: string): string | undefined {
    return this.region.tables.find((t) => t.key === key)?.name;
  }

  tableZone(key: string): string {
    return this.region.tables.find((t) => t.key === key)?.timeZone ?? this.region.timeZone;
  }
}

/** The rule's table for an obligation: who owns it, where it is agendered, what it hangs on. */
export function obligationTableKey(rule: ObligationRule, planned?: PlannedObligation): string | null {
  if (rule.owner.role === 'coordinator') return rule.owner.table;
  return (
    rule.agendering?.table ??
    planned?.session?.tableKey ??
    (rule.escalation?.to.role === 'coordinator' ? rule.escalation.to.table : null) ??
    null
  );
}
