import {
  type CanActivate,
  type CustomDecorator,
  type ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { SEARCH_API_CONFIG, type SearchApiConfig } from '../config/search-api.config.js';
import { ApiKeyRing } from './api-key.js';

const PUBLIC_ROUTE = 'search-api:public-route';

/**
 * Marks a controller or a handler as open without an API key: health checks and the pages
 * readers open. Everything else needs a key as soon as API_KEYS is set.
 */
export const Public = (): CustomDecorator => SetMetadata(PUBLIC_ROUTE, true);

/**
 * Requires a valid API key on every route not marked @Public() when API_KEYS is set, else 401.
 * It runs on the route Nest matched, not on the request's path: Express matches paths
 * case-insensitively, so `/API/V1/search` reaches the search handler, and a check of the path's
 * spelling would let it through.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly keys: ApiKeyRing;

  constructor(
    private readonly reflector: Reflector,
    @Inject(SEARCH_API_CONFIG) config: SearchApiConfig,
  ) {
    this.keys = new ApiKeyRing(config.apiKeys);
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.keys.required) return true;
    const open = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (open === true) return true;
    if (this.keys.identify(context.switchToHttp().getRequest<Request>()) !== null) return true;
    throw new UnauthorizedException(
      'A valid API key is required (X-API-Key header or Authorization: Bearer)',
    );
  }
}
