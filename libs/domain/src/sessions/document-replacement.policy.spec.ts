import { checkDocumentReplacement, DocumentReplacementFacts } from './document-replacement.policy';

const open: DocumentReplacementFacts = {
  coordinator: false,
  bringsTheItem: true,
  toBeHeld: true,
  agendaFixed: false,
  sessionOver: false,
};

describe('replacing an agendapunt’s document', () => {
  it('lets the one who brings the item replace it while the agenda is open, telling nobody', () => {
    expect(checkDocumentReplacement(open)).toEqual({ ok: true, tellTable: false });
  });

  it('after the freeze leaves it to a coordinator, and then the table is told', () => {
    const fixed = { ...open, agendaFixed: true };
    expect(checkDocumentReplacement(fixed)).toMatchObject({ ok: false, code: 'AGENDA_FIXED' });
    expect(checkDocumentReplacement({ ...fixed, coordinator: true })).toEqual({ ok: true, tellTable: true });
  });

  it('refuses someone who neither coordinates nor brings the item', () => {
    expect(checkDocumentReplacement({ ...open, bringsTheItem: false })).toMatchObject({
      ok: false,
      code: 'NOT_ALLOWED',
    });
  });

  it.each([
    ['discussed or withdrawn', { toBeHeld: false }],
    ['of a session that is over', { sessionOver: true, agendaFixed: true }],
  ])('keeps the document of an item %s, also for a coordinator', (_, facts) => {
    expect(checkDocumentReplacement({ ...open, coordinator: true, ...facts })).toMatchObject({
      ok: false,
      code: 'ITEM_CLOSED',
    });
  });
});
