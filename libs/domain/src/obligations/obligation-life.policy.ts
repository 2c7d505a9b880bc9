import { DossierFacts } from './dossier-facts.model';

/** The life of a dossier that has never been reopened. */
export const FIRST_LIFE = 1;

/** The life the facts describe: 1 for a dossier never reopened, 1 + its heropeningen otherwise. */
export function lifeOf(facts: Pick<DossierFacts, 'life'>): number {
  return facts.life ?? FIRST_LIFE;
}

/**
 * The facts as far as the dossier's current life goes. A heropening starts the follow-up anew:
 * the decisions and agendapunten taken before it, the children heard then and the obligations
 * marked done in an earlier life fulfil nothing in this one (the earlier life's obligations stay
 * as its history). The dossier's own dates (start, afronding, afsluiting, consent) were reset at
 * the heropening, so what they hold now is this life's. Idempotent.
 */
export function factsOfCurrentLife(facts: DossierFacts): DossierFacts {
  const life = lifeOf(facts);
  const from = facts.lifeStartedAtMs;
  const inLife = (o: { readonly life?: number }) => (o.life ?? FIRST_LIFE) === life;
  const since = (atMs: number | undefined) => from === undefined || (atMs !== undefined && atMs >= from);
  const { childrenOver12HeardAtMs, formFulfilments, ...rest } = facts;
  return {
    ...rest,
    ...(childrenOver12HeardAtMs !== undefined &&
      since(childrenOver12HeardAtMs) && { childrenOver12HeardAtMs }),
    decisions: facts.decisions.filter((d) => since(d.decidedAtMs)),
    agendaItems: facts.agendaItems.filter((i) => since(i.submittedAtMs)),
    manualFulfilments: facts.manualFulfilments.filter(inLife),
    ...(formFulfilments && { formFulfilments: formFulfilments.filter(inLife) }),
  };
}
