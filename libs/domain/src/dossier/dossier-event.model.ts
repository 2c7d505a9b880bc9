import { LocalDateString } from '../time/local-date.util';

/**
 * What an accepted decision sets in motion. Follow-up obligations and mails are derived from these
 * later, so the `type` keys are stable: add types, never rename one. Events carry dates and ids
 * only, never advice or case content: they may end up in job payloads and logs, where case content
 * must not go; the content stays with the recorded decision.
 */
export const DOSSIER_EVENT_TYPES = [
  'advies-verstuurd',
  'ketenaanpak-zonder-casusregisseur',
  'instemming-geregistreerd',
  'casusregie-gestart',
  'casusregisseur-aangesteld',
  'kind-gehoord',
  'consulent-geconsulteerd',
  'terug-naar-ico',
  'geen-instemming',
  'pva-besproken',
  'afronding-goedgekeurd',
  'afronding-niet-goedgekeurd',
  'opvolging-genoteerd',
  'afgesloten',
  'afsluiting-niet-bevestigd',
  'vervolgoverleg-gepland',
  'bijkomend-casusoverleg-gepland',
] as const;

export type DossierEventType = (typeof DOSSIER_EVENT_TYPES)[number];

export type DossierEvent =
  /** The ICO's advice goes to the aanmelder; `parketmeldingAdvies` when it advises reporting to the parket. */
  | {
      readonly type: 'advies-verstuurd';
      readonly date: LocalDateString;
      readonly reason: 'geen-ketenaanpak' | 'geen-instemming';
      readonly parketmeldingAdvies: boolean;
    }
  /** The aanmelder is put in touch with the CO3 criminologists and may use the tables. */
  | { readonly type: 'ketenaanpak-zonder-casusregisseur'; readonly date: LocalDateString }
  /**
   * The ICO appointed the casusregisseur, from `startDate` on (the planned start). Casusregie itself
   * starts with it only when the consent is there; otherwise `casusregie-gestart` follows the consent.
   */
  | {
      readonly type: 'casusregisseur-aangesteld';
      readonly startDate: LocalDateString;
      readonly casusregisseurId: string;
    }
  /** One child over 12 was heard, or the reason it was not is noted; `allAccountedFor` once every one is. */
  | { readonly type: 'kind-gehoord'; readonly date: LocalDateString; readonly allAccountedFor: boolean }
  /** The casusregisseur consulted the OCJ/SDJ consulent about the afronding (annex B). */
  | { readonly type: 'consulent-geconsulteerd'; readonly date: LocalDateString }
  /** Consent was recorded, with the met_casusregie decision or later by the casusregisseur. */
  | {
      readonly type: 'instemming-geregistreerd';
      readonly verifiedOn: LocalDateString;
      readonly verifiedById: string;
    }
  /** Start of casusregie: the first plan van aanpak and the interim evaluation count from here. */
  | {
      readonly type: 'casusregie-gestart';
      readonly startDate: LocalDateString;
      readonly casusregisseurId: string;
    }
  /**
   * Information is missing; the dossier comes back on a later ICO (aanvullend verkennend
   * casusoverleg), with the aanmelder invited as guest for it (guide II.D).
   */
  | { readonly type: 'terug-naar-ico'; readonly date: LocalDateString; readonly guest: 'aanmelder' }
  /** No family member consents; the aanmelder may still come back `returnsLeft` times. */
  | {
      readonly type: 'geen-instemming';
      readonly date: LocalDateString;
      readonly returnsUsed: number;
      readonly returnsLeft: number;
    }
  /** The Weegploeg reviewed the plan; the dossier is due on the Ronde Tafel by the terugkomdatum. */
  | {
      readonly type: 'pva-besproken';
      readonly date: LocalDateString;
      readonly terugkomdatum: LocalDateString;
    }
  /** Casusregie ends; the 6-month watch before the afsluiting starts on `date`. */
  | { readonly type: 'afronding-goedgekeurd'; readonly date: LocalDateString }
  | { readonly type: 'afronding-niet-goedgekeurd'; readonly date: LocalDateString }
  | { readonly type: 'opvolging-genoteerd'; readonly date: LocalDateString }
  /** Final closure; the quality check of the closed dossier follows. */
  | { readonly type: 'afgesloten'; readonly date: LocalDateString }
  /** New facts at the afsluiting: the dossier stays open (afgerond). */
  | { readonly type: 'afsluiting-niet-bevestigd'; readonly date: LocalDateString }
  /** The ICO set the date of the first vervolgoverleg at once (guide II.E). */
  | {
      readonly type: 'vervolgoverleg-gepland';
      readonly date: LocalDateString;
      readonly plannedDate: LocalDateString;
    }
  /** The casusregisseur was absent at the ICO: a bijkomend casusoverleg with them on `plannedDate`. */
  | {
      readonly type: 'bijkomend-casusoverleg-gepland';
      readonly date: LocalDateString;
      readonly plannedDate: LocalDateString;
      readonly casusregisseurId: string;
    };
