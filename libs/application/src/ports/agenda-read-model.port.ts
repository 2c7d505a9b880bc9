import type { AgendaItemRecord } from './agenda-item.repository.port';

/** How full a session's agenda is: the agendapunten to be held or discussed, and their minutes. */
export interface AgendaLoad {
  readonly minutes: number;
  readonly items: number;
}

/** An agendapunt as the agenda page shows it: its dossier, who brings it, its contents. */
export interface AgendaPageItem extends AgendaItemRecord {
  readonly question: string | null;
  readonly sharedWithSession: boolean;
  readonly dossier: {
    readonly id: string;
    readonly code: string;
    readonly phase: string;
    readonly casusregisseurId: string | null;
    readonly aanmelderId: string;
    readonly regionId: string;
    readonly aanmelderOrganisation: { readonly kind: string } | null;
  };
  readonly submittedBy: {
    readonly displayName: string;
    readonly organisation: { readonly name: string } | null;
  };
  readonly document: { readonly id: string; readonly fileName: string; readonly sizeBytes: number } | null;
  readonly guests: { kind: string; email: string | null; name: string | null }[];
  readonly decision: { readonly id: string; readonly kind: string; readonly decidedAt: Date } | null;
}

/** What the agenda's pages and the agendering form read: how full sessions are, and an agenda. */
export abstract class AgendaReadModel {
  /** Per session id, its load (sessions without items are left out). */
  abstract loadOf(sessionIds: readonly string[]): Promise<Map<string, AgendaLoad>>;
  /** The session's agenda (items to be held or discussed), in agenda order. */
  abstract agendaOf(sessionId: string): Promise<AgendaPageItem[]>;
}
