import {
  organisationKindLabel,
  OrganisationKinds,
  QUALITY_CHECK_ITEMS,
  QUALITY_CHECK_LABELS,
  QualityCheck,
  qualityCheckOutcome,
  VERVOLGHULP_STARTED_LABELS,
  VervolghulpReport,
} from '@overlegtafels/domain';

/** One submitted form as the dossier page shows it: Dutch lines, no keys. */
export interface ReportView {
  readonly form: string;
  readonly title: string;
  readonly submittedAt: Date;
  readonly submittedBy: string;
  readonly lines: readonly { readonly label: string; readonly value: string }[];
}

interface StoredReport {
  form: string;
  answers: unknown;
  submittedAt: Date;
  submittedBy: { displayName: string };
}

/**
 * The answers of the forms that fulfilled the dossier's obligations, for its page: the six-month
 * report for everyone who sees the dossier (the coordinators of the Ronde Tafel read it there),
 * the quality check for the coordinators and the strategic coordinators only.
 */
export function reportsOf(
  reports: readonly StoredReport[],
  options: { qualityChecks: boolean; organisationKinds: OrganisationKinds },
): ReportView[] {
  return reports.flatMap((r): ReportView[] => {
    const by = { submittedAt: r.submittedAt, submittedBy: r.submittedBy.displayName };
    if (r.form === 'vervolghulp') {
      const a = r.answers as VervolghulpReport;
      const kinds = a.helpKinds.map((k) => organisationKindLabel(options.organisationKinds, k));
      return [
        {
          form: r.form,
          title: 'Vervolghulp, zes maanden na de afronding',
          ...by,
          lines: [
            {
              label: 'Is de vervolghulp gestart?',
              value: VERVOLGHULP_STARTED_LABELS[a.started] ?? a.started,
            },
            { label: 'Welke hulp', value: [...kinds, a.otherHelp].filter(Boolean).join(', ') || '—' },
            { label: 'Opmerkingen', value: a.remarks || '—' },
          ],
        },
      ];
    }
    if (r.form === 'kwaliteitscontrole' && options.qualityChecks) {
      const a = r.answers as QualityCheck;
      const notInOrder = QUALITY_CHECK_ITEMS.filter((i) => !a.checks[i]).map((i) => QUALITY_CHECK_LABELS[i]);
      return [
        {
          form: r.form,
          title: 'Kwaliteitscontrole',
          ...by,
          lines: [
            {
              label: 'Uitkomst',
              value: qualityCheckOutcome(a) === 'in-orde' ? 'alles in orde' : 'onduidelijkheden',
            },
            ...(notInOrder.length > 0 ? [{ label: 'Niet in orde', value: notInOrder.join(' ') }] : []),
            { label: 'Opmerkingen', value: a.remarks || '—' },
          ],
        },
      ];
    }
    return [];
  });
}
