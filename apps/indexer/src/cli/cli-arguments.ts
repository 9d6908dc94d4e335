import { parseArgs } from 'node:util';

/** Commands of the indexer CLI. */
export const COMMANDS = [
  'serve',
  'reindex',
  'add',
  'delete',
  'stats',
  'settings',
  'search-key',
] as const;
export type CommandName = (typeof COMMANDS)[number];

/** Parsed command line. */
export interface CliArguments {
  command: CommandName;
  args: string[];
  dryRun: boolean;
  json: boolean;
  /** Wait for a run that holds the index lock instead of failing at once. */
  wait: boolean;
}

/** Thrown for a command line that cannot be run; the message says why. */
export class UsageError extends Error {}

export const USAGE = `Usage: npm run <command> -- [options] [arguments]
Commands:
  serve               start Meilisearch (local by default), index the samples when the
                      index is empty, and run the search API and web page
  reindex <paths...>  build a fresh index from files, folders or globs and swap it in
  add <paths...>      add or replace documents in the live index
  delete <id...>      delete documents by id
  stats               documents, languages, sources, size and last reindex
  settings            apply indexing/settings/articles.json to the live index
  search-key          print the search-only API key for the search API (created if missing)
Options:
  --dry-run           read and analyze everything, change nothing
  --json              machine-readable output on stdout
  --wait              reindex, add, delete: wait while another run writes to the index
                      (otherwise exit 1 at once, saying which run holds it)
  -h, --help          this text`;

function isCommand(value: string | undefined): value is CommandName {
  return COMMANDS.includes(value as CommandName);
}

/** Parses argv (without node and script); throws UsageError on anything unknown. */
export function parseCliArguments(argv: string[]): CliArguments | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        wait: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.values.help === true) return 'help';
  const [command, ...args] = parsed.positionals;
  if (!isCommand(command))
    throw new UsageError(
      command === undefined ? 'no command given' : `unknown command "${command}"`,
    );
  if ((command === 'reindex' || command === 'add' || command === 'delete') && args.length === 0) {
    throw new UsageError(`${command} needs at least one ${command === 'delete' ? 'id' : 'path'}`);
  }
  if (
    (command === 'serve' ||
      command === 'stats' ||
      command === 'settings' ||
      command === 'search-key') &&
    args.length > 0
  ) {
    throw new UsageError(`${command} takes no arguments`);
  }
  return {
    command,
    args,
    dryRun: parsed.values['dry-run'] === true,
    json: parsed.values.json === true,
    wait: parsed.values.wait === true,
  };
}
