import {
  CasusregieStartSchema,
  ConsulentInvolvement,
  ConsulentSchema,
  parseInput,
} from '@overlegtafels/application';

/** The consulent form or JSON body, validated, as the involvement the use case records. */
export function consulentInvolvementOf(body: unknown): ConsulentInvolvement {
  const form = parseInput(ConsulentSchema, body);
  return form.involved
    ? { involved: true, since: form.since!, email: form.email ?? null }
    : { involved: false };
}

/** The start-correction form or JSON body, validated. */
export function startCorrectionOf(body: unknown): { startDate: string; reason: string } {
  return parseInput(CasusregieStartSchema, body);
}

/** A DATE column (UTC midnight) as its day. */
export const day = (d: Date): string => d.toISOString().slice(0, 10);
