// A step of `npm test`: the libraries form a graph without cycles, no lib imports an app, no
// source file reaches into another lib past its index, the application does not import
// persistence (it reaches the database through its ports), none is over 400 lines, and only the
// domain's session lifecycle compares a session's status. ESLint says the same per import line; this
// sees the whole graph, which no single file can. `--root DIR` checks another tree (its tests).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root =
  rootAt >= 0
    ? path.resolve(args[rootAt + 1] ?? '.')
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const TEST_FILE = /\.(spec|int-spec|e2e-spec|test-util)\.ts$/;
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'generated' && name !== 'testing' && name !== 'node_modules')
        out.push(...sourceFiles(full));
    } else if (name.endsWith('.ts') && !TEST_FILE.test(name)) out.push(full);
  }
  return out;
}

const libsDir = path.join(root, 'libs');
const libs = readdirSync(libsDir).filter((l) => statSync(path.join(libsDir, l, 'src')).isDirectory());
const edges = new Map(libs.map((l) => [l, new Map()])); // lib -> (lib -> first file)
const problems = [];

/** Dependencies no source file may take, even where they would make no cycle: lib -> lib -> why. */
const FORBIDDEN = {
  application: {
    persistence: 'the application reaches the database through its ports (libs/application/src/ports)',
  },
};

for (const lib of libs) {
  const src = path.join(libsDir, lib, 'src');
  for (const file of sourceFiles(src)) {
    const rel = path.relative(root, file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2];
      const named = spec.match(/^@overlegtafels\/([a-z-]+)(\/.*)?$/);
      if (named) {
        // Only the test-support lib may take another lib's testing face (what its fakes need).
        const testingFace = named[2] === '/testing' && lib === 'testing';
        if (named[2] && !testingFace)
          problems.push(`${rel}: deep import '${spec}' (use @overlegtafels/${named[1]})`);
        const why = FORBIDDEN[lib]?.[named[1]];
        if (why) problems.push(`${rel}: ${lib} imports @overlegtafels/${named[1]}: ${why}`);
        if (named[1] !== lib && !edges.get(lib).has(named[1])) edges.get(lib).set(named[1], rel);
        continue;
      }
      if (!spec.startsWith('.')) continue;
      const target = path.relative(root, path.resolve(path.dirname(file), spec));
      if (target.startsWith('apps' + path.sep)) problems.push(`${rel}: a lib imports an app ('${spec}')`);
      else if (!target.startsWith(path.join('libs', lib, 'src')))
        problems.push(`${rel}: relative import out of libs/${lib} ('${spec}')`);
    }
  }
}

// Tarjan's strongly connected components: any component of more than one lib is a cycle.
let index = 0;
const stack = [];
const state = new Map();
const cycles = [];
function visit(lib) {
  state.set(lib, { index, low: index, onStack: true });
  index++;
  stack.push(lib);
  for (const next of edges.get(lib)?.keys() ?? []) {
    if (!edges.has(next)) continue;
    if (!state.has(next)) {
      visit(next);
      state.get(lib).low = Math.min(state.get(lib).low, state.get(next).low);
    } else if (state.get(next).onStack)
      state.get(lib).low = Math.min(state.get(lib).low, state.get(next).index);
  }
  if (state.get(lib).low === state.get(lib).index) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      state.get(member).onStack = false;
      component.push(member);
    } while (member !== lib);
    if (component.length > 1) cycles.push(component.sort());
  }
}
for (const lib of libs.sort()) if (!state.has(lib)) visit(lib);

for (const component of cycles) {
  const links = component.flatMap((from) =>
    [...edges.get(from)]
      .filter(([to]) => component.includes(to))
      .map(([to, file]) => `${from} → ${to} (${file})`),
  );
  problems.push(`cycle between libs ${component.join(', ')}: ${links.join('; ')}`);
}

// Two shape rules of the whole tree: no source file over 400 lines, and a session's status is
// compared only by the domain's lifecycle policy (libs/domain/src/sessions).
const MAX_LINES = 400;
const SESSION_STATUS =
  /\bstatus\b\s*[!=]==?\s*'(planned|frozen|held)'|'(planned|frozen|held)'\s*[!=]==?\s*[\w.]*\bstatus\b/;
function treeFiles(dir, ends) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'generated' && name !== 'node_modules') out.push(...treeFiles(full, ends));
    } else if (ends.some((e) => name.endsWith(e)) && !TEST_FILE.test(name)) out.push(full);
  }
  return out;
}
for (const top of ['libs', 'apps']) {
  const dir = path.join(root, top);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) continue;
  for (const file of treeFiles(dir, ['.ts', '.eta'])) {
    const rel = path.relative(root, file);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const count = lines.length - (text.endsWith('\n') ? 1 : 0);
    if (file.endsWith('.ts') && count > MAX_LINES)
      problems.push(`${rel}: ${count} lines (at most ${MAX_LINES})`);
    if (rel.startsWith(path.join('libs', 'domain', 'src', 'sessions'))) continue;
    lines.forEach((line, i) => {
      if (SESSION_STATUS.test(line))
        problems.push(`${rel}:${i + 1}: a session status compared outside the lifecycle policy`);
    });
  }
}

const edgeCount = [...edges.values()].reduce((n, m) => n + m.size, 0);
if (problems.length) {
  for (const p of problems) console.error(p);
  console.error(`boundaries: ${problems.length} problem(s) in ${libs.length} libs`);
  process.exit(1);
}
const order = libs.map((l) => `${l} → ${[...edges.get(l).keys()].sort().join(', ') || '∅'}`);
console.log(`boundaries: ${libs.length} libs, ${edgeCount} dependencies, no cycle\n  ${order.join('\n  ')}`);
