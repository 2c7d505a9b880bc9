import { Inject, Injectable } from '@nestjs/common';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';
import { DossierRepository } from '../ports/dossier.repository.port';
import type { OutboxRecord } from '../ports/mail-outbox.port';
import { PersonDirectory } from '../ports/person-directory.port';

/**
 * A mail's region: its recipient's, else its session's, else its dossier's. A row that names none
 * of them (an address typed for a test mail) belongs to no region's data. What the mail pages use
 * to keep a coordinator to the mails of their own region (issue #17).
 */
@Injectable()
export class MailRegions {
  constructor(
    @Inject(PersonDirectory) private readonly people: Pick<PersonDirectory, 'ownerScopeOf'>,
    @Inject(AgendaSessionRepository) private readonly sessions: Pick<AgendaSessionRepository, 'session'>,
    @Inject(DossierRepository) private readonly dossiers: Pick<DossierRepository, 'byId'>,
  ) {}

  async regionOf(
    row: Pick<OutboxRecord, 'recipientPersonId' | 'sessionId' | 'dossierId'>,
  ): Promise<{ regionId: string } | undefined> {
    const regionId =
      (row.recipientPersonId && (await this.people.ownerScopeOf(row.recipientPersonId))?.regionId) ||
      (row.sessionId && (await this.sessions.session(row.sessionId))?.regionId) ||
      (row.dossierId && (await this.dossiers.byId(undefined, row.dossierId))?.regionId);
    return regionId ? { regionId } : undefined;
  }
}
