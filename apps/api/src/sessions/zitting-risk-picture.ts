import type { RiskPictureQuery, RiskPictureView, Viewer } from '@overlegtafels/application';
import { riskFieldsView, type RiskFieldsView } from '../dossiers/risk-picture-fields';
import type { FailedForm } from '../web/page-form';

/** What the agenda page adds to an agendapunt for the risk picture. */
export interface ZittingRiskPicture {
  /** The decision form's fields of the picture at instroom (an ICO item the coordinator decides). */
  risk?: RiskFieldsView;
  /** At an afronding: the picture now beside the one at the start (III.E). */
  riskPicture?: RiskPictureView;
}

interface Entry extends ZittingRiskPicture {
  readonly id: string;
  readonly dossierCode: string;
  readonly itemType: string;
  readonly shared: boolean;
  readonly decidable: boolean;
  readonly decisionKinds: readonly { kind: string }[];
}

/**
 * Adds the risk picture to the agenda's entries: the fields of the picture at instroom to the
 * decision form of "ketenaanpak met casusregie", and the comparison with the start to an afronding
 * (for whoever RiskPictureQuery lets see it: the coordinator, or the members when it is shared).
 */
export async function withRiskPicture(
  query: RiskPictureQuery,
  viewer: Viewer,
  tableKey: string,
  entries: Entry[],
  failed: FailedForm | undefined,
): Promise<void> {
  const instrument = query.instrument;
  if (!instrument) return;
  for (const e of entries) {
    const item = { dossierCode: e.dossierCode, tableKey, itemId: e.id };
    if (e.decidable && e.decisionKinds.some((k) => k.kind === 'met_casusregie')) {
      const clients = await query.clientsForDecision(viewer, item);
      const values = failed?.key === `beslissing-${e.id}` ? failed.values : {};
      if (clients) e.risk = riskFieldsView(instrument, clients, values);
    }
    if (e.itemType === 'afronding') {
      const view = await query.forAgendaItem(viewer, { ...item, shared: e.shared });
      if (view) e.riskPicture = view;
    }
  }
}
