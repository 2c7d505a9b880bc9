import type {
  DossierClient,
  NewRiskPicture,
  RiskPictureRecord,
  RiskPictureRepository,
  Transaction,
} from '@overlegtafels/application/testing';
import { FakeTable, type Rollbackable } from './fake-unit-of-work';

interface StoredPicture extends RiskPictureRecord {
  readonly dossierId: string;
}

/** The recorded risk pictures in memory, with the clients of each dossier given by the test. */
export class FakeRiskPictureRepository implements RiskPictureRepository, Rollbackable {
  readonly pictures = new FakeTable<StoredPicture>();
  private next = 0;

  constructor(
    private readonly clients: Record<string, DossierClient[]> = {},
    private readonly names: Record<string, string> = {},
  ) {}

  async picturesOf(_tx: Transaction | undefined, dossierId: string): Promise<RiskPictureRecord[]> {
    return this.pictures
      .where((p) => p.dossierId === dossierId)
      .sort((a, b) => a.version - b.version)
      .map(({ dossierId: _d, ...p }) => p);
  }

  async record(
    _tx: Transaction,
    dossierId: string,
    picture: NewRiskPicture,
  ): Promise<{ id: string; version: number }> {
    const version =
      Math.max(0, ...this.pictures.where((p) => p.dossierId === dossierId).map((p) => p.version)) + 1;
    const id = `picture-${++this.next}`;
    this.pictures.put({
      id,
      dossierId,
      version,
      recordedByName: this.names[picture.recordedById] ?? null,
      ...picture,
      factors: picture.factors.map((f) => ({ ...f, clientIds: [...f.clientIds] })),
    });
    return { id, version };
  }

  async clientsOf(_tx: Transaction | undefined, dossierId: string): Promise<DossierClient[]> {
    return this.clients[dossierId] ?? [];
  }

  snapshot(): unknown {
    return this.pictures.snapshot();
  }

  restore(snapshot: unknown): void {
    this.pictures.restore(snapshot);
  }
}
