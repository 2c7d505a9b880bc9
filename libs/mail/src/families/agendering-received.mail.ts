import { DateTime } from 'luxon';
import { dutchDate, dutchDateTime, inBrussels } from '../brussels-time';
import { MailIdentity } from '../mail-identity';
import { MailParts, Recipient } from '../mail-renderer';
import { dossierSessionSubject, midSentence } from '../mail-subjects';
import { DossierCode, Label, WebLink } from '../mail-values';
import { SessionTitleInput, sessionTitle } from './session-parts.util';

export interface AgenderingReceivedInput {
  readonly recipient: Recipient;
  readonly session: SessionTitleInput;
  readonly dossier: DossierCode;
  readonly itemType: Label;
  /** When the agenda goes out, if the table has a fixed moment. */
  readonly agendaSentAt?: DateTime;
  readonly detailsUrl: WebLink;
}

/** An agendering (Weegploeg, Ronde Tafel) was received and placed on a session. */
export function agenderingReceivedMail(identity: MailIdentity, input: AgenderingReceivedInput): MailParts {
  if (input.agendaSentAt) inBrussels(input.agendaSentAt, 'agendaSentAt');
  return {
    template: 'agendering-received',
    subject: dossierSessionSubject(
      'Agendering ontvangen',
      { dossier: input.dossier, itemType: input.itemType },
      sessionTitle(input.session),
      identity.region,
    ),
    preview: `${input.dossier}: ${input.session.table}, ${dutchDate(input.session.start)}`,
    greeting: input.recipient,
    values: {
      tableName: input.session.table,
      sessionDate: dutchDate(input.session.start),
      dossierCode: input.dossier,
      itemType: midSentence(input.itemType),
      hasAgendaMoment: input.agendaSentAt !== undefined,
      agendaMoment: input.agendaSentAt ? dutchDateTime(input.agendaSentAt) : '',
      detailsUrl: input.detailsUrl,
    },
  };
}
