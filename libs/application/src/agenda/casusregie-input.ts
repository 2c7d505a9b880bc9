import { z } from 'zod';
import { bool, checkbox, localDate, optionalText, SHORT, text } from './input-fields';

/**
 * What the casusregisseur records on the dossier page and through the API (guide III.B, annex B),
 * validated once for both. The rules behind it (the phase, dates not in the future, the start of
 * casusregie) are the domain's; here only the shape of the input.
 */

const NOTE = 2_000;

/** Empty form fields are fields not filled in. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** The consent of an adult family member, verified by the casusregisseur. */
export const ConsentSchema = z.object({
  givenBy: text('Wie de instemming gaf', SHORT),
  verifiedOn: localDate('Datum van de instemming'),
  adultFamilyMember: checkbox.refine((v) => v, {
    error: 'Bevestig dat een volwassen gezinslid instemde; de instemming van enkel kinderen volstaat niet.',
  }),
});
export type ConsentFormInput = z.output<typeof ConsentSchema>;

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

/** The consulent consulted about the afronding: when, and a short note of what was agreed. */
export const ConsulentConsultationSchema = z.object({
  consultedOn: localDate('Datum van het overleg'),
  note: text('Notitie', NOTE),
});
export type ConsulentConsultationFormInput = z.output<typeof ConsulentConsultationSchema>;
