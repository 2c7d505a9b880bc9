import { DateTime } from 'luxon';
import { dutchDate, inBrussels } from '../brussels-time';
import { MailIdentity } from '../mail-identity';
import { MailParts } from '../mail-renderer';
import { dossierDueSubject } from '../mail-subjects';
import { cleanText } from '../mail-values';
import { FollowUpInput, followUpValues } from './reminder.mail';

export interface EscalationInput extends FollowUpInput {
  /** The owner who let the date pass (usually the casusregisseur); body only. */
  readonly owner: string;
  /** The moment of rendering, to say how long ago the due date passed. */
  readonly now: DateTime;
  /**
   * `formUrl` is the obligation's own page (the owners escalated to are the ones who fill in its
   * form, as for the quality check), not the coordinators' overview.
   */
  readonly ownPage?: boolean;
}

/** After a follow-up obligation's due date passed: to the coordinator. */
export function escalationMail(identity: MailIdentity, input: EscalationInput): MailParts {
  const days = Math.round(
    inBrussels(input.now, 'now').startOf('day').diff(inBrussels(input.due, 'due').startOf('day'), 'days')
      .days,
  );
  const overdue = days <= 0 ? 'vandaag' : days === 1 ? 'gisteren' : `${days} dagen geleden`;
  return {
    template: 'escalation',
    subject: dossierDueSubject('Termijn verstreken', { dossier: input.dossier }, input.due, identity.region),
    preview: `${input.dossier}: termijn verstreken op ${dutchDate(input.due)}`,
    greeting: input.recipient,
    values: {
      ...followUpValues(input),
      overdue,
      owner: cleanText(input.owner, { maxLength: 120 }) || 'niet toegewezen',
      ownPage: input.ownPage === true,
    },
  };
}
