import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@overlegtafels/config';
import { installShutdown, prepareRuntime } from '@overlegtafels/runtime';
import { createApiApp } from './create-api-app';

/** The api as its own process (production, `npm run start:api`); the workers run beside it. */
async function main(): Promise<void> {
  const logger = new Logger('Api');
  const config = loadConfig();
  const runtime = await prepareRuntime(config, (line) => logger.log(line));
  const app = await createApiApp({ config: runtime.config, mailSink: runtime.mailSink });
  installShutdown(async () => {
    await app.close();
    await runtime.stop();
  }, logger);
  await app.listen(config.port, config.host);
  logger.log(`api listening on ${config.host}:${config.port} (public address ${config.publicUrl})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
