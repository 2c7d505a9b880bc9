import type { DossierLife } from '@overlegtafels/domain';

/**
 * Ketenaanpak IFG West-Vlaanderen's dossier life (source: seeds/002), all on its one overlegtafel:
 * - stap 2, dossiervorming: the aanmelding is discussed; "als blijkt dat er belangrijke elementen
 *   ontbreken, dan worden die bij de relevante partners opgezocht" — a herbespreking, after which
 *   the dossier comes back for the weging (or is not taken up);
 * - stap 3, weging en kwalificatie: on the RTI the dossier is weighed, a plan van aanpak proposed
 *   and a casusregisseur appointed (casusregie), or it is not taken up;
 * - stap 4 en 5: the casusregisseur reports "op regelmatige tijdstippen" (voortgang) and asks for
 *   bijsturing of the plan;
 * - stap 6: "als het geweld gestopt is … kan een dossier afgerond worden. De situatie wordt daarna
 *   zes maanden vanop een afstand gevolgd en indien er geen problemen meer zijn afgesloten"; the
 *   approach of the case is evaluated on the overlegtafel, also after the afsluiting.
 */
export const WEST_VLAANDEREN_DOSSIER_LIFE: DossierLife = {
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
    intake: {
      table: 'overlegtafel',
      aanmeldingItemType: 'aanmelding',
      returnItemType: 'weging-en-kwalificatie',
    },
    planReview: 'overlegtafel',
    followUp: 'overlegtafel',
    closure: 'overlegtafel',
  },
  rules: {
    overlegtafel: {
      label: 'de overlegtafel',
      itemTypes: {
        aanmelding: {
          label: 'aanmelding',
          // ILLUSTRATIVE: the source does not say that a complete aanmelding can go to casusregie
          // at once; here it may, when no information is missing.
          decisions: ['herbespreking', 'geen_ketenaanpak', 'met_casusregie'],
          agenderenInPhases: ['aangemeld'],
        },
        'weging-en-kwalificatie': {
          label: 'weging en kwalificatie',
          decisions: ['met_casusregie', 'geen_ketenaanpak', 'herbespreking'],
          agenderenInPhases: ['herbespreking'],
        },
        voortgang: {
          label: 'voortgang',
          decisions: ['opvolging_genoteerd'],
          agenderenInPhases: ['casusregie'],
        },
        bijsturing: { label: 'bijsturing', decisions: ['pva_besproken'], agenderenInPhases: ['casusregie'] },
        afronding: {
          label: 'afronding',
          decisions: ['afronding_goedgekeurd', 'afronding_niet_goedgekeurd'],
          agenderenInPhases: ['casusregie'],
        },
        afsluiting: {
          label: 'afsluiting',
          decisions: ['afsluiting_bevestigd', 'afsluiting_niet_bevestigd'],
          agenderenInPhases: ['afgerond'],
        },
        evaluatie: {
          label: 'evaluatie',
          decisions: ['opvolging_genoteerd'],
          agenderenInPhases: ['afgesloten'],
        },
      },
    },
  },
  transitions: {
    herbespreking: { from: ['aangemeld', 'herbespreking'], to: 'herbespreking' },
    geen_ketenaanpak: { from: ['aangemeld', 'herbespreking'], to: 'geen_ketenaanpak' },
    met_casusregie: { from: ['aangemeld', 'herbespreking'], to: 'casusregie' },
    pva_besproken: { from: ['casusregie'], to: 'unchanged' },
    // The voortgang during casusregie, and the evaluation of the approach after the afsluiting.
    opvolging_genoteerd: { from: ['casusregie', 'afgesloten'], to: 'unchanged' },
    afronding_goedgekeurd: { from: ['casusregie'], to: 'afgerond' },
    afronding_niet_goedgekeurd: { from: ['casusregie'], to: 'unchanged' },
    afsluiting_bevestigd: { from: ['afgerond'], to: 'afgesloten' },
    afsluiting_niet_bevestigd: { from: ['afgerond'], to: 'unchanged' },
  },
  illustrative: [
    'een volledige aanmelding kan meteen naar casusregie',
    'de afsluiting na de zes maanden opvolging op afstand is een eigen agendapunt',
  ],
};
