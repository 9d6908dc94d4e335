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

/**
 * Launches a real headless Chromium: the one @sparticuz/chromium ships, or the one at
 * CHROMIUM_PATH (for example Debian's /usr/bin/chromium).
 */
export async function launchChromium(): Promise<Browser> {
  const override = process.env.CHROMIUM_PATH;
  if (override !== undefined && override !== '') {
    return playwright.launch({ executablePath: override, headless: true });
  }
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    args: chromium.args.filter((arg) => !UNSAFE_ARGS.has(arg.split('=')[0] ?? arg)),
    headless: true,
  });
}
