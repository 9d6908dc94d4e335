import { stat } from 'node:fs/promises';
import { Logger } from '@nestjs/common';
import {
  DEFAULT_INGEST_OPTIONS,
  describeOrigin,
  DuplicateFilter,
  expandPaths,
  ingestFile,
  IngestTally,
  type ArticleRecord,
  type IngestSummary,
  type RecordOrigin,
} from '@lib/ingest';
import { printable } from '../cli/printable.js';

/** One problem with an input, for the per-file error lines and --json output. */
export interface InputProblem {
  origin: string;
  message: string;
}

/**
 * Error lines listed per file; the rest are counted. A binary file named `.jsonl` has an error
 * on every line, and hundreds of lines of it would bury the other files' errors.
 */
export const MAX_PROBLEMS_PER_FILE = 5;

/** The records of a set of paths, plus what went wrong on the way. */
export class RecordStream {
  private readonly logger = new Logger(RecordStream.name);
  private readonly tally = new IngestTally();
  private readonly duplicates = new DuplicateFilter();
  private readonly listed: InputProblem[] = [];
  private readonly problemsPerFile = new Map<string, number>();
  private readonly origins = new WeakMap<ArticleRecord, RecordOrigin>();
  files = 0;
  private totalBytes = 0;
  private readBytes = 0;

  constructor(private readonly paths: string[]) {}

  /** Counts of ok, skipped and failed inputs so far. */
  get summary(): IngestSummary {
    return this.tally.summary;
  }

  /** Share of the input bytes read so far (0-1), or undefined before the files are known. */
  get share(): number | undefined {
    return this.totalBytes === 0 ? undefined : Math.min(1, this.readBytes / this.totalBytes);
  }

  /**
   * The problems to show, terminal-safe: the first MAX_PROBLEMS_PER_FILE of each file, then
   * one line per file saying how many more there were.
   */
  get problems(): InputProblem[] {
    const more = [...this.problemsPerFile]
      .filter(([, count]) => count > MAX_PROBLEMS_PER_FILE)
      .map(([file, count]) => ({
        origin: printable(file),
        message: `${count - MAX_PROBLEMS_PER_FILE} more errors in this file not shown`,
      }));
    return [...this.listed, ...more];
  }

  /** `file:line` of a record this stream yielded. */
  readonly originOf = (record: { id: string }): string | undefined => {
    const origin = this.origins.get(record as ArticleRecord);
    return origin === undefined ? undefined : describeOrigin(origin);
  };

  /** Records in file order; failures are logged and collected, exact duplicates skipped. */
  async *records(): AsyncGenerator<ArticleRecord> {
    const { files, missing } = await expandPaths(this.paths);
    this.files = files.length;
    for (const path of missing) {
      const message = 'no such file, folder or matching pattern';
      this.tally.add({ kind: 'failed', origin: { file: path }, message });
      this.fail({ file: path }, message);
    }
    const sizes = await Promise.all(
      files.map((file) =>
        stat(file).then(
          (info) => info.size,
          () => 0,
        ),
      ),
    );
    this.totalBytes = sizes.reduce((sum, size) => sum + size, 0);
    const options = {
      ...DEFAULT_INGEST_OPTIONS,
      onBytesRead: (bytes: number) => {
        this.readBytes += bytes;
      },
    };
    for (const file of files) {
      for await (const raw of ingestFile(file, options)) {
        const event = this.duplicates.apply(raw);
        this.tally.add(event);
        if (event.kind === 'record') {
          this.origins.set(event.record, event.origin);
          yield event.record;
        } else if (event.kind === 'failed') this.fail(event.origin, event.message);
      }
      this.summarize(file);
    }
  }

  /** Counts a record that Meilisearch refused as failed, with its error line. */
  reject(origin: string | undefined, message: string): void {
    const where = origin ?? 'unknown input';
    const file = where.replace(/:\d+$/, '');
    const line = Number(where.slice(file.length + 1));
    const recordOrigin: RecordOrigin =
      Number.isInteger(line) && line > 0 ? { file, line } : { file };
    this.tally.add({ kind: 'failed', origin: recordOrigin, message });
    this.fail(recordOrigin, message);
  }

  private fail(origin: RecordOrigin, message: string): void {
    const count = (this.problemsPerFile.get(origin.file) ?? 0) + 1;
    this.problemsPerFile.set(origin.file, count);
    if (count > MAX_PROBLEMS_PER_FILE) return;
    const problem = { origin: printable(describeOrigin(origin)), message: printable(message) };
    this.listed.push(problem);
    this.logger.error(`${problem.origin}: ${problem.message}`);
  }

  private summarize(file: string): void {
    const count = this.problemsPerFile.get(file) ?? 0;
    if (count > MAX_PROBLEMS_PER_FILE) {
      this.logger.error(
        `${printable(file)}: ${count - MAX_PROBLEMS_PER_FILE} more errors in this file not shown`,
      );
    }
  }
}
