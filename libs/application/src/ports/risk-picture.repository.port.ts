import type { RiskPictureEntry, RiskPictureOccasion } from '@overlegtafels/domain';
import type { Transaction } from './unit-of-work.port';

/** One recorded version of a dossier's risk picture, with the factors it keeps. */
export interface RiskPictureRecord {
  readonly id: string;
  readonly version: number;
  readonly occasion: RiskPictureOccasion;
  readonly instrumentKey: string;
  readonly decisionId: string | null;
  readonly recordedAt: Date;
  readonly recordedById: string;
  /** For the dossier's own pages; never for logs. */
  readonly recordedByName: string | null;
  readonly factors: readonly RiskPictureEntry[];
}

export interface NewRiskPicture {
  readonly occasion: RiskPictureOccasion;
  readonly instrumentKey: string;
  readonly decisionId: string | null;
  readonly recordedById: string;
  readonly recordedAt: Date;
  readonly factors: readonly RiskPictureEntry[];
}

/** A family member of the dossier as its aanmeldingen name them (a role, a first name or "moeder"). */
export interface DossierClient {
  readonly id: string;
  readonly label: string;
  readonly role: 'pleger' | 'slachtoffer' | 'kind' | 'andere';
}

/** The recorded risk pictures of dossiers, version by version. */
export abstract class RiskPictureRepository {
  /** Every version of the dossier's picture, oldest first. */
  abstract picturesOf(tx: Transaction | undefined, dossierId: string): Promise<RiskPictureRecord[]>;
  /** Stores the next version (one more than the highest); the dossier row is locked meanwhile. */
  abstract record(
    tx: Transaction,
    dossierId: string,
    picture: NewRiskPicture,
  ): Promise<{ id: string; version: number }>;
  /** The clients of every aanmelding of the dossier, in their order. */
  abstract clientsOf(tx: Transaction | undefined, dossierId: string): Promise<DossierClient[]>;
}
