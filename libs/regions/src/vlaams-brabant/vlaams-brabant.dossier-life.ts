import type { DecisionKind, DossierLife } from '@overlegtafels/domain';

/**
 * The triage overleg's two options (source, "Triage overleg"): "geen actief aanbod vanuit Veilig
 * Huis", or the dossier is taken up and casusregie starts. The herbespreking is ILLUSTRATIVE: the
 * source names none, chosen so that a triage can ask for missing information first.
 */
const TRIAGE_DECISIONS: readonly DecisionKind[] = ['geen_ketenaanpak', 'met_casusregie', 'herbespreking'];

/**
 * Veilig Huis Vlaams-Brabant's dossier life (source: seeds/003). The triage overleg takes the
 * aanmeldingen; the casusoverleg of spoor 3 lays down the plan van aanpak, follows up, and closes
 * after the afronding: "Afronding en afsluiting: doelstellingen bereikt; dossier ging 6 maanden
 * in wacht (afronding, geen actieve casusregie); afsluiting". A closed dossier stays closed.
 */
export const VLAAMS_BRABANT_DOSSIER_LIFE: DossierLife = {
  // Keyed as the phase kinds, the keys its dossiers were stored with before regions declared them.
  phases: [
    { key: 'aangemeld', label: 'aangemeld', kind: 'aangemeld' },
    { key: 'herbespreking', label: 'herbespreking', kind: 'herbespreking' },
    { key: 'geen_ketenaanpak', label: 'geen ketenaanpak', kind: 'geen_ketenaanpak' },
    // Where a casusregie without consent goes (the domain's rule, guide I.G); the source names no
    // return after it, so no table takes the dossier back.
    { key: 'geen_instemming', label: 'geen instemming', kind: 'geen_instemming' },
    { key: 'casusregie', label: 'casusregie', kind: 'casusregie' },
    { key: 'afgerond', label: 'afgerond', kind: 'afgerond' },
    { key: 'afgesloten', label: 'afgesloten', kind: 'afgesloten' },
  ],
  roles: {
    intake: { table: 'triage-overleg', aanmeldingItemType: 'aanmelding', returnItemType: 'herbespreking' },
    planReview: 'casusoverleg-spoor-3',
    followUp: 'casusoverleg-spoor-3',
    closure: 'casusoverleg-spoor-3',
  },
  rules: {
    'triage-overleg': {
      label: 'het triage-overleg',
      itemTypes: {
        aanmelding: { label: 'aanmelding', decisions: TRIAGE_DECISIONS, agenderenInPhases: ['aangemeld'] },
        herbespreking: {
          label: 'herbespreking',
          decisions: TRIAGE_DECISIONS,
          agenderenInPhases: ['herbespreking'],
        },
      },
    },
    'casusoverleg-spoor-3': {
      label: 'het casusoverleg spoor 3',
      itemTypes: {
        'plan-van-aanpak': {
          label: 'plan van aanpak',
          decisions: ['pva_besproken'],
          agenderenInPhases: ['casusregie'],
        },
        // ILLUSTRATIVE: the source does not say where the afronding is decided; here at an evaluation.
        evaluatie: {
          label: 'evaluatie',
          decisions: ['opvolging_genoteerd', 'afronding_goedgekeurd'],
          agenderenInPhases: ['casusregie'],
        },
        afsluiting: {
          label: 'afsluiting',
          decisions: ['afsluiting_bevestigd', 'afsluiting_niet_bevestigd'],
          agenderenInPhases: ['afgerond'],
        },
      },
    },
  },
  transitions: {
    geen_ketenaanpak: { from: ['aangemeld', 'herbespreking'], to: 'geen_ketenaanpak' },
    met_casusregie: { from: ['aangemeld', 'herbespreking'], to: 'casusregie' },
    herbespreking: { from: ['aangemeld', 'herbespreking'], to: 'herbespreking' },
    pva_besproken: { from: ['casusregie'], to: 'unchanged' },
    opvolging_genoteerd: { from: ['casusregie'], to: 'unchanged' },
    afronding_goedgekeurd: { from: ['casusregie'], to: 'afgerond' },
    afsluiting_bevestigd: { from: ['afgerond'], to: 'afgesloten' },
    afsluiting_niet_bevestigd: { from: ['afgerond'], to: 'unchanged' },
  },
  // Source, "Triage overleg": the triage chooses the traject when it takes the dossier up.
  traject: {
    label: 'Traject',
    options: [
      { key: 'spoor-2', label: 'spoor 2 (casusondersteuning, 4 tot 6 maanden)' },
      { key: 'spoor-3', label: 'spoor 3 (intensieve casusregie, ongeveer een jaar)' },
    ],
    setBy: ['met_casusregie'],
  },
  illustrative: [
    'de herbespreking op het triage-overleg (de bron noemt er geen)',
    'de afronding wordt beslist bij een evaluatie op het casusoverleg spoor 3',
  ],
};
