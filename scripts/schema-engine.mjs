// Prisma's schema engine as WebAssembly (@prisma/schema-engine-wasm), run in this process with
// the project's PostgreSQL driver adapter (@prisma/adapter-pg). The native schema engine behind
// `prisma migrate` is a download from outside the npm registry; this one is an npm package.
//
// The engine connects through the adapter when it is created (it reads the server version) and
// needs a reachable PostgreSQL for that, even though a diff between two Prisma schemas reads
// nothing else from it. Diffs from a database (introspection, or the migrations replayed on a
// shadow database) do not work with adapter-pg 7.10.1: it splits scripts at every `;` (plpgsql
// bodies, comments) and refuses PostgreSQL's `"char"` columns, which the engine's catalog queries
// return. So only schema-to-schema diffs are offered here.
import { readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

let bindings;

/**
 * The package's main module imports its .wasm file as an ES module, which Node 20 only does
 * behind --experimental-wasm-modules; the same glue is loaded here and handed the instance.
 */
async function loadBindings() {
  if (bindings) return bindings;
  const glueUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const glue = await import(glueUrl);
  const wasm = readFileSync(fileURLToPath(new URL('schema_engine_bg.wasm', glueUrl)));
  const { instance } = await globalThis.WebAssembly.instantiate(wasm, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  bindings = glue;
  return glue;
}

const datamodel = (content) => ({ tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content }] });

/**
 * The SQL that takes a database described by `fromSchema` (null: an empty database) to one
 * described by `toSchema`, both Prisma schema texts; null when there is no difference.
 * `databaseUrl` is only connected to while the engine starts.
 */
export async function diffSchemas({ fromSchema, toSchema, databaseUrl }) {
  const { SchemaEngine } = await loadBindings();
  const factory = new PrismaPg({ connectionString: databaseUrl, max: 1 });
  const connections = [];
  const tracked = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      connections.push(adapter);
      return adapter;
    },
    connectToShadowDb: () => Promise.reject(new Error('a schema-to-schema diff needs no shadow database')),
  };
  try {
    const engine = await SchemaEngine.new(
      { datamodels: [['schema.prisma', toSchema]] },
      () => undefined,
      bindMigrationAwareSqlAdapterFactory(tracked),
    );
    try {
      const result = await engine.diff({
        from: fromSchema === null ? { tag: 'empty' } : datamodel(fromSchema),
        to: datamodel(toSchema),
        script: true,
        // With exitCode set the engine answers 2 when the diff is not empty, 0 when it is.
        exitCode: true,
        filters: { externalTables: [], externalEnums: [] },
      });
      return result.exitCode === 2 ? result.stdout : null;
    } finally {
      engine.free();
    }
  } finally {
    // The pool would otherwise keep the process alive until its idle timeout.
    await Promise.all(connections.map((c) => c.dispose()));
  }
}
