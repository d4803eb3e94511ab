import { app, type Event, type Session } from 'electron';
import { isAllowedRequestUrl, isAppUrl } from '../../security/url-policy';

/**
 * Everything that keeps the window offline and in place: no request leaves
 * for a non-app URL, no permission is granted, no navigation, no new windows,
 * no webviews. A link the user clicks in a document therefore does nothing
 * here; opening it outside the app is a deliberate later choice.
 */
export function lockDownSession(session: Session, options: { devTools: boolean }): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = !isAllowedRequestUrl(details.url, options);
    if (cancel) console.warn(`Blocked a request to ${details.url}`);
    callback({ cancel });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export function lockDownAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    // will-navigate sees only the main frame; will-frame-navigate also sees subframes, should one ever load.
    const stayInApp = (details: Event<{ url: string }>) => {
      if (!isAppUrl(details.url)) details.preventDefault();
    };
    contents.on('will-navigate', stayInApp);
    contents.on('will-frame-navigate', stayInApp);
    contents.on('will-redirect', stayInApp);
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
