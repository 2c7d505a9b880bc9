import { DECISION_KIND_LABELS, DecisionKind } from '@overlegtafels/domain';
import { when } from '../web/page.service';

/** A decision as the dossier's page shows it: what the table decided and every field it recorded. */
export interface DecisionView {
  readonly decidedAt: Date;
  readonly tableName: string;
  readonly label: string;
  /** Withdrawn or changed: when, by whom, why; null while it stands. */
  readonly withdrawal: {
    readonly change: 'ingetrokken' | 'gewijzigd';
    readonly at: Date;
    readonly by: string;
    readonly reason: string;
  } | null;
  /** Term and text; texts are printed as typed (escaped, line breaks kept). */
  readonly facts: readonly { readonly term: string; readonly text: string }[];
}

/** The stored decision, as the dossier detail reads it. */
export interface StoredDecision {
  readonly kind: string;
  readonly tableKey: string;
  readonly decidedAt: Date;
  readonly adviceText: string | null;
  readonly safetyPlanAdvice: string | null;
  readonly parketmeldingAdvies: boolean;
  readonly missingInformation: string | null;
  readonly startDate: Date | null;
  readonly terugkomdatum: Date | null;
  readonly vervolgoverlegDate: Date | null;
  readonly casusregisseurAbsent: boolean;
  readonly bijkomendCasusoverlegDate: Date | null;
  readonly casusregisseur: { readonly displayName: string } | null;
  readonly withdrawnAt: Date | null;
  readonly withdrawalReason: string | null;
  readonly replacedById: string | null;
  readonly withdrawnBy: { readonly displayName: string } | null;
}

/**
 * What the letters after a decision leave out sits here, behind login: the advice as the table
 * wrote it, what is missing for a herbespreking, the dates of the casusregie (mails link to
 * `/dossiers/<code>#beslissingen`).
 */
export function decisionViews(
  decisions: readonly StoredDecision[],
  tableName: (key: string) => string,
): DecisionView[] {
  return decisions.map((d) => {
    const facts: { term: string; text: string }[] = [];
    const add = (term: string, text: string | null | undefined) => {
      if (text) facts.push({ term, text });
    };
    switch (d.kind) {
      case 'geen_ketenaanpak':
        add('Advies', d.adviceText);
        add('Advies over een veiligheidsplan', d.safetyPlanAdvice);
        if (d.parketmeldingAdvies) add('Parketmelding', 'Het ICO adviseert een melding bij het parket.');
        break;
      case 'met_casusregie':
        add('Casusregisseur', d.casusregisseur?.displayName);
        add('Start van de casusregie', d.startDate && when.date(d.startDate));
        add(
          'Eerste vervolgoverleg',
          d.vervolgoverlegDate
            ? when.date(d.vervolgoverlegDate)
            : 'de eerste Weegploeg (eerste plan van aanpak)',
        );
        if (d.casusregisseurAbsent) {
          add(
            'Bijkomend casusoverleg',
            `${d.bijkomendCasusoverlegDate ? when.date(d.bijkomendCasusoverlegDate) : 'nog te plannen'} (de casusregisseur was niet op het ICO)`,
          );
        }
        break;
      case 'herbespreking':
        add('Wat ontbreekt en wie het meebrengt', d.missingInformation);
        break;
      case 'geen_instemming':
        add('Advies', d.adviceText);
        break;
      case 'pva_besproken':
        add('Terugkomdatum voor de Ronde Tafel', d.terugkomdatum && when.date(d.terugkomdatum));
        break;
      default:
        break;
    }
    return {
      decidedAt: d.decidedAt,
      tableName: tableName(d.tableKey),
      label: DECISION_KIND_LABELS[d.kind as DecisionKind] ?? d.kind,
      withdrawal: d.withdrawnAt
        ? {
            change: d.replacedById ? 'gewijzigd' : 'ingetrokken',
            at: d.withdrawnAt,
            by: d.withdrawnBy?.displayName ?? 'onbekend',
            reason: d.withdrawalReason ?? '',
          }
        : null,
      facts,
    };
  });
}
