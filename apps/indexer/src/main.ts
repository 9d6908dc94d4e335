import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { SearchCoreError } from '@lib/search-core';
import { parseCliArguments, UsageError, USAGE, type CliArguments } from './cli/cli-arguments.js';
import { watchParent } from './cli/parent-watch.js';
import { printable } from './cli/printable.js';
import { StderrLogger } from './cli/stderr-logger.js';
import { AdminCommand } from './commands/admin.command.js';
import { IndexRunCommand } from './commands/index-run.command.js';
import { ServeCommand } from './commands/serve.command.js';
import { ConfigError, loadIndexerConfig } from './config/indexer.config.js';
import { IndexerModule } from './indexer.module.js';

async function execute(cli: CliArguments): Promise<number> {
  const config = loadIndexerConfig();
  const logger = new StderrLogger('Indexer', { json: config.logFormat === 'json' });
  const app = await NestFactory.createApplicationContext(IndexerModule.forConfig(config), {
    logger,
  });
  const abort = new AbortController();
  const onSignal = (name: string) => (): void => {
    logger.warn(`${name} received, stopping`);
    abort.abort(new Error(name));
  };
  process.once('SIGINT', onSignal('SIGINT'));
  process.once('SIGTERM', onSignal('SIGTERM'));
  // Only serve lives as long as whatever started it (`npm start`); a reindex started with
  // nohup from a shell that is then closed goes on.
  if (cli.command === 'serve') watchParent(onSignal('the parent process exit'));
  try {
    if (cli.command === 'serve') return await app.get(ServeCommand).run(abort.signal);
    if (cli.command === 'reindex' || cli.command === 'add')
      return await app.get(IndexRunCommand).run(cli, abort.signal);
    return await app.get(AdminCommand).run(cli, abort.signal);
  } finally {
    await app.close();
  }
}

/** The final error line; Meilisearch's reasons may quote document bytes, so made printable. */
function describe(error: unknown): string {
  if (error instanceof ConfigError || error instanceof SearchCoreError)
    return printable(error.message);
  return printable(error instanceof Error ? (error.stack ?? error.message) : String(error), {
    lines: true,
  });
}

async function main(): Promise<number> {
  try {
    const cli = parseCliArguments(process.argv.slice(2));
    if (cli === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    return await execute(cli);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`error: ${describe(error)}\n`);
    return 1;
  }
}

process.exitCode = await main();
