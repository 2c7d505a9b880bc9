/**
 * The organiser mailbox as the reply processor sees it (the application's ReplyMailbox port has
 * this shape; runtime binds one of the two below to it).
 */
export interface MailboxMessage {
  readonly id: string;
  readonly size: number;
}

export type ReplyFolder = 'Verwerkt' | 'Geweigerd';

export const REPLY_FOLDERS: readonly ReplyFolder[] = ['Verwerkt', 'Geweigerd'];

export interface OpenReplyMailbox {
  list(): Promise<MailboxMessage[]>;
  read(id: string): Promise<Buffer>;
  moveTo(id: string, folder: ReplyFolder): Promise<void>;
}
