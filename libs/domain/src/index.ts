export * from './organisation/organisation-kind';
export { organisationKindProblems } from './organisation/organisation-kind.policy';
export * from './errors/domain.error';
export * from './outcome.model';
export type { LocalDateString, LocalTimeString, Weekday } from './time/local-date.util';
export { WEEKDAYS } from './time/local-date.util';
export * from './time/iso-instant.util';
export * from './calendar/holiday-calendar.model';
export { holidaysInYear } from './calendar/holiday-calendar.policy';
export { easterSunday } from './calendar/easter.util';
export * from './calendar/calendar-reminder.model';
export * from './tables/table-definition.model';
export * from './tables/table-definition.policy';
export * from './sessions/session.model';
export { generateSessions, getSession } from './sessions/session-calendar.policy';
export type { SessionRange } from './sessions/session-calendar.policy';
export * from './sessions/session.view';
export * from './placement/placement.policy';
export * from './placement/placement.view';
export * from './placement/earliest-session.policy';
export * from './allocation/slot-allocation.policy';
export * from './dossier/dossier.model';
export * from './dossier/dossier.error';
export { DOSSIER_OUTCOME_CODES } from './dossier/dossier-outcome.model';
export type { DossierOutcomeCode, DossierRefusal } from './dossier/dossier-outcome.model';
export * from './dossier/dossier-event.model';
export * from './dossier/decision-input.model';
export * from './dossier/decision-rules';
export {
  applyDecision,
  DEFAULT_NO_CONSENT_RETURN_LIMIT,
  ENDED_PHASE_KINDS,
  endedPhaseKeys,
  NEEDS_STARTED_CASUSREGIE,
  noConsentReturnLimitOf,
} from './dossier/dossier-lifecycle.policy';
export type { DecisionContext, DecisionOutcome } from './dossier/dossier-lifecycle.policy';
export * from './dossier/dossier-life.model';
export * from './dossier/reopening.policy';
export { AFSLUITING_WAIT_MONTHS, earliestAfsluitingDate, formatDutchDate } from './dossier/dossier-date.util';
export * from './dossier/agendering.policy';
export * from './dossier/decision-notices.policy';
export { checkZonderCasusregisseur } from './dossier/zonder-casusregisseur.policy';
export { PLANNED_AT_ICO_MONTHS } from './dossier/planned-at-ico.policy';
export * from './dossier/start-correction.policy';
export * from './dossier/casusregisseur-change.policy';
export * from './dossier/casusregie-checks.policy';
export * from './dossier/no-consent.policy';
export * from './dossier/decision-withdrawal.policy';
export * from './dossier/dossier-code.util';
export * from './obligations';
export * from './sessions/session-lifecycle.policy';
export * from './risk/risk-instrument.model';
export * from './risk/risk-picture.model';
export * from './plan-van-aanpak';
export * from './minutes/session-minutes.policy';
export * from './minutes/attendance-proposal.policy';
export * from './preparation/preparation.policy';
export * from './sessions/agenda-recipients.policy';
export * from './sessions/meeting-place.policy';
export * from './sessions/document-replacement.policy';
export * from './retention/retention.policy';
export * from './calendar-reply/itip-reply.parser';
export * from './calendar-reply/calendar-reply.policy';
export * from './aanmelding/aanmelding-questions.model';
