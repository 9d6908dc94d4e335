import { type ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';

/**
 * The names of the query parameters given more than once. Express reads `?q=a&q=b` as
 * `q: ['a', 'b']`, which the validators would then report as a wrong type or length; a
 * repeated parameter is its own mistake and gets its own message.
 */
function repeatedParameters(value: unknown, metadata: ArgumentMetadata): string[] {
  if (metadata.type !== 'query') return [];
  if (metadata.data !== undefined) return Array.isArray(value) ? [metadata.data] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value)
    .filter(([, given]) => Array.isArray(given))
    .map(([name]) => name);
}

/**
 * The API's validation: parameters are converted to their declared types, unknown ones are
 * rejected, and each 400 names the parameters at fault (first problem per parameter).
 */
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      stopAtFirstError: true,
      exceptionFactory: (errors) =>
        new BadRequestException(
          errors.flatMap((e) => Object.values(e.constraints ?? {})).join('; '),
        ),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const repeated = repeatedParameters(value, metadata);
    if (repeated.length > 0) {
      throw new BadRequestException(
        repeated.map((name) => `${name} was given more than once`).join('; '),
      );
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}
