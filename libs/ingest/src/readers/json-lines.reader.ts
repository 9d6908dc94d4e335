import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { IngestEvent } from '../record/article-record.js';
import { buildRecord } from '../record/record-builder.js';
import { draftFromJson } from './json-record.js';

/** Longest JSON Lines line accepted. */
export const MAX_LINE_CHARS = 8 * 1024 * 1024;

function messageOf(error: unknown): string {
  return error instanceof SyntaxError ? `invalid JSON: ${error.message}` : (error as Error).message;
}

/** Reads JSON Lines from a stream: one event per non-blank line, errors naming the line. */
export async function* readJsonLines(
  stream: Readable,
  file: string,
  fileName: string,
): AsyncGenerator<IngestEvent> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    const origin = { file, line };
    if (text.trim().length === 0) continue;
    if (text.length > MAX_LINE_CHARS) {
      yield { kind: 'failed', origin, message: `line longer than ${MAX_LINE_CHARS} characters` };
      continue;
    }
    try {
      const record = buildRecord(draftFromJson(JSON.parse(text)), { fileName, position: line });
      yield { kind: 'record', record, origin };
    } catch (error) {
      yield { kind: 'failed', origin, message: messageOf(error) };
    }
  }
}

/** Reads a JSON document holding one record or an array of records. */
export function* readJsonDocument(
  text: string,
  file: string,
  fileName: string,
): Generator<IngestEvent> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    yield { kind: 'failed', origin: { file }, message: messageOf(error) };
    return;
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  for (const [index, item] of items.entries()) {
    const origin = Array.isArray(parsed) ? { file, line: index + 1 } : { file };
    try {
      const record = buildRecord(draftFromJson(item), { fileName, position: index + 1 });
      yield { kind: 'record', record, origin };
    } catch (error) {
      yield { kind: 'failed', origin, message: messageOf(error) };
    }
  }
}
