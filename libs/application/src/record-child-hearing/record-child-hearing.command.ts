import { z } from 'zod';
import { blankToUndefined, bool, localDate, NOTE, optionalText, text } from '../input/input-fields';
import type { CasusregisseurActor } from '../agenda/casusregisseur-guard';

/** Parsed at the edge with ChildHearingSchema (below); `dossierId` comes from an audited read. */
export interface RecordChildHearingCommand {
  readonly actor: CasusregisseurActor;
  readonly dossierId: string;
  readonly hearing: ChildHearingFormInput;
  /** The form's one-time key or the API's Idempotency-Key: a repeat makes nothing. */
  readonly submissionKey?: string;
}

/** One child over 12: heard on a day, or why not. */
export const ChildHearingSchema = z
  .object({
    label: text('Welk kind', 60),
    heard: bool('Gehoord'),
    heardOn: z.preprocess(blankToUndefined, localDate('Datum van het gesprek').optional()),
    notHeardReason: optionalText('Waarom niet', NOTE),
  })
  .superRefine((v, ctx) => {
    if (v.heard === true && !v.heardOn) {
      ctx.addIssue({ code: 'custom', path: ['heardOn'], message: 'Datum van het gesprek is verplicht.' });
    }
    if (v.heard === false && !v.notHeardReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['notHeardReason'],
        message: 'Zeg waarom het kind niet gehoord is, en hoe het alsnog kan gebeuren.',
      });
    }
  })
  .transform((v) =>
    v.heard
      ? { label: v.label, heard: true as const, heardOn: v.heardOn! }
      : { label: v.label, heard: false as const, notHeardReason: v.notHeardReason! },
  );
export type ChildHearingFormInput = z.output<typeof ChildHearingSchema>;
