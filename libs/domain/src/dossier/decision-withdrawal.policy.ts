import { LocalDateString } from '../time/local-date.util';
import { formatDutchDate } from './dossier-date.util';
import { DossierRefusal, refuse } from './dossier-outcome.model';
import { DECISION_KIND_LABELS, DecisionKind, type PhaseBook, regionPhaseLabel } from './dossier.model';
import { intakeTableName, type DossierLife } from './dossier-life.model';

/**
 * The facts of a dossier a decision may change, as they are kept with the decision: before it
 * (to restore on a withdrawal) and after it (to see whether the dossier changed since). The
 * consent is an instant (ISO 8601), the rest are Brussels days.
 */
export interface DossierSnapshot {
  /** The key of one of the region's phases. */
  readonly phase: string;
  readonly casusregisseurId: string | null;
  readonly casusregiePlannedStartDate: LocalDateString | null;
  readonly casusregieStartDate: LocalDateString | null;
  readonly afrondingDate: LocalDateString | null;
  readonly afsluitingDate: LocalDateString | null;
  readonly noConsentReturns: number;
  readonly consentVerifiedAt: string | null;
  readonly consentVerifiedById: string | null;
  readonly consentGivenBy: string | null;
  /** The traject (DossierLife.traject); absent in snapshots kept before dossiers had one. */
  readonly traject?: string | null;
}

/** Everything a withdrawal (or change) of one decision is checked against. */
export interface DecisionWithdrawalFacts {
  /** The region's dossier life: its phases' labels and the intake table's name in messages. */
  readonly life: Pick<DossierLife, 'phases' | 'roles' | 'rules'>;
  readonly decision: {
    readonly kind: DecisionKind;
    /** The day of the zitting that decided it. */
    readonly decidedOn: LocalDateString;
    readonly standing: boolean;
    readonly prior: DossierSnapshot | null;
    readonly result: DossierSnapshot | null;
  };
  /** The dossier as it is now. */
  readonly current: DossierSnapshot;
  /** The dossier's standing decisions recorded after this one. */
  readonly laterDecisions: readonly { readonly kind: DecisionKind; readonly decidedOn: LocalDateString }[];
  /**
   * Agendapunten of the dossier submitted after the decision and not withdrawn (the decision's own
   * herbespreking item left out): work that started on what the decision said.
   */
  readonly laterItems: readonly { readonly tableName: string; readonly sessionOn: LocalDateString }[];
  /** Follow-up obligations someone marked done or answered after the decision. */
  readonly fulfilledSince: readonly { readonly label: string; readonly fulfilledOn: LocalDateString }[];
  /** herbespreking: the intake table's item the decision made, if it was already discussed. */
  readonly followUpDiscussed?: boolean;
}

export type WithdrawalOutcome = { readonly ok: true; readonly restore: DossierSnapshot } | DossierRefusal;

const FIELD_NAMES: Readonly<Record<Exclude<keyof DossierSnapshot, 'phase'>, string>> = {
  casusregisseurId: 'de casusregisseur',
  casusregiePlannedStartDate: 'de geplande start van de casusregie',
  casusregieStartDate: 'de start van de casusregie',
  afrondingDate: 'de afronding',
  afsluitingDate: 'de afsluiting',
  noConsentReturns: 'het aantal terugkomsten na geen instemming',
  consentVerifiedAt: 'de instemming',
  consentVerifiedById: 'de instemming',
  consentGivenBy: 'de instemming',
  traject: 'het traject',
};

/**
 * May a decision be withdrawn (or changed, which withdraws it first)? Only while nothing was built
 * on it: no later decision on the dossier, no later agendering, no follow-up done, and the dossier
 * still as the decision left it (no consent recorded, no other casusregisseur, no corrected start
 * since). Then the dossier returns to what it was before the decision (`restore`).
 */
export function mayWithdrawDecision(facts: DecisionWithdrawalFacts): WithdrawalOutcome {
  const { decision } = facts;
  const what = `de beslissing "${DECISION_KIND_LABELS[decision.kind]}" van ${formatDutchDate(decision.decidedOn)}`;
  if (!decision.standing) {
    return refuse('DECISION_NOT_STANDING', `${capital(what)} werd al ingetrokken of gewijzigd.`);
  }
  if (!decision.prior || !decision.result) {
    return refuse(
      'DECISION_WITHOUT_HISTORY',
      `${capital(what)} werd geregistreerd voordat beslissingen konden worden ingetrokken: de toestand ` +
        'van het dossier ervoor is niet bewaard. Vraag de beheerder om een correctie.',
    );
  }
  const later = facts.laterDecisions[0];
  if (later) {
    return refuse(
      'DECISION_BUILT_UPON',
      `${capital(what)} kan niet meer worden ingetrokken of gewijzigd: op ${formatDutchDate(later.decidedOn)} ` +
        `volgde de beslissing "${DECISION_KIND_LABELS[later.kind]}" over dit dossier. Trek eerst die in.`,
    );
  }
  if (facts.followUpDiscussed) {
    return refuse(
      'DECISION_BUILT_UPON',
      `${capital(what)} kan niet meer worden ingetrokken of gewijzigd: het dossier werd sindsdien opnieuw op ${intakeTableName(facts.life).label} besproken.`,
    );
  }
  const item = facts.laterItems[0];
  if (item) {
    return refuse(
      'DECISION_BUILT_UPON',
      `${capital(what)} kan niet meer worden ingetrokken of gewijzigd: het dossier staat sindsdien op de ` +
        `agenda van ${item.tableName} van ${formatDutchDate(item.sessionOn)}. Trek die agendering eerst in.`,
    );
  }
  const done = facts.fulfilledSince[0];
  if (done) {
    return refuse(
      'DECISION_BUILT_UPON',
      `${capital(what)} kan niet meer worden ingetrokken of gewijzigd: de opvolgingstaak "${done.label}" ` +
        `werd op ${formatDutchDate(done.fulfilledOn)} al uitgevoerd.`,
    );
  }
  const changed = changesBetween(facts.life, decision.result, facts.current);
  if (changed.length > 0) {
    return refuse(
      'DECISION_BUILT_UPON',
      `${capital(what)} kan niet meer worden ingetrokken of gewijzigd: sindsdien veranderde in het dossier ` +
        `${list(changed)}.`,
    );
  }
  return { ok: true, restore: decision.prior };
}

/** What differs between two snapshots, as a coordinator names it (each once, in a fixed order). */
export function changesBetween(book: PhaseBook, from: DossierSnapshot, to: DossierSnapshot): string[] {
  const out: string[] = [];
  if (from.phase !== to.phase) {
    out.push(`de fase (nu "${regionPhaseLabel(book, to.phase)}")`);
  }
  for (const key of Object.keys(FIELD_NAMES) as (keyof typeof FIELD_NAMES)[]) {
    if ((from[key] ?? null) !== (to[key] ?? null) && !out.includes(FIELD_NAMES[key])) out.push(FIELD_NAMES[key]);
  }
  return out;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function list(parts: readonly string[]): string {
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;
}
