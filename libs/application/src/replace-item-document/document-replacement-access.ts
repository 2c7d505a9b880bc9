import { dossierAccess, hasRole, Principal } from '@overlegtafels/auth';
import { checkDocumentReplacement, DocumentReplacementCheck, isFixed } from '@overlegtafels/domain';
import { lifecycleOf } from '../agenda/session-lifecycle';
import type { ItemDocumentContext } from '../ports/document.repository.port';

/**
 * What a person may do with an agendapunt's documents: read them (need-to-know of the dossier,
 * as for every document) and whether the rule lets them put a new version now.
 */
export function replacementCheck(
  principal: Principal,
  item: ItemDocumentContext,
  nowMs: number,
): { mayTry: boolean; verdict: DocumentReplacementCheck } {
  const fullAccess = dossierAccess(principal, item.dossier) === 'full';
  const bringsTheItem =
    fullAccess &&
    (item.submittedById === principal.personId || item.dossier.casusregisseurId === principal.personId);
  return {
    mayTry: fullAccess,
    verdict: checkDocumentReplacement({
      coordinator: hasRole(principal, 'coordinator', item.tableKey),
      bringsTheItem,
      toBeHeld: item.itemStatus === 'placed' || item.itemStatus === 'rolled_over',
      agendaFixed: isFixed(lifecycleOf(item.session), nowMs),
      sessionOver: item.session.endsAt.getTime() <= nowMs,
    }),
  };
}
