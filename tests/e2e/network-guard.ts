import type { Page } from '@playwright/test';

/**
 * A second net behind the page's own defences: every request for anything
 * but the app's origin is refused before it leaves, and its address kept in
 * the list this resolves to, which a test expects to stay empty.
 */
export async function refuseRequestsLeaving(page: Page, origin: string): Promise<string[]> {
  const reachedNetwork: string[] = [];
  await page.context().route(
    (url) => !url.href.startsWith(`${origin}/`),
    (route) => {
      reachedNetwork.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  return reachedNetwork;
}
