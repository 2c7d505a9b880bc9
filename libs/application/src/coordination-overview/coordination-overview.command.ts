import type { ObligationListCommand, ObligationListQuery } from '../obligations/obligation-page';
import type { ObligationView } from '../obligations/obligation-view';

/** The coordinators' dashboard ("Coördinatie"), its list narrowed and a page at a time. */
export interface CoordinationOverviewCommand extends ObligationListCommand {
  /** The route for the audit log (`GET /coordinatie`). */
  readonly route: string;
}

/** How many required obligations are over their term for one casusregisseur (all of them, counted). */
export interface OverdueGroup {
  /** null: no casusregisseur (coordinator-owned, or the dossier has none). */
  casusregisseurId: string | null;
  name: string;
  organisationId: string | null;
  organisation: string;
  count: number;
}

/** One page of the open obligations of the region, with the total and the next page's token. */
export interface DashboardObligations {
  rows: ObligationView[];
  total: number;
  next?: string;
  query: ObligationListQuery;
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
  /** Every required obligation over its term, counted (never cut). */
  overdue: number;
  overdueByCasusregisseur: OverdueGroup[];
  overdueByOrganisation: { organisationId: string | null; organisation: string; count: number }[];
  /** How many open obligations fall due in the coming 30 days. */
  upcoming: number;
  /** The open obligations, overdue first, then the nearest: a page of them. */
  obligations: DashboardObligations;
  tables: TableLoad[];
}
