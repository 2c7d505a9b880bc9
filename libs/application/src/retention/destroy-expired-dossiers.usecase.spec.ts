import { ControlledClock } from '@overlegtafels/testing';
import type { DocumentStore } from '../documents/document-store';
import { AuditEntry, AuditLog } from '../ports/audit-log.port';
import { DestroyedDossier, DossierRetention, EndedDossier } from '../ports/dossier-retention.port';
import { Transaction, UnitOfWork } from '../ports/unit-of-work.port';
import { DestroyExpiredDossiersUseCase } from './destroy-expired-dossiers.usecase';

class MemoryRetention extends DossierRetention {
  constructor(readonly dossiers: EndedDossier[]) {
    super();
  }
  async endedDossiers(regionKey: string, endedPhases: readonly string[]): Promise<EndedDossier[]> {
    return this.dossiers.filter((d) => d.regionKey === regionKey && endedPhases.includes(d.phase));
  }
  async destroy(_tx: Transaction, id: string, phase: string): Promise<DestroyedDossier | undefined> {
    const index = this.dossiers.findIndex((d) => d.id === id && d.phase === phase);
    if (index < 0) return undefined;
    this.dossiers.splice(index, 1);
    return { storageKeys: [`ab/${id}`], rows: 3 };
  }
}

class MemoryAudit extends AuditLog {
  readonly entries: { entry: AuditEntry; inTx: boolean }[] = [];
  async append(entry: AuditEntry, _at: Date, tx?: Transaction): Promise<void> {
    this.entries.push({ entry, inTx: tx !== undefined });
  }
}

const uow: UnitOfWork = { run: (work) => work({} as Transaction) };

function setup(now: string) {
  const retention = new MemoryRetention([
    {
      id: 'd1',
      code: 'CO3-2026-0001',
      phase: 'geen_ketenaanpak',
      regionKey: 'co3-antwerpen',
      afsluitingDate: null,
      endDecisionAt: new Date('2026-12-04T09:50:00+01:00'),
    },
    {
      id: 'd2',
      code: 'CO3-2026-0002',
      phase: 'afgesloten',
      regionKey: 'co3-antwerpen',
      afsluitingDate: '2026-12-10',
      endDecisionAt: null,
    },
    {
      id: 'd3',
      code: 'VHVB-2026-0001',
      phase: 'geen_ketenaanpak',
      regionKey: 'vlaams-brabant',
      afsluitingDate: null,
      endDecisionAt: new Date('2026-11-01T10:00:00+01:00'),
    },
    {
      id: 'd4',
      code: 'X-2026-0001',
      phase: 'geen_ketenaanpak',
      regionKey: 'nowhere',
      afsluitingDate: null,
      endDecisionAt: new Date('2020-01-01T10:00:00Z'),
    },
  ]);
  const audit = new MemoryAudit();
  const discarded: string[] = [];
  const files = { discard: async (key: string) => void discarded.push(key) } as unknown as DocumentStore;
  const useCase = new DestroyExpiredDossiersUseCase(uow, retention, audit, files, new ControlledClock(now));
  return { retention, audit, discarded, useCase };
}

describe('DestroyExpiredDossiersUseCase', () => {
  it('a dry run lists what is due, by region, and destroys nothing', async () => {
    const { retention, audit, useCase } = setup('2027-12-04T08:00:00+01:00');
    expect(await useCase.execute({ dryRun: true })).toEqual({
      dryRun: true,
      dossiers: [
        { code: 'CO3-2026-0001', phase: 'geen_ketenaanpak', endedOn: '2026-12-04', dueOn: '2027-12-04' },
        { code: 'VHVB-2026-0001', phase: 'geen_ketenaanpak', endedOn: '2026-11-01', dueOn: '2027-11-01' },
      ],
    });
    expect(
      (await useCase.execute({ dryRun: true, regionKey: 'vlaams-brabant' })).dossiers.map((d) => d.code),
    ).toEqual(['VHVB-2026-0001']);
    expect(retention.dossiers).toHaveLength(4);
    expect(audit.entries.map((e) => e.entry.action)).toEqual(['retention.dry-run', 'retention.dry-run']);
  });

  it('destroys what is due with a tombstone in the same transaction, removes the files, and is idempotent', async () => {
    const { retention, audit, discarded, useCase } = setup('2027-12-03T23:30:00Z'); // 4 Dec in Brussels
    const run = await useCase.execute({ regionKey: 'co3-antwerpen', trigger: 'job dossier-retention' });
    expect(run.dossiers.map((d) => d.code)).toEqual(['CO3-2026-0001']);
    expect(retention.dossiers.map((d) => d.id)).toEqual(['d2', 'd3', 'd4']);
    expect(discarded).toEqual(['ab/d1']);
    expect(audit.entries).toEqual([
      {
        inTx: true,
        entry: {
          actorPersonId: null,
          action: 'dossier.destroyed',
          entityType: 'dossier',
          entityId: 'd1',
          dossierId: 'd1',
          route: 'job dossier-retention',
          outcome: 'allowed',
          details: { code: 'CO3-2026-0001', endedOn: '2026-12-04', destroyedOn: '2027-12-04', period: 'P1Y' },
        },
      },
    ]);
    expect((await useCase.execute({ regionKey: 'co3-antwerpen' })).dossiers).toEqual([]);
    expect(audit.entries).toHaveLength(1);
  });

  it('writes no tombstone for a dossier another run destroyed meanwhile', async () => {
    const { retention, audit, useCase } = setup('2028-01-01T12:00:00+01:00');
    const destroy = retention.destroy.bind(retention);
    retention.destroy = async () => undefined;
    expect((await useCase.execute({})).dossiers).toEqual([]);
    expect(audit.entries).toEqual([]);
    retention.destroy = destroy;
  });

  it('refuses a region without configuration, before reading anything', async () => {
    const { useCase } = setup('2028-01-01T12:00:00+01:00');
    await expect(useCase.execute({ dryRun: true, regionKey: 'nowhere' })).rejects.toThrow(
      'region "nowhere" has no configuration',
    );
  });
});
