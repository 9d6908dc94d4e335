import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import {
  DocumentNotFoundError,
  IndexMisconfiguredError,
  IndexNotFoundError,
  MeilisearchUnavailableError,
  SearchCoreError,
} from '@lib/search-core';
import type { Request, Response } from 'express';
import { API_ERROR_CODES, apiErrorBody, type ApiErrorBody } from './api-error.schema.js';
import type { RouteTable } from './route-table.js';

/** An error as the client sees it. */
export interface DescribedError {
  status: number;
  body: ApiErrorBody;
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

function fromDomain(error: SearchCoreError): DescribedError {
  if (error instanceof DocumentNotFoundError) {
    return { status: 404, body: apiErrorBody(404, 'Document not found') };
  }
  if (
    error instanceof MeilisearchUnavailableError ||
    error instanceof IndexNotFoundError ||
    error instanceof IndexMisconfiguredError
  ) {
    return { status: 503, body: apiErrorBody(503, 'Search is temporarily unavailable') };
  }
  return { status: 500, body: apiErrorBody(500, 'Internal error') };
}

/** Status and body for any error: typed domain errors, Nest's HTTP exceptions, the rest 500. */
export function describeError(exception: unknown): DescribedError {
  if (exception instanceof SearchCoreError) return fromDomain(exception);
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code =
      (API_ERROR_CODES as Record<number, string | undefined>)[status] ??
      (status >= 500 ? 'internal_error' : 'error');
    return { status, body: { error: { code, message: messageOf(exception) } } };
  }
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: apiErrorBody(500, 'Internal error') };
}

/**
 * Maps every error to `{ error: { code, message } }`; clients never see a stack trace. Express
 * routes a known path with another method to the not-found handler; given the app's routes,
 * such a 404 becomes a 405 with `Allow`, while a 404 raised by a route (an unknown document)
 * stays one, since that route takes the request's own method.
 */
/** Logs a 5xx with the request it failed (clients only see the error shape). */
export function logServerError(
  logger: Logger,
  request: Request & { id?: string },
  status: number,
  exception: unknown,
): void {
  if (status < 500) return;
  logger.error({ requestId: request.id, path: request.path, status, error: String(exception) });
}

@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiErrorFilter.name);

  constructor(private readonly routes?: RouteTable) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();
    const { status, body } =
      this.methodNotAllowed(exception, request, response) ?? describeError(exception);
    logServerError(this.logger, request, status, exception);
    // A route may have set another type (the HTML page) before it failed.
    response.status(status).type('application/json').json(body);
  }

  private methodNotAllowed(
    exception: unknown,
    request: Request,
    response: Response,
  ): DescribedError | null {
    if (!(exception instanceof NotFoundException) || this.routes === undefined) return null;
    const allowed = this.routes.allowedMethods(request.path);
    if (allowed.length === 0 || allowed.includes(request.method)) return null;
    response.setHeader('Allow', allowed.join(', '));
    return {
      status: 405,
      body: apiErrorBody(
        405,
        `${request.method} is not allowed on ${request.path}; use ${allowed.join(' or ')}`,
      ),
    };
  }
}
