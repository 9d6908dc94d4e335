import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { describeError, logServerError } from '../common/api-error.filter.js';
import { renderErrorPage } from './document-page.js';

/**
 * Errors of the readable page /documents/:id answer as pages: a reader who follows a stale
 * link gets a 404 page with a way back to search, not the API's JSON shown as text. Status and
 * message are the API's own for the same error.
 */
@Catch()
export class DocumentPageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(DocumentPageErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();
    const { status, body } = describeError(exception);
    logServerError(this.logger, request, status, exception);
    const message = status === 404 ? 'Article not found' : body.error.message;
    response.status(status).type('html').send(renderErrorPage(message));
  }
}
