import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { decodeText } from './decode/decode-text.js';
import type { ArticleRecord, IngestEvent, RecordOrigin } from './record/article-record.js';
import { EmptyInputError, IngestError } from './record/ingest.error.js';
import { buildRecord } from './record/record-builder.js';
import { openFile, readWhole } from './readers/file-bytes.js';
import { extractHtmlArticle } from './readers/html-article.js';
import { readJsonDocument, readJsonLines } from './readers/json-lines.reader.js';
import { extractScrapedPage } from './scraped/scraped-page.extractor.js';

/** Kinds of input by file name. */
export type InputKind = 'text' | 'html' | 'json' | 'jsonl';

const KINDS: ReadonlyMap<string, InputKind> = new Map([
  ['.txt', 'text'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.json', 'json'],
  ['.jsonl', 'jsonl'],
  ['.ndjson', 'jsonl'],
]);

/** Options of ingest. */
export interface IngestOptions {
  /** Largest whole-file input (.txt, .html, .json), decompressed; JSON Lines stream without limit. */
  maxFileBytes: number;
  /** Told the size of every chunk read from disk, for progress over a set of files. */
  onBytesRead?: (bytes: number) => void;
}

export const DEFAULT_INGEST_OPTIONS: IngestOptions = { maxFileBytes: 20 * 1024 * 1024 };

/** The kind of a file and whether it is gzip, from its name; null when unsupported. */
export function inputKindOf(path: string): { kind: InputKind; gzip: boolean } | null {
  const name = basename(path).toLowerCase();
  const gzip = name.endsWith('.gz');
  const inner = gzip ? name.slice(0, -3) : name;
  const dot = inner.lastIndexOf('.');
  const kind = dot < 0 ? undefined : KINDS.get(inner.slice(dot));
  return kind === undefined ? null : { kind, gzip };
}

function failure(origin: RecordOrigin, error: unknown): IngestEvent {
  const message =
    error instanceof IngestError
      ? error.message
      : (error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR' ||
          /unexpected end of file/i.test(String(error))
        ? 'truncated or corrupt gzip data'
        : (error as Error).message;
  return { kind: 'failed', origin, message };
}

function wholeFileRecord(kind: 'text' | 'html', text: string, fileName: string): ArticleRecord {
  if (kind === 'html') return buildRecord(extractHtmlArticle(text), { fileName });
  const page = extractScrapedPage(text);
  if (page.body.length === 0) throw new EmptyInputError('no article text found in the page');
  return buildRecord(
    { title: page.title, body: page.body, url: page.url, published_at: page.publishedAt },
    { fileName },
  );
}

/**
 * Reads one file into ingest events. Never throws: every problem becomes a `failed` event
 * naming the file (and line), so a batch goes on past a bad file.
 */
export async function* ingestFile(
  path: string,
  options: IngestOptions = DEFAULT_INGEST_OPTIONS,
): AsyncGenerator<IngestEvent> {
  const origin = { file: path };
  const type = inputKindOf(path);
  if (type === null) {
    yield {
      kind: 'failed',
      origin,
      message:
        'unsupported file type (use .txt, .html, .htm, .json, .jsonl, .ndjson, optionally .gz)',
    };
    return;
  }
  const fileName = basename(path);
  try {
    if ((await stat(path)).size === 0) throw new EmptyInputError('empty file');
    if (type.kind === 'jsonl') {
      yield* readJsonLines(
        openFile(path, { gzip: type.gzip, onBytesRead: options.onBytesRead }),
        path,
        fileName,
      );
      return;
    }
    const bytes = await readWhole(path, {
      gzip: type.gzip,
      maxBytes: options.maxFileBytes,
      onBytesRead: options.onBytesRead,
    });
    if (bytes.length === 0) throw new EmptyInputError('empty file');
    const { text } = decodeText(bytes);
    if (type.kind === 'json') {
      yield* readJsonDocument(text, path, fileName);
      return;
    }
    yield { kind: 'record', record: wholeFileRecord(type.kind, text, fileName), origin };
  } catch (error) {
    yield failure(origin, error);
  }
}
