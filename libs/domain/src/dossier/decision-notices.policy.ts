import { DossierEvent } from './dossier-event.model';

/**
 * The letter the aanmelder gets after the ICO discussed their aanmelding, one per outcome:
 * - `advies`: geen ketenaanpak, with the advice (always on a safety plan, on a parketmelding when
 *   given; guide II.D);
 * - `zonder-casusregisseur`: the ketenaanpak is needed but no casusregisseur is available; the
 *   aanmelder goes on and is put in touch with the criminologists (I.I, II.F);
 * - `instroom`: ketenaanpak met casusregie, who directs it and the first vervolgoverleg (II.E);
 * - `herbespreking`: information is missing; the aanmelder is invited to the aanvullend
 *   verkennend casusoverleg (II.D);
 * - `geen-instemming`: casusregie cannot start; the advice, and how often they may come back (I.G).
 */
export type AanmelderLetter =
  'advies' | 'zonder-casusregisseur' | 'instroom' | 'herbespreking' | 'geen-instemming';

/** Someone the service tells about an accepted decision. */
export type DecisionNotice =
  | { readonly to: 'aanmelder'; readonly letter: AanmelderLetter }
  /** The appointed casusregisseur: the dossier, the start and the first obligations. */
  | { readonly to: 'casusregisseur'; readonly casusregisseurId: string }
  /** The region's criminologists (RegionConfig.criminologenMailbox), to contact the aanmelder. */
  | { readonly to: 'criminologen' };

/**
 * Who must hear of a decision, read from what it set in motion: every ICO outcome reaches the
 * aanmelder; an appointment reaches the casusregisseur (who, when it is the aanmelder, gets that
 * one letter only); "zonder casusregisseur" reaches the criminologists. Decisions of the other
 * tables tell nobody here (their follow-up reaches people as obligations).
 */
export function decisionNotices(
  effects: readonly DossierEvent[],
  parties: { readonly aanmelderId?: string | null },
): DecisionNotice[] {
  const notices: DecisionNotice[] = [];
  let letter: AanmelderLetter | undefined;
  for (const effect of effects) {
    switch (effect.type) {
      case 'advies-verstuurd':
        if (effect.reason === 'geen-ketenaanpak') letter = 'advies';
        break;
      case 'ketenaanpak-zonder-casusregisseur':
        letter = 'zonder-casusregisseur';
        notices.push({ to: 'criminologen' });
        break;
      // Appointed with or without the consent: the casusregisseur takes up the dossier either way.
      case 'casusregisseur-aangesteld':
        notices.push({ to: 'casusregisseur', casusregisseurId: effect.casusregisseurId });
        if (effect.casusregisseurId !== parties.aanmelderId) letter = 'instroom';
        break;
      case 'terug-naar-ico':
        letter = 'herbespreking';
        break;
      case 'geen-instemming':
        letter = 'geen-instemming';
        break;
      default:
        break;
    }
  }
  return letter ? [{ to: 'aanmelder', letter }, ...notices] : notices;
}
