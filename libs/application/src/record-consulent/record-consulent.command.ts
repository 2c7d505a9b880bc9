import { z } from 'zod';
import { email, bool, localDate } from '../input/input-fields';
import type { Actor } from '../agenda/agenda-views';
import type { ConsulentInvolvement } from '../ports/dossier.repository.port';

export interface ConsulentActor extends Actor {
  /** A coordinator of the region (every dossier) or else only the dossier's own casusregisseur. */
  readonly coordinator: boolean;
}

/** Parsed at the edge with ConsulentSchema (below); `dossierId` comes from an audited read. */
export interface RecordConsulentCommand {
  readonly actor: ConsulentActor;
  readonly dossierId: string;
  readonly involvement: ConsulentInvolvement;
  /** The form's one-time key or the API's Idempotency-Key: a repeat answers as the first. */
  readonly submissionKey?: string;
}

/**
 * Whether an OCJ/SDJ consulent is involved in a dossier, and since when. The address is optional
 * (the consulent may not use the service); both are required only while one is involved.
 */
export const ConsulentSchema = z
  .object({
    involved: bool('Consulent betrokken'),
    since: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(localDate('Betrokken sinds').optional()),
    email: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(email('E-mailadres van de consulent').optional()),
  })
  .superRefine((v, ctx) => {
    if (v.involved && !v.since) {
      ctx.addIssue({ code: 'custom', path: ['since'], message: 'Betrokken sinds is verplicht.' });
    }
  });
export type ConsulentInput = z.output<typeof ConsulentSchema>;
