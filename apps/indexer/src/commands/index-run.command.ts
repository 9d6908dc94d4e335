import { Injectable } from '@nestjs/common';
import type { CliArguments } from '../cli/cli-arguments.js';
import { IndexingService, type IndexRunReport } from '../indexing/indexing.service.js';
import { formatCounts, writeResult } from './command-output.js';

function lines(report: IndexRunReport): string[] {
  const verb = report.dryRun ? 'would index' : 'indexed';
  return [
    `${report.command}${report.dryRun ? ' (dry run)' : ''}: ${verb} ${report.indexed} documents from ${report.files} files into "${report.index}" in ${(report.durationMs / 1000).toFixed(1)} s`,
    `  skipped ${report.skipped}${report.skipped > 0 ? ` (${formatCounts(report.skippedByReason)})` : ''}, failed ${report.failed}`,
    ...report.problems.map((p) => `  error: ${p.origin}: ${p.message}`),
  ];
}

/** `reindex <paths...>` and `add <paths...>`. */
@Injectable()
export class IndexRunCommand {
  constructor(private readonly indexing: IndexingService) {}

  /** Runs the command; the exit code is 1 when any input failed. */
  async run(cli: CliArguments, signal: AbortSignal): Promise<number> {
    const options = {
      dryRun: cli.dryRun,
      tty: process.stderr.isTTY && !cli.json,
      wait: cli.wait,
      signal,
    };
    const report =
      cli.command === 'reindex'
        ? await this.indexing.reindex(cli.args, options)
        : await this.indexing.add(cli.args, options);
    writeResult(report, { json: cli.json, lines: () => lines(report) });
    return report.failed > 0 ? 1 : 0;
  }
}
