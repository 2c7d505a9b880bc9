import { Logger } from '@nestjs/common';
import { installShutdown, prepareRuntime, ServiceLogger } from '@overlegtafels/runtime';
import { ConfigError, loadConfig } from '@overlegtafels/config';
import { seedIfEmpty } from '@overlegtafels/persistence';
import { seedDemoAgenda } from '@overlegtafels/application';
// The one place that composes two apps: the default mode runs the worker inside the api process.
import { createApiApp } from '../../api/src/create-api-app';
import { WorkerModule } from '../../worker/src/worker.module';

/**
 * `npm start`: the default mode. With nothing configured it brings up the embedded PostgreSQL and
 * the local mail sink, seeds an empty database with the demo region, and runs the api and the
 * worker in one process. In production the api and the workers run as their own processes.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  Logger.overrideLogger(new ServiceLogger(config.logLevel));
  const logger = new Logger('Overlegtafels');
  const runtime = await prepareRuntime(config, (line) => logger.log(line));
  const defaultMode = runtime.embedded.postgres;
  let seeded = false;
  if (defaultMode) {
    seeded = await seedIfEmpty(runtime.config.databaseUrl, { demo: true });
    if (seeded) logger.log('empty database: seeded CO3 Antwerpen with fictitious demo people and dossiers');
  }
  const app = await createApiApp({
    config: runtime.config,
    mailSink: runtime.mailSink,
    withWorker: defaultMode ? WorkerModule : undefined,
  });
  if (seeded) {
    const items = await seedDemoAgenda(app);
    logger.log(`demo: ${items} fictitious items placed on the coming agendas`);
  }
  installShutdown(async () => {
    await app.close();
    await runtime.stop();
  }, logger);
  await app.listen(config.port, config.host);

  const base = `http://localhost:${config.port}`;
  const lines = [
    '',
    `Overlegtafels draait (${defaultMode ? 'lokale modus: ingebouwde PostgreSQL, mail blijft op deze machine' : 'productie-modus'}).`,
    `  web:      ${config.publicUrl}/`,
    `  inloggen: ${config.publicUrl}/login${config.demoLogin ? '  (demo-gebruikers)' : ''}`,
    ...(runtime.mailSink ? [`  mails:    ${base}/dev/mail`] : []),
    `  health:   ${config.publicUrl}/health`,
    `  queue:    BullMQ op ${config.redisUrl ? 'Redis' : 'PostgreSQL'}${defaultMode ? ', worker in dit proces' : ''}`,
    'Stoppen: Ctrl-C.',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
