import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { closeContext, createContext, createLogger } from './runtime.js';

const USAGE = `Usage: atom <command>

Commands:
  serve     Start the web server (runs migrations first) and the in-process job runner
  worker    Run jobs only (for extra worker processes sharing the database)
  migrate   Bring the database schema up to date and exit
`;

function onSignals(stop: () => Promise<void>) {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    void stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`atom: error while stopping after ${signal}:`, err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}

async function serve(config: Config) {
  const logger = createLogger(config);
  const ctx = await createContext(config, logger);
  const app = await buildApp(ctx);
  await app.listen({ port: config.port, host: config.host });
  ctx.jobs.start();
  logger.info({ url: config.publicUrl, dialect: ctx.database.dialect, dataDir: config.dataDir }, 'Atom is ready');
  onSignals(async () => {
    logger.info('shutting down');
    await app.close(); // stops accepting, lets in-flight requests finish
    await closeContext(ctx);
  });
}

async function worker(config: Config) {
  const logger = createLogger(config);
  const ctx = await createContext(config, logger);
  ctx.jobs.start();
  logger.info({ dialect: ctx.database.dialect }, 'Atom worker is running');
  onSignals(() => closeContext(ctx));
}

async function migrate(config: Config) {
  const ctx = await createContext(config);
  await closeContext(ctx);
}

async function main(argv: string[]) {
  const command = argv[0] ?? 'serve';
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`atom: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  switch (command) {
    case 'serve':
      return serve(config);
    case 'worker':
      return worker(config);
    case 'migrate':
      return migrate(config);
    default:
      console.error(USAGE);
      process.exit(command === 'help' || command === '--help' ? 0 : 2);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error('atom: failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
