import type { DossierLife } from '@overlegtafels/domain';

/**
 * Veilig Huis Oost-Vlaanderen's dossier life (source: seeds/004), all at the team regie: the
 * aanmelding, the plan van aanpak that ends the exploratie ("PvA voorleggen in team regie"), the
 * evaluation and bijsturing of the uitvoering, the afronding against its criteria, and the
 * afsluiting when no new incidents came. After new incidents a closed dossier is reopened, keeping
 * its history: it goes back to the team regie as an aanmelding (DossierLife.reopening).
 *
 * Its phases are the source's "drie fasen intensieve casusregie" (exploratie, uitvoering,
 * afronding) between the aanmelding and the afsluiting: exploratie and uitvoering are both
 * casusregie to the domain (the casusregisseur's checks, the follow-up), the afronding is its
 * afgerond (waiting for the afsluiting).
 */
export const OOST_VLAANDEREN_DOSSIER_LIFE: DossierLife = {
  phases: [
    { key: 'aangemeld', label: 'aangemeld', kind: 'aangemeld' },
    // Casusregie started (or waits for the consent), the plan van aanpak not yet approved.
    { key: 'exploratie', label: 'exploratie', kind: 'casusregie' },
    // ILLUSTRATIVE: from the plan van aanpak discussed at the team regie on ("PvA voorleggen in
    // team regie" is the first step the source lists under the uitvoering).
    { key: 'uitvoering', label: 'uitvoering', kind: 'casusregie' },
    // ILLUSTRATIVE: from the afronding approved at the team regie on (the source gives its
    // criteria, not who decides them); the afsluiting follows when no new incidents came.
    // Keyed afrondingsfase, not afronding: that is the item type that decides it (and a risk
    // picture's occasion), so the phase has a key of its own.
    { key: 'afrondingsfase', label: 'afronding', kind: 'afgerond' },
    { key: 'afgesloten', label: 'afgesloten', kind: 'afgesloten' },
    { key: 'geen_ketenaanpak', label: 'geen ketenaanpak', kind: 'geen_ketenaanpak' },
    // ILLUSTRATIVE: where a casusregie without consent ends (the domain's rule); the source names
    // no return after it.
    { key: 'geen_instemming', label: 'geen instemming', kind: 'geen_instemming' },
  ],
  roles: {
    intake: { table: 'team-regie', aanmeldingItemType: 'aanmelding' },
    planReview: 'team-regie',
    followUp: 'team-regie',
    closure: 'team-regie',
  },
  rules: {
    'team-regie': {
      label: 'de team regie',
      itemTypes: {
        // ILLUSTRATIVE: the source does not say what the team decides on an aanmelding; here it is
        // taken up (intensive casusregie) or not.
        aanmelding: {
          label: 'aanmelding',
          decisions: ['met_casusregie', 'geen_ketenaanpak'],
          agenderenInPhases: ['aangemeld'],
        },
        'plan-van-aanpak': {
          label: 'plan van aanpak',
          decisions: ['pva_besproken'],
          agenderenInPhases: ['exploratie'],
        },
        evaluatie: {
          label: 'evaluatie',
          decisions: ['opvolging_genoteerd'],
          agenderenInPhases: ['uitvoering'],
        },
        afronding: {
          label: 'afronding',
          decisions: ['afronding_goedgekeurd', 'afronding_niet_goedgekeurd'],
          agenderenInPhases: ['uitvoering'],
        },
        afsluiting: {
          label: 'afsluiting',
          decisions: ['afsluiting_bevestigd', 'afsluiting_niet_bevestigd'],
          agenderenInPhases: ['afrondingsfase'],
        },
      },
    },
  },
  transitions: {
    met_casusregie: { from: ['aangemeld'], to: 'exploratie' },
    geen_ketenaanpak: { from: ['aangemeld'], to: 'geen_ketenaanpak' },
    pva_besproken: { from: ['exploratie'], to: 'uitvoering' },
    opvolging_genoteerd: { from: ['uitvoering'], to: 'unchanged' },
    afronding_goedgekeurd: { from: ['uitvoering'], to: 'afrondingsfase' },
    afronding_niet_goedgekeurd: { from: ['uitvoering'], to: 'unchanged' },
    afsluiting_bevestigd: { from: ['afrondingsfase'], to: 'afgesloten' },
    afsluiting_niet_bevestigd: { from: ['afrondingsfase'], to: 'unchanged' },
  },
  // ILLUSTRATIVE, as the afsluiting rule's due date (oost-vlaanderen.obligations.ts): the source
  // gives no period between the afronding and the afsluiting.
  afsluitingWaitMonths: 3,
  // The source: "wordt het dossier afgesloten als er geen nieuwe incidenten zijn" and a closed
  // dossier can be reopened after new incidents. ILLUSTRATIVE: back to the aanmelding at the team
  // regie (the source does not say at which step the second life starts).
  reopening: { from: ['afgesloten'], to: 'aangemeld', label: 'heropening na nieuwe incidenten' },
  illustrative: [
    'de uitvoering begint met het plan van aanpak besproken op de team regie',
    'de fase afronding begint met de goedgekeurde afronding op de team regie',
    'geen instemming als eindfase (de bron noemt geen terugkeer)',
    'de heropening begint opnieuw bij de aanmelding op de team regie',
    'de beslissingen op een aanmelding (opgenomen in casusregie of niet)',
    'de afsluiting als eigen agendapunt, ten vroegste drie maanden na de afronding (de bron noemt geen termijn)',
  ],
};
