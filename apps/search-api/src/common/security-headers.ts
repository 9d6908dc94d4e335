import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Helmet's headers with the page's Content Security Policy: scripts only from the API's own
 * origin, inline styles allowed (Swagger UI's page has some), images from the origin and data:
 * URLs (Swagger UI's icons). `upgrade-insecure-requests` and Strict-Transport-Security are sent
 * only when the deployment is reached over HTTPS (PUBLIC_HTTPS): over plain HTTP the first makes
 * the browser fetch the page's stylesheet and scripts from an https:// address nobody serves,
 * leaving the page unstyled and Swagger UI blank, and the second has no meaning.
 */
export function securityHeaders(publicHttps: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        upgradeInsecureRequests: publicHttps ? [] : null,
      },
    },
    strictTransportSecurity: publicHttps,
  });
}
