import { InvalidRecordError } from '../record/ingest.error.js';
import type { ArticleDraft } from '../record/record-builder.js';

type Json = Record<string, unknown>;

function optionalString(record: Json, field: string): string | null {
  const value = record[field];
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && field === 'id') return String(value);
  throw new InvalidRecordError(`field "${field}" must be a string`);
}

/** Reads one JSON value as an article draft; throws InvalidRecordError naming the bad field. */
export function draftFromJson(value: unknown): ArticleDraft {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidRecordError('expected a JSON object with at least "title" or "body"');
  }
  const record = value as Json;
  const body = optionalString(record, 'body') ?? optionalString(record, 'text') ?? '';
  const title = optionalString(record, 'title');
  // A news brief is a headline alone: it is indexed by its title.
  if (body.trim().length === 0 && (title === null || title.trim().length === 0))
    throw new InvalidRecordError('record has neither "title" nor "body"');
  const tags = record.tags;
  if (tags !== undefined && tags !== null && !Array.isArray(tags)) {
    throw new InvalidRecordError('field "tags" must be a list of strings');
  }
  return {
    id: optionalString(record, 'id'),
    lang: optionalString(record, 'lang'),
    source: optionalString(record, 'source'),
    url: optionalString(record, 'url'),
    title,
    body,
    published_at: optionalString(record, 'published_at'),
    tags: (tags ?? []) as string[],
    summary: optionalString(record, 'summary'),
  };
}
