import { agendaRecipients, emptyAgendaStep, slotParties } from './agenda-recipients.policy';
import { effectiveMeetingPlace, meetingPlaceChanged } from './meeting-place.policy';

// Fictitious people only.
const p = (email: string, id = email) => ({ id, email });
const lid = p('lid.politie@example.be');
const coord = p('coordinator@example.be');
const sara = p('sara.voorbeeld@example.org');
const tom = p('tom.proef@example.org');
const expert = p('expert@example.org');

describe('agendaRecipients', () => {
  it('gives members the session, each item its guests and casusregisseur, nobody the wrong slot', () => {
    const plan = agendaRecipients(
      [lid, coord],
      [
        { id: 'i1', casusregisseur: sara, guests: [] },
        { id: 'i2', casusregisseur: tom, guests: [expert] },
      ],
    );
    expect(plan.session.map((x) => x.email)).toEqual([lid.email, coord.email]);
    expect(plan.slots.map((s) => [s.itemId, s.recipients.map((r) => r.email)])).toEqual([
      ['i1', [sara.email]],
      ['i2', [expert.email, tom.email]],
    ]);
  });

  it('gives a standing member who is also a guest or casusregisseur no second entry', () => {
    const plan = agendaRecipients(
      [lid, p(' Sara.Voorbeeld@Example.org ', 'same')],
      [{ id: 'i1', casusregisseur: sara, guests: [p('LID.politie@example.be', 'x')] }],
    );
    expect(plan.session).toHaveLength(2);
    expect(plan.slots).toEqual([{ itemId: 'i1', recipients: [] }]);
  });

  it('names an address once per slot, and a member once', () => {
    expect(slotParties({ id: 'i', casusregisseur: sara, guests: [sara, expert, expert] })).toEqual([
      sara,
      expert,
    ]);
    expect(agendaRecipients([lid, lid], []).session).toEqual([lid]);
  });

  it('has an item without casusregisseur invite its guests only', () => {
    expect(slotParties({ id: 'i', casusregisseur: null, guests: [expert] })).toEqual([expert]);
  });
});

describe('emptyAgendaStep', () => {
  it('sends an agenda with items, whoever sends it', () => {
    expect(emptyAgendaStep(2, 'schedule', false)).toBe('send');
    expect(emptyAgendaStep(1, 'coordinator', false)).toBe('send');
  });
  it('asks the coordinators at the send moment when the agenda is empty', () => {
    expect(emptyAgendaStep(0, 'schedule', false)).toBe('ask-coordinators');
  });
  it('asks a coordinator who sends an empty agenda now to confirm, and sends once confirmed', () => {
    expect(emptyAgendaStep(0, 'coordinator', false)).toBe('confirm-first');
    expect(emptyAgendaStep(0, 'coordinator', true)).toBe('send');
  });
});

describe('effectiveMeetingPlace', () => {
  const table = {
    location: 'Vergaderzaal 2, Voorbeeldstraat 1, 2000 Antwerpen',
    onlineMeetingUrl: 'https://meet.example.be/wp',
  };
  it('takes the table’s place when the session has none of its own', () => {
    expect(effectiveMeetingPlace(table, { location: null, onlineMeetingUrl: null })).toEqual(table);
  });
  it('takes the session’s override, and an emptied link as no link', () => {
    expect(
      effectiveMeetingPlace(table, {
        location: 'Zaal 5, Proefplein 3, 2000 Antwerpen',
        onlineMeetingUrl: '',
      }),
    ).toEqual({
      location: 'Zaal 5, Proefplein 3, 2000 Antwerpen',
      onlineMeetingUrl: null,
    });
  });
  it('has no place without configuration or override', () => {
    expect(effectiveMeetingPlace(undefined, { location: null, onlineMeetingUrl: null })).toEqual({
      location: null,
      onlineMeetingUrl: null,
    });
  });
  it('sees a change of either field', () => {
    const a = { location: 'A', onlineMeetingUrl: null };
    expect(meetingPlaceChanged(a, { ...a })).toBe(false);
    expect(meetingPlaceChanged(a, { ...a, onlineMeetingUrl: 'https://meet.example.be/x' })).toBe(true);
    expect(meetingPlaceChanged(a, { ...a, location: 'B' })).toBe(true);
  });
});
