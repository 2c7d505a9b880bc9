import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, inRegion } from '@overlegtafels/config';
import {
  actionPointRule,
  DEFAULT_ACTION_POINT_POLICY,
  ObligationRule,
  parseActionPointRuleKey,
  PlannedObligation,
  RegionConfig,
} from '@overlegtafels/domain';
import { scopedRegion } from '../region-time-zone';

/**
 * The region's follow-up rules as the obligation use cases look them up: by key, the tables a due
 * date can hang on, the time zone.
 */
interface RegionRules {
  readonly rules: ReadonlyMap<string, ObligationRule>;
  readonly sessionTables: readonly string[];
  readonly version: string;
}

function rulesOf(region: RegionConfig): RegionRules {
  return {
    rules: new Map((region.obligations ?? []).map((r) => [r.key, r])),
    version: createHash('sha256')
      .update(
        JSON.stringify({
          timeZone: region.timeZone,
          tables: region.tables,
          obligations: region.obligations ?? [],
          actionPoints: region.actionPoints ?? null,
        }),
      )
      .digest('hex')
      .slice(0, 12),
    sessionTables: [
      ...new Set((region.obligations ?? []).flatMap((r) => (r.due.kind === 'session' ? [r.due.table] : []))),
    ],
  };
}

/**
 * The follow-up rules of the current work's region (the actor's, the dossier's: see inRegion) as
 * the obligation use cases look them up: by key, the tables a due date can hang on, the time zone.
 */
@Injectable()
export class ObligationRules {
  private readonly byRegion = new Map<string, RegionRules>();

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'regions'>) {}

  get region(): RegionConfig {
    return scopedRegion(this.config);
  }

  private get own(): RegionRules {
    const region = this.region;
    let found = this.byRegion.get(region.key);
    if (!found) this.byRegion.set(region.key, (found = rulesOf(region)));
    return found;
  }

  /** Tables whose calendar a due date can hang on. */
  get sessionTables(): readonly string[] {
    return this.own.sessionTables;
  }

  /**
   * The version of what the plan of obligations follows from besides a dossier's own facts: a hash
   * of the region's follow-up rules, action-point policy, tables and time zone. The nightly
   * re-plan visits every dossier of the region when it differs from the last run's.
   */
  get version(): string {
    return this.own.version;
  }

  /**
   * The versions of every region's rules at once: the nightly re-plan's job is one per night and
   * change of any region's rules (it re-plans each region under its own version).
   */
  get installationVersion(): string {
    const versions = this.config.regions.map((key) => inRegion(key, () => this.version));
    if (versions.length === 1) return versions[0]!;
    return createHash('sha256').update(versions.join('|')).digest('hex').slice(0, 12);
  }

  get timeZone(): string {
    return this.region.timeZone;
  }

  /** A region rule by key, or the rule of an action point's obligation (`actiepunt:<table>:<id>`). */
  rule(key: string): ObligationRule | undefined {
    const found = this.own.rules.get(key);
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
