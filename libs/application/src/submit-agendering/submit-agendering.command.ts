import { z } from 'zod';
import { SHORT, text, optionalText, email } from '../input/input-fields';
import type { Actor } from '../agenda/agenda-views';

export interface AgenderingActor extends Actor {
  readonly isCoordinator: boolean;
}

export interface UploadedFile {
  readonly originalName: string;
  readonly bytes: Buffer;
}

/** The agendering form or JSON body, parsed at the edge with AgenderingSchema (below), with its upload. */
export interface SubmitAgenderingCommand {
  readonly actor: AgenderingActor;
  readonly agendering: AgenderingInput;
  readonly document?: UploadedFile;
}

export const GUEST_KINDS = ['aanmelder', 'consulent', 'expert'] as const;

const guest = z.object({
  kind: z.enum(GUEST_KINDS, { error: 'Kies wie de gast is.' }),
  email: email('E-mailadres van de gast'),
  name: optionalText('Naam van de gast', SHORT),
});

export const AgenderingSchema = z.object({
  dossierCode: z
    .string({ error: 'Dossier is verplicht.' })
    .trim()
    .regex(/^[A-Z][A-Z0-9]{0,9}-\d{4}-\d{4,}$/, {
      error: 'Dossier: geef een dossiercode zoals CO3-2026-0042.',
    }),
  tableKey: z
    .string({ error: 'Kies een overlegtafel.' })
    .trim()
    .min(1, { error: 'Kies een overlegtafel.' })
    .max(40),
  itemType: z
    .string({ error: 'Kies het soort agendapunt.' })
    .trim()
    .min(1, { error: 'Kies het soort agendapunt.' })
    .max(60),
  questions: text('Vragen aan de tafel'),
  guests: z.array(guest).max(5, { error: 'Hoogstens 5 gasten per agendapunt.' }).default([]),
});
export type AgenderingInput = z.output<typeof AgenderingSchema>;
