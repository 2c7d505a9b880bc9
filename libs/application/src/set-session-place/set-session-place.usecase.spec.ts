import type { SessionRecord } from '../ports/agenda-session.repository.port';
import { AgendaRefusal, InputError } from '../errors';
import { parseInput } from '../input/parse-input';
import {
  coordinator,
  coordinatorWorld,
  ico,
  NOW,
  sessionRecord,
} from '../coordinator/coordinator-world.test-util';
import { SessionPlaceSchema } from './set-session-place.command';
import { SetSessionPlaceUseCase } from './set-session-place.usecase';

// The ICO's configured place (fictitious): Vergaderzaal 1, Voorbeeldstraat 1, 2000 Antwerpen.
const TABLE_PLACE = ico.meetingPlace!;

function setup(fields: Partial<SessionRecord> = {}) {
  const world = coordinatorWorld([
    sessionRecord({ id: 's1', startsAt: new Date(NOW.getTime() + 86_400_000), ...fields }),
  ]);
  const useCase = new SetSessionPlaceUseCase(
    world.change,
    { table: () => ico },
    world.sessionRepo,
    world.notifier,
    world.clock,
  );
  return { world, useCase };
}

const command = (location: string, onlineMeetingUrl: string) => ({
  actor: coordinator,
  sessionId: 's1',
  location,
  onlineMeetingUrl,
});

describe('setting a session’s place', () => {
  it('stores the coordinator’s place and link, re-sends the invitations and audits it without the place', async () => {
    const { world, useCase } = setup();

    await useCase.execute(
      command('Zaal 5, Proefplein 3, 2000 Antwerpen', 'https://meet.example.be/ico-extra'),
    );

    const row = await world.sessionRepo.session('s1');
    expect([row!.location, row!.onlineMeetingUrl]).toEqual([
      'Zaal 5, Proefplein 3, 2000 Antwerpen',
      'https://meet.example.be/ico-extra',
    ]);
    expect(world.told.map((t) => t.what)).toEqual(['sessionPlaceChanged']);
    expect(world.dispatched).toEqual([['place-s1']]);
    expect(world.audit.map((a) => [a.event.action, a.event.details])).toEqual([
      ['session.place', { sessionId: 's1', ownLocation: true, online: true, tableKey: 'ico', moved: 0 }],
    ]);
  });

  it('keeps what equals the table’s as the table’s, and tells nobody when nothing changes', async () => {
    const { world, useCase } = setup();

    await useCase.execute(command(TABLE_PLACE.location, TABLE_PLACE.onlineMeetingUrl!));

    const row = await world.sessionRepo.session('s1');
    expect([row!.location, row!.onlineMeetingUrl]).toEqual([null, null]);
    expect(world.told).toEqual([]);
  });

  it('stores an emptied link as "no online meeting", not as the table’s', async () => {
    const { world, useCase } = setup();

    await useCase.execute(command('', ''));

    const row = await world.sessionRepo.session('s1');
    expect([row!.location, row!.onlineMeetingUrl]).toEqual([null, '']);
    expect(world.told.map((t) => t.what)).toEqual(['sessionPlaceChanged']);
  });

  it.each(['cancelled', 'held'] as const)('refuses a %s session and changes nothing', async (status) => {
    const { world, useCase } = setup({ status });

    await expect(useCase.execute(command('Zaal 5', ''))).rejects.toBeInstanceOf(AgendaRefusal);
    expect(world.told).toEqual([]);
  });
});

describe('SessionPlaceSchema', () => {
  const errors = (body: unknown) => {
    try {
      parseInput(SessionPlaceSchema, body);
      return [];
    } catch (error) {
      return (error as InputError).errors.map((e) => [e.field, e.message]);
    }
  };

  it('takes an https link and a one-line place', () => {
    expect(
      parseInput(SessionPlaceSchema, {
        location: ' Vergaderzaal 2, Voorbeeldstraat 1, 2000 Antwerpen ',
        onlineMeetingUrl: 'https://meet.example.be/x',
      }),
    ).toEqual({
      location: 'Vergaderzaal 2, Voorbeeldstraat 1, 2000 Antwerpen',
      onlineMeetingUrl: 'https://meet.example.be/x',
    });
  });

  it('names the field and the reason of a bad link or place', () => {
    expect(errors({ location: 'Zaal', onlineMeetingUrl: 'http://meet.example.be/x' })).toEqual([
      [
        'onlineMeetingUrl',
        'De link voor online deelname moet een volledige https-link zijn, zoals https://meet.example.be/overleg.',
      ],
    ]);
    expect(errors({ location: 'x'.repeat(201), onlineMeetingUrl: '' })[0]).toEqual([
      'location',
      'Locatie mag hoogstens 200 tekens lang zijn.',
    ]);
    expect(errors({ location: 'Zaal <script>', onlineMeetingUrl: '' })[0]![0]).toBe('location');
    expect(
      errors({ location: '', onlineMeetingUrl: `https://meet.example.be/${'a'.repeat(500)}` })[0]![0],
    ).toBe('onlineMeetingUrl');
  });
});
