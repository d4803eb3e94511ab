import { expect, test } from './fixtures';
import { refuseRequestsLeaving } from './network-guard';

test('no request leaves the app while it is used, even when a page tries', async ({ app }) => {
  const { page } = app;
  // Second net: anything that got past the page's own defences would be caught (and counted) here.
  const reachedNetwork = await refuseRequestsLeaving(page, app.origin);
  const library = page.getByRole('navigation', { name: 'Library' });
  for (const section of ['Actors', 'Events', 'Notes', 'Documents']) {
    await library.getByRole('button', { name: new RegExp(`^${section}`) }).click();
    await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
  }
  await page.getByRole('searchbox').fill('Green Zone');
  await page.getByRole('button', { name: /^Theme:/ }).click();
  await library.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Display name').fill('Analyst');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  // Content that slipped past sanitising must still not reach the network: the CSP refuses it.
  const violations = await page.evaluate(async () => {
    const blocked: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => blocked.push(event.blockedURI));
    const probe = document.createElement('div');
    probe.innerHTML = '<img src="https://tracker.example/pixel.png"><link rel="stylesheet" href="https://cdn.example/x.css"><iframe src="https://example.org/"></iframe>';
    document.body.append(probe);
    await fetch('https://api.example/beacon').catch(() => undefined);
    const script = document.createElement('script');
    script.src = 'https://cdn.example/x.js';
    document.head.append(script);
    // Each refusal is reported as an event, when the renderer gets to it: wait for them, not for a fixed time.
    await new Promise<void>((resolve) => {
      const enough = () => (blocked.length >= 4 ? resolve() : requestAnimationFrame(enough));
      enough();
    });
    probe.remove();
    return blocked;
  });
  expect(violations.length).toBeGreaterThanOrEqual(4);

  expect(app.requests.length).toBeGreaterThan(0);
  const outside = app.requests.filter((request) => !request.url().startsWith(`${app.origin}/`));
  // The page asked for them, but each was refused inside the renderer by the CSP, before any connection.
  for (const request of outside) expect(request.failure()?.errorText, request.url()).toMatch(/BLOCKED_BY_CSP|csp/i);
  expect(reachedNetwork).toEqual([]);
});
