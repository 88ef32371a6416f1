import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createTillQueryClient } from './app/query-client';
import { TillWords } from './app/TillWords';
import {
  createTillClient,
  httpCall,
  httpEvents,
  preloadCall,
  preloadEvents,
  takeLaunchToken,
  TillClientProvider,
  type RawCall,
  type TillEvents,
} from './client';
import { LiveUpdates } from './live/useLiveUpdates';
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/tables.css';
import './styles/layout.css';
import './styles/sale.css';
import './styles/vouchers.css';
import './styles/receipt.css';
import './styles/tender.css';
import './styles/admin.css';
import './styles/returns.css';
import './styles/print.css';

/**
 * IPC when the Electron preload is there; loopback HTTP with the launch token otherwise. The
 * core's announcements come the same way: the preload's event channel, or Server-Sent Events.
 */
function transport(): { call: RawCall; events: TillEvents | null } {
  if (window.till)
    return {
      call: preloadCall(window.till),
      events: window.tillEvents ? preloadEvents(window.tillEvents) : null,
    };
  const token = takeLaunchToken({
    location: window.location,
    storage: window.sessionStorage,
    history: window.history,
  });
  return { call: httpCall(token), events: httpEvents(token) };
}

const { call, events } = transport();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <TillClientProvider client={createTillClient(call)}>
      <QueryClientProvider client={createTillQueryClient()}>
        <LiveUpdates events={events} />
        <TillWords>
          <App />
        </TillWords>
      </QueryClientProvider>
    </TillClientProvider>
  </StrictMode>,
);
