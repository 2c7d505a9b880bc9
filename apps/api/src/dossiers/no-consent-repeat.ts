import { NoConsentResult, NoConsentSchema, RecordNoConsentUseCase } from '@overlegtafels/application';
import type { Principal } from '@overlegtafels/auth';
import { withKey } from '../web/submission-key';

/**
 * A 'geen instemming' ends the casusregisseur's appointment and with it their access to the
 * dossier, so the repeat of that submission (a reload, a double click, a retried call) would meet
 * a 404 where the first was answered: these answer it from the sender's own ledger instead.
 */
export function firstNoConsentAnswer(
  useCase: Pick<RecordNoConsentUseCase, 'firstAnswer'>,
  principal: Principal,
  code: string,
  body: unknown,
  key: string | undefined,
): () => Promise<NoConsentResult | undefined> {
  return async () => {
    const parsed = NoConsentSchema.safeParse(body);
    return parsed.success
      ? useCase.firstAnswer({ actor: principal, code, noConsent: parsed.data, ...withKey(key) })
      : undefined;
  };
}

/**
 * The first answer when there is one, before `work` or after it failed (the first of racing
 * submissions committed meanwhile); else `work`'s own answer.
 */
export async function firstOr<T>(
  first: () => Promise<NoConsentResult | undefined>,
  work: () => Promise<T>,
): Promise<{ first: NoConsentResult } | { done: T }> {
  const before = await first();
  if (before) return { first: before };
  try {
    return { done: await work() };
  } catch (error) {
    const raced = await first();
    if (raced) return { first: raced };
    throw error;
  }
}
