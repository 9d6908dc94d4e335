import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';

/**
 * Flags of @sparticuz/chromium's serverless defaults that a test must not run with: one
 * process dies with its first closed page, and the web-security ones would hide what a page
 * would really be allowed to do.
 */
const UNSAFE_ARGS: ReadonlySet<string> = new Set([
  '--single-process',
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
  '--disable-features',
]);

/** What a test may add to the browser's command line. */
export interface ChromiumOptions {
  /**
   * Extra command-line flags, e.g. `--host-resolver-rules=MAP news.test 127.0.0.1` so that a
   * page can be opened under a host name other than localhost, as readers reach a deployment.
   */
  args?: readonly string[];
}

/**
 * Launches a real headless Chromium: the one @sparticuz/chromium ships, or the one at
 * CHROMIUM_PATH (for example Debian's /usr/bin/chromium).
 */
export async function launchChromium(options: ChromiumOptions = {}): Promise<Browser> {
  const extra = options.args ?? [];
  const override = process.env.CHROMIUM_PATH;
  if (override !== undefined && override !== '') {
    return playwright.launch({ executablePath: override, args: [...extra], headless: true });
  }
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    args: [...chromium.args.filter((arg) => !UNSAFE_ARGS.has(arg.split('=')[0] ?? arg)), ...extra],
    headless: true,
  });
}
