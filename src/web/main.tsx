// Self-hosted font: bundled by Vite, so the app never asks a third-party host for it.
import '@fontsource-variable/inter';
import './styles/tokens.css';
import './styles/base.css';
import './styles/forms.css';
import './styles/shell.css';
import './styles/popovers.css';
import './styles/components.css';
import './styles/connections.css';
import './styles/factory.css';
import './styles/media-library.css';
import './styles/publishing.css';
import './styles/recommendations.css';

import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App.js';
import { createQueryClient } from './api/queryClient.js';
import { SessionProvider } from './session/SessionProvider.js';

const queryClient = createQueryClient();
const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element in index.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
