import { PREPARATION_VISIBILITY_LABELS, PreparationVisibility, TableDefinition } from '@overlegtafels/domain';
import type { PreparationRecord, TablePartner } from '../ports/item-preparation.port';

/** One partner's entry as a page or the API shows it. */
export interface PreparationEntryView {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly known: boolean;
  readonly summary: string | null;
  readonly riskSignals: string | null;
  readonly visibility: PreparationVisibility;
  readonly visibilityLabel: string;
  readonly recordedBy: string;
  readonly updatedAt: string;
}

/** Whether a partner of the table prepared the item (for coordinators). */
export interface PartnerStatus {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly prepared: boolean;
  readonly updatedAt: string | null;
}

export function entryView(r: PreparationRecord): PreparationEntryView {
  return {
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    known: r.known,
    summary: r.summary,
    riskSignals: r.riskSignals,
    visibility: r.visibility,
    visibilityLabel: PREPARATION_VISIBILITY_LABELS[r.visibility],
    recordedBy: r.recordedByName,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The organisations expected to prepare: members (`lid`) at the table whose kind takes part in it. */
export function expectedPartners(table: TableDefinition, partners: readonly TablePartner[]): TablePartner[] {
  const kinds = new Set<string>(
    table.participants.flatMap((p) => ('organisation' in p ? [p.organisation] : [])),
  );
  return partners.filter((p) => kinds.has(p.organisationKind));
}

/** Per expected partner: prepared or not; entries of other organisations (a guest's) count too. */
export function partnerStatuses(
  partners: readonly TablePartner[],
  entries: readonly PreparationRecord[],
): PartnerStatus[] {
  return partners.map((p) => {
    const entry = entries.find((e) => e.organisationId === p.organisationId);
    return {
      organisationId: p.organisationId,
      organisationName: p.organisationName,
      prepared: entry !== undefined,
      updatedAt: entry?.updatedAt.toISOString() ?? null,
    };
  });
}

export function itemTypeLabel(table: TableDefinition, key: string): string {
  return table.itemTypes.find((t) => t.key === key)?.label ?? key;
}
