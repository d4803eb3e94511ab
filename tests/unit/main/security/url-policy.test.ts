import { describe, expect, it } from 'vitest';
import { isAllowedRequestUrl, isAppUrl } from '../../../../main/security/url-policy';

describe('Electron request policy', () => {
  it.each(['app://fieldbook/index.html', 'app://fieldbook/assets/x.js', 'data:image/png;base64,AAAA', 'blob:app://fieldbook/1234'])('allows the app itself: %s', (url) => {
    expect(isAllowedRequestUrl(url, { devTools: false })).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/',
    'ws://localhost/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://fieldbook.evil/x',
    'blob:https://example.com/1',
    'ftp://example.com/x',
    'not a url',
  ])('blocks everything else: %s', (url) => {
    expect(isAllowedRequestUrl(url, { devTools: true })).toBe(false);
  });

  it("allows DevTools' own front end only where DevTools are (not packaged)", () => {
    expect(isAllowedRequestUrl('devtools://devtools/bundled/devtools_app.html', { devTools: true })).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/devtools_app.html', { devTools: false })).toBe(false);
  });

  it('treats only app://fieldbook as the app for navigation and IPC', () => {
    expect(isAppUrl('app://fieldbook/index.html#x')).toBe(true);
    expect(isAppUrl('https://fieldbook/')).toBe(false);
  });
});
