import type { DossierPage } from '@overlegtafels/application';

/**
 * The dossier's casusregisseur was deactivated (they left) and no new one is appointed yet: the
 * coordinators read "casusregisseur niet meer actief" and hold the tasks until they appoint one.
 */
export function casusregisseurLeft(
  detail: Pick<DossierPage, 'casusregisseur' | 'casusregisseurLeftAt'>,
): boolean {
  return !!detail.casusregisseur && (!detail.casusregisseur.active || detail.casusregisseurLeftAt !== null);
}
