import { ApiError } from '../../../shared/api/errors';

interface ErrorBannerProps {
  error: unknown;
  onRetry?(): void;
  onDismiss?(): void;
}

export function ErrorBanner({ error, onRetry, onDismiss }: ErrorBannerProps) {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <div className="error-banner" role="alert">
      <p>
        <strong>Something went wrong.</strong> {message}
        {code && <span className="error-code"> ({code})</span>}
      </p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
      {onDismiss && (
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
