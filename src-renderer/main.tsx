import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createTillQueryClient } from './app/query-client';
import {
  createTillClient,
  httpCall,
  preloadCall,
  takeLaunchToken,
  TillClientProvider,
} from './client';
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/tables.css';
import './styles/layout.css';
import './styles/sale.css';
import './styles/vouchers.css';
import './styles/receipt.css';
import './styles/admin.css';

/** IPC when the Electron preload is there; loopback HTTP with the launch token otherwise. */
function transport() {
  if (window.till) return preloadCall(window.till);
  const token = takeLaunchToken({
    location: window.location,
    storage: window.sessionStorage,
    history: window.history,
  });
  return httpCall(token);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <TillClientProvider client={createTillClient(transport())}>
      <QueryClientProvider client={createTillQueryClient()}>
        <App />
      </QueryClientProvider>
    </TillClientProvider>
  </StrictMode>,
);
