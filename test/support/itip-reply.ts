/** The region's mailbox in the test app: the ORGANIZER of every invitation, where the answers arrive. */
export const ORGANISER = 'overlegtafels@example.be';

/**
 * An answer as a calendar client sends it (iMIP, RFC 6047): text and the iTIP REPLY (RFC 5546
 * §3.2.3) as alternatives, for the invitation with this UID and SEQUENCE.
 */
export function replyMail(options: {
  from: string;
  attendee: string;
  uid: string;
  sequence: number;
  partstat: string;
  messageId: string;
  charset?: string;
  extraEvent?: string[];
  subject?: string;
}): string {
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Fictief//Agenda 1.0//NL',
    'METHOD:REPLY',
    'BEGIN:VEVENT',
    `UID:${options.uid}`,
    `SEQUENCE:${options.sequence}`,
    'DTSTAMP:20261117T081500Z',
    `ORGANIZER:mailto:${ORGANISER}`,
    `ATTENDEE;PARTSTAT=${options.partstat}:mailto:${options.attendee}`,
    ...(options.extraEvent ?? []),
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  return [
    `From: ${options.from}`,
    `To: ${ORGANISER}`,
    `Subject: ${options.subject ?? 'Antwoord: Weegploeg 1 december 2026'}`,
    `Message-ID: <${options.messageId}@agenda.example.org>`,
    'Date: Tue, 17 Nov 2026 09:15:00 +0100',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="grens"',
    '',
    '--grens',
    'Content-Type: text/plain; charset=UTF-8',
    '',
    `${options.partstat}`,
    '--grens',
    `Content-Type: text/calendar; method=REPLY; charset=${options.charset ?? 'UTF-8'}`,
    'Content-Transfer-Encoding: 8bit',
    '',
    ics,
    '--grens--',
    '',
  ].join('\r\n');
}
