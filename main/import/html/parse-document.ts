import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * Parses untrusted HTML into a DOM that can do nothing: jsdom runs scripts
 * only when `runScripts` is set and loads subresources (images, stylesheets,
 * frames) only when `resources` is set, so both are left out on purpose.
 * jsdom reports what it cannot do (CSS it cannot parse, navigation) to its
 * virtual console; this one has no listeners for console output and swallows
 * jsdom's own errors, so a hostile page cannot flood the app's log.
 */
export function parseInertHtml(html: string, url: string): JSDOM {
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', () => undefined);
  return new JSDOM(html, { url, contentType: 'text/html', virtualConsole });
}
