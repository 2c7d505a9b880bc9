import type { DecisionKind, DossierLife, PhaseSpec } from '@overlegtafels/domain';

const ICO_DECISIONS: readonly DecisionKind[] = [
  'geen_ketenaanpak',
  'zonder_casusregisseur',
  'met_casusregie',
  'herbespreking',
  'geen_instemming',
];

/**
 * The ICO decides on a dossier that is on its way in: new, back for a herbespreking, back for
 * advice after "geen instemming", or back because a casusregisseur may now be available.
 */
const ON_THE_ICO: readonly string[] = [
  'aangemeld',
  'herbespreking',
  'geen_instemming',
  'zonder_casusregisseur',
];

/**
 * CO3's phases, one of each kind the domain knows, keyed as the kinds (the keys dossiers were
 * stored with before regions declared their phases).
 */
const CO3_PHASES: readonly PhaseSpec[] = [
  { key: 'aangemeld', label: 'aangemeld', kind: 'aangemeld' },
  { key: 'herbespreking', label: 'herbespreking', kind: 'herbespreking' },
  { key: 'geen_ketenaanpak', label: 'geen ketenaanpak', kind: 'geen_ketenaanpak' },
  { key: 'zonder_casusregisseur', label: 'ketenaanpak zonder casusregisseur', kind: 'zonder_casusregisseur' },
  { key: 'geen_instemming', label: 'geen instemming', kind: 'geen_instemming' },
  { key: 'casusregie', label: 'casusregie', kind: 'casusregie' },
  { key: 'afgerond', label: 'afgerond', kind: 'afgerond' },
  { key: 'afgesloten', label: 'afgesloten', kind: 'afgesloten' },
];

/**
 * CO3 Antwerpen's dossier life, read from the guide.
 *
 * The tables:
 * - ICO: the first aanmelding only for a new dossier; a herbespreking after a herbespreking
 *   decision, after "geen instemming" (the aanmelder's limited returns for advice), and for a
 *   dossier "zonder casusregisseur", which may come back once a casusregisseur is available
 *   (guide II.F, "instroom volgens capaciteit").
 * - Weegploeg: only what a casusregisseur brings, so only in casusregie.
 * - Ronde Tafel: a vraag during casusregie (before or after the Weegploeg) and for an aanmelder
 *   without casusregisseur, who "may use the tables" (guide I.I); opvolging also after the
 *   afronding (the optional check for new facts after about three months, guide III.E); the
 *   afsluiting only once afgerond.
 *
 * The state machine: `geen_ketenaanpak` and `afgesloten` have no way out: a family referred again
 * after a "geen ketenaanpak" is a new aanmelding, and a closed dossier stays closed (the CO3 guide
 * has no reopening). Only casusregie leads to afgerond, and only afgerond to afgesloten.
 */
export const CO3_ANTWERPEN_DOSSIER_LIFE: DossierLife = {
  phases: CO3_PHASES,
  roles: {
    intake: { table: 'ico', aanmeldingItemType: 'aanmelding', returnItemType: 'herbespreking' },
    planReview: 'weegploeg',
    followUp: 'ronde-tafel',
    closure: 'ronde-tafel',
  },
  rules: {
    ico: {
      label: 'het ICO',
      itemTypes: {
        aanmelding: { label: 'aanmelding', decisions: ICO_DECISIONS, agenderenInPhases: ['aangemeld'] },
        herbespreking: {
          label: 'herbespreking',
          decisions: ICO_DECISIONS,
          agenderenInPhases: ['herbespreking', 'geen_instemming', 'zonder_casusregisseur'],
        },
      },
    },
    weegploeg: {
      label: 'de Weegploeg',
      itemTypes: {
        'plan-van-aanpak': {
          label: 'plan van aanpak',
          decisions: ['pva_besproken'],
          agenderenInPhases: ['casusregie'],
        },
        'gewijzigd-plan-van-aanpak': {
          label: 'gewijzigd plan van aanpak',
          decisions: ['pva_besproken'],
          agenderenInPhases: ['casusregie'],
        },
        afronding: {
          label: 'afronding',
          decisions: ['afronding_goedgekeurd', 'afronding_niet_goedgekeurd'],
          agenderenInPhases: ['casusregie'],
        },
      },
    },
    'ronde-tafel': {
      label: 'de Ronde Tafel',
      itemTypes: {
        vraag: {
          label: 'vraag',
          decisions: ['opvolging_genoteerd'],
          agenderenInPhases: ['casusregie', 'zonder_casusregisseur'],
        },
        opvolging: {
          label: 'opvolging',
          decisions: ['opvolging_genoteerd'],
          agenderenInPhases: ['casusregie', 'afgerond'],
        },
        'tussentijdse-evaluatie': {
          label: 'tussentijdse evaluatie',
          decisions: ['opvolging_genoteerd'],
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
    geen_ketenaanpak: { from: ON_THE_ICO, to: 'geen_ketenaanpak' },
    zonder_casusregisseur: { from: ON_THE_ICO, to: 'zonder_casusregisseur' },
    met_casusregie: { from: ON_THE_ICO, to: 'casusregie' },
    herbespreking: { from: ON_THE_ICO, to: 'herbespreking' },
    geen_instemming: { from: ON_THE_ICO, to: 'geen_instemming' },
    pva_besproken: { from: ['casusregie'], to: 'unchanged' },
    afronding_goedgekeurd: { from: ['casusregie'], to: 'afgerond' },
    afronding_niet_goedgekeurd: { from: ['casusregie'], to: 'unchanged' },
    // A question from an aanmelder without casusregisseur, and the check after the afronding, are
    // noted like any follow-up.
    opvolging_genoteerd: { from: ['casusregie', 'zonder_casusregisseur', 'afgerond'], to: 'unchanged' },
    afsluiting_bevestigd: { from: ['afgerond'], to: 'afgesloten' },
    // Checked for new facts too early or not, the dossier stays afgerond: nothing to guard.
    afsluiting_niet_bevestigd: { from: ['afgerond'], to: 'unchanged' },
  },
  illustrative: [],
};
