import type { ObligationView } from '../obligations/obligation-view';

/** The coordinators' dashboard ("Coördinatie"). */
export interface CoordinationOverviewCommand {
  /** The route for the audit log (`GET /coordinatie`). */
  readonly route: string;
}

export interface OverdueGroup {
  /** null: no casusregisseur (coordinator-owned, or the dossier has none). */
  casusregisseurId: string | null;
  name: string;
  organisation: string;
  obligations: ObligationView[];
}

export interface SessionLoad {
  key: string;
  date: string;
  dateText: string;
  status: 'open' | 'cancelled';
  capacityMinutes: number;
  usedMinutes: number;
  /** 0–100 and more when overbooked; 0 for a cancelled session. */
  percent: number;
}

export interface TableLoad {
  key: string;
  name: string;
  sessions: SessionLoad[];
}

export interface CoordinatorDashboard {
  now: string;
  overdueByCasusregisseur: OverdueGroup[];
  overdueByOrganisation: { organisation: string; count: number }[];
  next30Days: ObligationView[];
  tables: TableLoad[];
}
