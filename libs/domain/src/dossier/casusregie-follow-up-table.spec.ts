import { casusregieFollowUpTable, type DossierLife } from './dossier-life.model';

const roles = (r: Partial<DossierLife['roles']>): Pick<DossierLife, 'roles'> => ({
  roles: { intake: { table: 'intake', aanmeldingItemType: 'aanmelding' }, ...r },
});

describe('the table whose coordinators take over a casusregisseur’s tasks', () => {
  it('is the follow-up table, else the plan review’s, else the intake table', () => {
    expect(casusregieFollowUpTable(roles({ followUp: 'opvolging', planReview: 'plan' }))).toBe('opvolging');
    expect(casusregieFollowUpTable(roles({ planReview: 'plan' }))).toBe('plan');
    expect(casusregieFollowUpTable(roles({}))).toBe('intake');
  });
});
