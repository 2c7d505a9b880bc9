import { LocalDateString, parseLocalDate } from '../time/local-date.util';
import { MetCasusregieInput } from './decision-input.model';
import { optionalBoolean, requiredDate } from './decision-fields.util';
import { addMonths, formatDutchDate } from './dossier-date.util';
import { DossierEvent } from './dossier-event.model';
import { DossierRefusal, refuse } from './dossier-outcome.model';
import type { IntakeTableName } from './dossier-life.model';

/** A date the ICO plans (a vervolgoverleg, a bijkomend casusoverleg) lies within this many months. */
export const PLANNED_AT_ICO_MONTHS = 12;

/**
 * What the ICO can plan at once when casusregie starts (guide II.E): the date of the first
 * vervolgoverleg (without one, the first Weegploeg is the first vervolgoverleg), and, when the
 * casusregisseur was not at the ICO, the bijkomend casusoverleg with them. Both lie after the ICO
 * and within PLANNED_AT_ICO_MONTHS; the vervolgoverleg not before the start of casusregie.
 */
export function plannedAtTheIco(
  input: MetCasusregieInput,
  date: LocalDateString,
  decisionDay: number,
  startDay: number,
  intake: IntakeTableName,
): { readonly ok: true; readonly events: DossierEvent[] } | DossierRefusal {
  const events: DossierEvent[] = [];
  const latest = parseLocalDate(addMonths(date, PLANNED_AT_ICO_MONTHS))!;
  const plannedDay = (
    value: unknown,
    field: string,
    what: string,
  ): { readonly ok: true; readonly day: number } | DossierRefusal => {
    const parsed = requiredDate(value, field, what);
    if (!parsed.ok) return parsed;
    if (parsed.day <= decisionDay) {
      return refuse(
        'FIELD_INVALID',
        `${what} (${formatDutchDate(value as string)}) moet na ${intake.label} van ${formatDutchDate(date)} liggen.`,
        field,
      );
    }
    if (parsed.day > latest) {
      return refuse(
        'FIELD_INVALID',
        `${what} (${formatDutchDate(value as string)}) ligt meer dan ${PLANNED_AT_ICO_MONTHS} maanden ` +
          `na ${intake.label} van ${formatDutchDate(date)}; kijk de datum na.`,
        field,
      );
    }
    return parsed;
  };

  if (input.vervolgoverlegDate !== undefined) {
    const what = 'De datum van het eerste vervolgoverleg';
    const day = plannedDay(input.vervolgoverlegDate, 'vervolgoverlegDate', what);
    if (!day.ok) return day;
    if (day.day < startDay) {
      return refuse(
        'FIELD_INVALID',
        `${what} (${formatDutchDate(input.vervolgoverlegDate)}) ligt vóór de start van de casusregie ` +
          `(${formatDutchDate(input.startDate)}).`,
        'vervolgoverlegDate',
      );
    }
    events.push({ type: 'vervolgoverleg-gepland', date, plannedDate: input.vervolgoverlegDate });
  }

  const absentProblem = optionalBoolean(
    input.casusregisseurAbsent,
    'casusregisseurAbsent',
    'Of de casusregisseur afwezig was',
  );
  if (absentProblem) return absentProblem;
  if (input.casusregisseurAbsent === true) {
    const what = 'De datum van het bijkomend casusoverleg';
    const day = plannedDay(input.bijkomendCasusoverlegDate, 'bijkomendCasusoverlegDate', what);
    if (!day.ok) {
      return day.code === 'FIELD_REQUIRED'
        ? refuse(
            'FIELD_REQUIRED',
            `${what} is verplicht: was de casusregisseur niet op ${intake.label}, dan volgt een bijkomend ` +
              'casusoverleg met hem of haar.',
            'bijkomendCasusoverlegDate',
          )
        : day;
    }
    events.push({
      type: 'bijkomend-casusoverleg-gepland',
      date,
      plannedDate: input.bijkomendCasusoverlegDate as LocalDateString,
      casusregisseurId: input.casusregisseurId,
    });
  } else if (input.bijkomendCasusoverlegDate !== undefined) {
    return refuse(
      'FIELD_INVALID',
      `Een bijkomend casusoverleg wordt alleen gepland als de casusregisseur niet op ${intake.label} was; ` +
        'duid dat aan of laat de datum leeg.',
      'bijkomendCasusoverlegDate',
    );
  }
  return { ok: true, events };
}
