export * from './calendar-feed.test-util';
export * from './ical-check.test-util';
export * from './ics.test-util';
export * from './mail-fixtures.test-util';
export * from './mime-tree.test-util';
export { leaves, receivedMails } from './received-mail.test-util';
export type { MimePart, ReceivedMail } from './received-mail.test-util';
