import { ApiProperty } from '@nestjs/swagger';

/**
 * The code of each error status the API answers. Clients branch on the code, not on the message,
 * so a code never changes once published; the HTTP layer's own answers (414, 431, malformed
 * requests) use the same codes as the app's.
 */
export const API_ERROR_CODES = {
  400: 'bad_request',
  401: 'unauthorized',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  414: 'url_too_long',
  429: 'rate_limited',
  431: 'headers_too_large',
  500: 'internal_error',
  503: 'search_unavailable',
} as const satisfies Record<number, string>;

/** A status the API answers with an error body. */
export type ApiErrorStatus = keyof typeof API_ERROR_CODES;

/** What went wrong: a stable code for programs, a message for people. */
export class ApiErrorDetail {
  @ApiProperty({
    description: `Stable and machine-readable: ${Object.values(API_ERROR_CODES).join(', ')}`,
    example: 'bad_request',
  })
  code!: string;

  @ApiProperty({
    description: 'For people: names the parameter or limit at fault',
    example: 'limit must be between 1 and 100',
  })
  message!: string;
}

/** The one error shape of the API: `{ error: { code, message } }`, never a stack trace. */
export class ApiErrorBody {
  @ApiProperty({ type: ApiErrorDetail })
  error!: ApiErrorDetail;
}

/** The error body for a status and message. */
export function apiErrorBody(status: ApiErrorStatus, message: string): ApiErrorBody {
  return { error: { code: API_ERROR_CODES[status], message } };
}
