import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CoreModule, installShutdown, prepareRuntime, ServiceLogger } from '@overlegtafels/runtime';
import { ConfigError, loadConfig } from '@overlegtafels/config';
import { WorkerModule } from './worker.module';

/** The worker as its own process (production); several can run side by side. */
async function main(): Promise<void> {
  const config = loadConfig();
  const serviceLogger = new ServiceLogger(config.logLevel);
  Logger.overrideLogger(serviceLogger);
  const logger = new Logger('Worker');
  if (!config.databaseUrl) {
    throw new ConfigError(
      'DATABASE_URL',
      'is required for a separate worker (npm start runs the worker inside the default-mode process)',
    );
  }
  const runtime = await prepareRuntime(config, (line) => logger.log(line));

  @Module({ imports: [CoreModule.forRoot({ config: runtime.config }), WorkerModule] })
  class WorkerAppModule {}

  const app = await NestFactory.createApplicationContext(WorkerAppModule, {
    logger: serviceLogger,
  });
  installShutdown(async () => {
    await app.close();
    await runtime.stop();
  }, logger);
  await app.init();
  logger.log(`worker started (${config.redisUrl ? 'Redis' : 'PostgreSQL'} queue backend)`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
