import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectApi } from './api/client';
import { App } from './shell/App';
import { ConnectionFailure } from './shell/ConnectionFailure';
import './styles/app.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
try {
  const api = connectApi();
  root.render(
    <StrictMode>
      <App api={api} />
    </StrictMode>,
  );
} catch (error) {
  root.render(<ConnectionFailure error={error} />);
}
