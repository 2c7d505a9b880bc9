import type { DossierPageAgendaItem } from '@overlegtafels/application';
import { DECISION_KIND_LABELS, DecisionKind, RegionConfig } from '@overlegtafels/domain';
import { ITEM_STATUS_LABELS } from './dossier-page-notices';

/** The dossier's agendapunten as its page shows them: table and type by label, the status in Dutch. */
export function agendaItemViews(
  agendaItems: readonly DossierPageAgendaItem[],
  tables: RegionConfig['tables'],
) {
  return agendaItems.map((item) => {
    const table = tables.find((t) => t.key === item.tableKey);
    return {
      id: item.id,
      sessionId: item.session.id,
      tableName: table?.name ?? item.tableKey,
      planLink: !!table?.itemTypes.find((t) => t.key === item.itemType)?.planVanAanpak,
      itemTypeLabel: table?.itemTypes.find((t) => t.key === item.itemType)?.label ?? item.itemType,
      slotStart: item.slotStart ?? item.session.startsAt,
      slotEnd: item.slotEnd ?? item.session.endsAt,
      status: ITEM_STATUS_LABELS[String(item.status)] ?? String(item.status),
      question: item.question,
      document: item.document,
      guests: item.guests,
      submittedBy: item.submittedBy.displayName,
      decision: item.decision ? DECISION_KIND_LABELS[item.decision.kind as DecisionKind] : null,
    };
  });
}
