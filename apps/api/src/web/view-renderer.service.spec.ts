import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '@overlegtafels/config';
import { projectRoot } from '@overlegtafels/persistence';

const views = path.join(projectRoot(), 'apps', 'api', 'views');

/** The default mode's settings: the mode that recompiled every template on every render. */
const developmentConfig = { env: 'development', demoLogin: true } as unknown as AppConfig;

describe('ViewRenderer', () => {
  afterEach(() => jest.restoreAllMocks());

  it('reads and compiles each template once per process, also in the default mode', () => {
    // A fresh copy of the module, as a new process has: its compiled templates are per process.
    let fresh!: typeof import('./view-renderer.service');
    jest.isolateModules(() => {
      fresh = jest.requireActual<typeof import('./view-renderer.service')>('./view-renderer.service');
    });
    const { viewEngine, ViewRenderer } = fresh;
    const reads = jest.spyOn(fs, 'readFileSync');
    const compiles = jest.spyOn(viewEngine(views), 'compile');
    const viewReads = () =>
      reads.mock.calls
        .filter(([file]) => String(file).startsWith(views))
        .map(([file]) => path.basename(String(file)));

    const first = new ViewRenderer(developmentConfig);
    const data = { heading: 'Niet gevonden', message: 'Dit dossier bestaat niet.' };
    const html = first.render('message', { title: 'Niet gevonden' }, data);
    expect(html).toContain('Dit dossier bestaat niet.');
    // The view and its layout were read, each once.
    expect(viewReads().sort()).toEqual(['layout.eta', 'message.eta']);
    expect(compiles).toHaveBeenCalledTimes(2);

    // Again, and from a renderer of another module: nothing is read or compiled anew.
    expect(first.render('message', { title: 'Niet gevonden' }, data)).toBe(html);
    expect(new ViewRenderer(developmentConfig).render('message', { title: 'Niet gevonden' }, data)).toBe(
      html,
    );
    expect(viewReads()).toHaveLength(2);
    expect(compiles).toHaveBeenCalledTimes(2);

    // The cached template still renders what it is given.
    expect(first.render('message', { title: 'x' }, { heading: 'Kop', message: 'Ander bericht.' })).toContain(
      'Ander bericht.',
    );
    expect(compiles).toHaveBeenCalledTimes(2);
  });
});
