import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import {
  DocumentNotFoundError,
  IndexNotFoundError,
  MeilisearchUnavailableError,
  SearchCoreError,
} from '@lib/search-core';
import type { Request, Response } from 'express';

/** The one error shape of the API. */
export interface ApiErrorBody {
  error: { code: string; message: string };
}

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  404: 'not_found',
  413: 'payload_too_large',
  429: 'rate_limited',
  503: 'search_unavailable',
};

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

function fromDomain(error: SearchCoreError): { status: number; body: ApiErrorBody } {
  if (error instanceof DocumentNotFoundError) {
    return { status: 404, body: { error: { code: 'not_found', message: 'Document not found' } } };
  }
  if (error instanceof MeilisearchUnavailableError || error instanceof IndexNotFoundError) {
    return {
      status: 503,
      body: { error: { code: 'search_unavailable', message: 'Search is temporarily unavailable' } },
    };
  }
  return { status: 500, body: { error: { code: 'internal_error', message: 'Internal error' } } };
}

/** Maps every error to `{ error: { code, message } }`; clients never see a stack trace. */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();
    const { status, body } = this.describe(exception);
    if (status >= 500) {
      this.logger.error({
        requestId: request.id,
        path: request.path,
        status,
        error: String(exception),
      });
    }
    response.status(status).json(body);
  }

  private describe(exception: unknown): { status: number; body: ApiErrorBody } {
    if (exception instanceof SearchCoreError) return fromDomain(exception);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = CODES[status] ?? (status >= 500 ? 'internal_error' : 'error');
      return { status, body: { error: { code, message: messageOf(exception) } } };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { error: { code: 'internal_error', message: 'Internal error' } },
    };
  }
}
