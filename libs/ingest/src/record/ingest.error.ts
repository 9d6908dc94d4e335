/** Base of ingest's typed errors; the message names the problem, the origin is added by callers. */
export class IngestError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The bytes are not text in a supported encoding (binary, or an unknown code page). */
export class UnsupportedEncodingError extends IngestError {}

/** The input is larger than the reader accepts. */
export class InputTooLargeError extends IngestError {}

/** A record lacks a required field or has a field of the wrong type. */
export class InvalidRecordError extends IngestError {}

/** A file holds no article at all. */
export class EmptyInputError extends IngestError {}
