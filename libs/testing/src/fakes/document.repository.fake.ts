import type { DocumentRecord, Documents } from '@overlegtafels/application/testing';
import { FakeTable } from './fake-unit-of-work';

/** Document records in memory, each with the access facts of its dossier. */
export class FakeDocuments implements Documents {
  readonly table: FakeTable<DocumentRecord>;

  constructor(rows: readonly DocumentRecord[] = []) {
    this.table = new FakeTable(rows);
  }

  async findWithDossier(id: string): Promise<DocumentRecord | undefined> {
    return this.table.get(id);
  }
}
