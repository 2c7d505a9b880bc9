import type {
  DecisionKind,
  ObligationEventKey,
  ObligationForm,
  ObligationRole,
  ObligationRule,
} from '@overlegtafels/domain';

/**
 * Where the owner of an obligation does what fulfils it: which page, by which route, for whom.
 * Every follow-up obligation must have such a way (a rule nobody can fulfil escalates every week
 * for ever); apps/api/src/obligations/fulfilment-paths.spec.ts walks every region's rules against
 * this registry and against the routes the api declares, so a rule without a path fails the build.
 * The obligation pages read it too, to link a task to the form that closes it.
 */

/** A form of the service, as its route is declared (`METHOD /path/:param`) and who may post it. */
export interface FormRoute {
  readonly route: string;
  readonly roles: readonly ObligationRole[];
}

/** A form on the dossier page that records an event. */
export interface DossierFormPath extends FormRoute {
  readonly kind: 'dossier-form';
  /** The form's id on the dossier page (`/dossiers/<code>#<anchor>`). */
  readonly anchor: string;
  /** Dutch, the link to it from a task. */
  readonly label: string;
}

/** An event that happens with a decision of a table, recorded by the table's coordinator. */
export interface DecisionPath {
  readonly kind: 'decision';
  readonly decisionKinds: readonly DecisionKind[];
}

export type EventPath = DossierFormPath | DecisionPath;

const CASUSREGISSEUR_OR_COORDINATOR: readonly ObligationRole[] = ['casusregisseur', 'coordinator'];

/** Putting a dossier on a table's agenda (fulfilment `agenda-item`). */
export const AGENDERING_FORM: FormRoute = { route: 'POST /agendering', roles: CASUSREGISSEUR_OR_COORDINATOR };

/** Recording a table's decision on an agendapunt (fulfilment `decision`), for its coordinator. */
export const DECISION_FORM: FormRoute = {
  route: 'POST /agenda/:sessionId/punten/:itemId/beslissing',
  roles: ['coordinator'],
};

/** "Markeer als afgerond" with a note (fulfilment `manual`). */
export const MARK_DONE_FORM: FormRoute = {
  route: 'POST /opvolging/:id/afgerond',
  roles: CASUSREGISSEUR_OR_COORDINATOR,
};

/**
 * The short form on an obligation's own page (fulfilment `form`): the six-month report for the
 * casusregisseur (or a coordinator who takes the answer by phone), the quality check for the
 * region's strategic coordinators only.
 */
export const OBLIGATION_FORM_PATHS: Readonly<Record<ObligationForm, FormRoute>> = {
  vervolghulp: { route: 'POST /opvolging/:id/vervolghulp', roles: CASUSREGISSEUR_OR_COORDINATOR },
  kwaliteitscontrole: { route: 'POST /opvolging/:id/kwaliteitscontrole', roles: ['strategisch-coordinator'] },
};

/**
 * How each event in a dossier's life comes about. Total over the event keys: a new event does not
 * compile until it says where it happens (an empty list: nowhere yet, and the test then fails for
 * any rule fulfilled by it).
 */
export const EVENT_PATHS: Readonly<Record<ObligationEventKey, readonly EventPath[]>> = {
  'casusregisseur-aangesteld': [{ kind: 'decision', decisionKinds: ['met_casusregie'] }],
  'casusregie-gestart': [
    { kind: 'decision', decisionKinds: ['met_casusregie'] },
    {
      kind: 'dossier-form',
      route: 'POST /dossiers/:code/instemming',
      roles: CASUSREGISSEUR_OR_COORDINATOR,
      anchor: 'instemming',
      label: 'Instemming registreren',
    },
  ],
  'instemming-geregistreerd': [
    {
      kind: 'dossier-form',
      route: 'POST /dossiers/:code/instemming',
      roles: CASUSREGISSEUR_OR_COORDINATOR,
      anchor: 'instemming',
      label: 'Instemming registreren',
    },
    { kind: 'decision', decisionKinds: ['met_casusregie'] },
  ],
  'kinderen-gehoord': [
    {
      kind: 'dossier-form',
      route: 'POST /dossiers/:code/kinderen',
      roles: CASUSREGISSEUR_OR_COORDINATOR,
      anchor: 'kinderen',
      label: 'Kinderen registreren',
    },
  ],
  'consulent-betrokken': [
    {
      kind: 'dossier-form',
      route: 'POST /dossiers/:code/consulent',
      roles: CASUSREGISSEUR_OR_COORDINATOR,
      anchor: 'consulent',
      label: 'Consulent registreren',
    },
  ],
  'consulent-geconsulteerd': [
    {
      kind: 'dossier-form',
      route: 'POST /dossiers/:code/consulent-afronding',
      roles: CASUSREGISSEUR_OR_COORDINATOR,
      anchor: 'consulent-afronding',
      label: 'Overleg met de consulent registreren',
    },
  ],
  'pva-besproken': [{ kind: 'decision', decisionKinds: ['pva_besproken'] }],
  'afronding-goedgekeurd': [{ kind: 'decision', decisionKinds: ['afronding_goedgekeurd'] }],
  afgesloten: [{ kind: 'decision', decisionKinds: ['afsluiting_bevestigd'] }],
  // What the ICO planned with "ketenaanpak met casusregie" (II.E).
  'vervolgoverleg-gepland': [{ kind: 'decision', decisionKinds: ['met_casusregie'] }],
  'bijkomend-casusoverleg-gepland': [{ kind: 'decision', decisionKinds: ['met_casusregie'] }],
};

/** The dossier-page form a task fulfilled by a recorded event links to, if its rule has one. */
export function dossierFormFor(rule: ObligationRule): DossierFormPath | undefined {
  for (const spec of rule.fulfilledBy) {
    if (spec.kind !== 'event') continue;
    const form = EVENT_PATHS[spec.event].find((p): p is DossierFormPath => p.kind === 'dossier-form');
    if (form && form.roles.includes(rule.owner.role)) return form;
  }
  return undefined;
}
