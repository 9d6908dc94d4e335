import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';

interface Route {
  pattern: RegExp;
  methods: Set<string>;
}

/** A path segment as Express matches it: a `:name` parameter is any one non-empty segment. */
function segmentPattern(segment: string): string {
  if (/^:\w+$/.test(segment)) return '[^/]+';
  return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The path pattern of a route, matched as Express matches it: case-insensitively, with an
 * optional trailing slash. Null for paths with wildcards or optional parts, which this table
 * leaves out (they keep Express's 404) rather than guess how Express would match them.
 */
function patternOf(path: string): RegExp | null {
  const segments = path.split('/').filter((segment) => segment.length > 0);
  if (segments.some((segment) => /[*?{}()]/.test(segment) || /^:.*\W/.test(segment))) return null;
  return new RegExp(`^/${segments.map(segmentPattern).join('/')}/?$`, 'i');
}

/** The name of a RequestMethod as Nest's route metadata holds it (a number): 0 is GET. */
function methodName(value: unknown): string | null {
  return Object.entries(RequestMethod).find(([, method]) => method === value)?.[0] ?? null;
}

function joinPaths(...parts: string[]): string {
  return `/${parts
    .flatMap((part) => part.split('/'))
    .filter((part) => part.length > 0)
    .join('/')}`;
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : [];
}

/**
 * Which methods each path of the app answers, read from the controllers' own route decorators
 * so that it cannot drift from the routes. Express answers a known path with an unsupported
 * method as an unknown path (404); this table lets the error filter answer 405 with `Allow`.
 */
export class RouteTable {
  private constructor(private readonly routes: Route[]) {}

  /** The routes of every controller of the app (call after NestFactory.create). */
  static of(app: INestApplication): RouteTable {
    const discovery = new DiscoveryService(app.get(ModulesContainer));
    const scanner = new MetadataScanner();
    const methodsByPath = new Map<string, Set<string>>();
    for (const { metatype } of discovery.getControllers()) {
      if (typeof metatype !== 'function') continue;
      const prefixes = asList(Reflect.getMetadata(PATH_METADATA, metatype));
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function') continue;
        const method = methodName(Reflect.getMetadata(METHOD_METADATA, handler));
        if (method === null) continue;
        for (const prefix of prefixes.length > 0 ? prefixes : ['']) {
          for (const path of asList(Reflect.getMetadata(PATH_METADATA, handler))) {
            const full = joinPaths(prefix, path);
            const methods = methodsByPath.get(full) ?? new Set<string>();
            methods.add(method);
            methodsByPath.set(full, methods);
          }
        }
      }
    }
    return RouteTable.from(methodsByPath);
  }

  /** A table from paths (Express syntax, e.g. `/documents/:id`) and their methods. */
  static from(methodsByPath: ReadonlyMap<string, ReadonlySet<string>>): RouteTable {
    const routes: Route[] = [];
    for (const [path, methods] of methodsByPath) {
      const pattern = patternOf(path);
      // Express answers HEAD with the GET handler.
      const allowed = new Set([...methods].map((method) => method.toUpperCase()));
      if (allowed.has('GET')) allowed.add('HEAD');
      if (pattern !== null && !allowed.has('ALL')) routes.push({ pattern, methods: allowed });
    }
    return new RouteTable(routes);
  }

  /** The methods some route answers at this path, sorted; empty when no route has the path. */
  allowedMethods(path: string): string[] {
    const allowed = new Set<string>();
    for (const route of this.routes) {
      if (route.pattern.test(path)) for (const method of route.methods) allowed.add(method);
    }
    return [...allowed].sort();
  }
}
