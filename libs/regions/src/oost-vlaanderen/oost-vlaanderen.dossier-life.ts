import type { DossierLife } from '@overlegtafels/domain';

/**
 * Veilig Huis Oost-Vlaanderen's dossier life (source: seeds/004), all at the team regie: the
 * aanmelding, the plan van aanpak that ends the exploratie ("PvA voorleggen in team regie"), the
 * evaluation and bijsturing of the uitvoering, the afronding against its criteria, and the
 * afsluiting when no new incidents came. After new incidents a closed dossier is reopened, keeping
 * its history: it goes back to the team regie as an aanmelding (DossierLife.reopening).
 */
export const OOST_VLAANDEREN_DOSSIER_LIFE: DossierLife = {
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
          agenderenInPhases: ['casusregie'],
        },
        evaluatie: {
          label: 'evaluatie',
          decisions: ['opvolging_genoteerd'],
          agenderenInPhases: ['casusregie'],
        },
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
      },
    },
  },
  transitions: {
    met_casusregie: { from: ['aangemeld'], to: 'casusregie' },
    geen_ketenaanpak: { from: ['aangemeld'], to: 'geen_ketenaanpak' },
    pva_besproken: { from: ['casusregie'], to: 'unchanged' },
    opvolging_genoteerd: { from: ['casusregie'], to: 'unchanged' },
    afronding_goedgekeurd: { from: ['casusregie'], to: 'afgerond' },
    afronding_niet_goedgekeurd: { from: ['casusregie'], to: 'unchanged' },
    afsluiting_bevestigd: { from: ['afgerond'], to: 'afgesloten' },
    afsluiting_niet_bevestigd: { from: ['afgerond'], to: 'unchanged' },
  },
  // ILLUSTRATIVE, as the afsluiting rule's due date (oost-vlaanderen.obligations.ts): the source
  // gives no period between the afronding and the afsluiting.
  afsluitingWaitMonths: 3,
  // The source: "wordt het dossier afgesloten als er geen nieuwe incidenten zijn" and a closed
  // dossier can be reopened after new incidents. ILLUSTRATIVE: back to the aanmelding at the team
  // regie (the source does not say at which step the second life starts).
  reopening: { from: ['afgesloten'], to: 'aangemeld', label: 'heropening na nieuwe incidenten' },
  illustrative: [
    'de heropening begint opnieuw bij de aanmelding op de team regie',
    'de beslissingen op een aanmelding (opgenomen in casusregie of niet)',
    'de afsluiting als eigen agendapunt, ten vroegste drie maanden na de afronding (de bron noemt geen termijn)',
  ],
};
