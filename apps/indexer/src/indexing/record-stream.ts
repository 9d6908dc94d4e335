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
} from '@lib/ingest';

/** One problem with an input, for the per-file error lines and --json output. */
export interface InputProblem {
  origin: string;
  message: string;
}

/** The records of a set of paths, plus what went wrong on the way. */
export class RecordStream {
  private readonly logger = new Logger(RecordStream.name);
  private readonly tally = new IngestTally();
  private readonly duplicates = new DuplicateFilter();
  readonly problems: InputProblem[] = [];
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

  /** Records in file order; failures are logged and collected, exact duplicates skipped. */
  async *records(): AsyncGenerator<ArticleRecord> {
    const { files, missing } = await expandPaths(this.paths);
    this.files = files.length;
    for (const path of missing) {
      const message = 'no such file, folder or matching pattern';
      this.tally.add({ kind: 'failed', origin: { file: path }, message });
      this.fail(path, message);
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
        if (event.kind === 'record') yield event.record;
        else if (event.kind === 'failed') this.fail(describeOrigin(event.origin), event.message);
      }
    }
  }

  private fail(origin: string, message: string): void {
    this.problems.push({ origin, message });
    this.logger.error(`${origin}: ${message}`);
  }
}
