import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { authKeys } from './api/auth.api.js';
import { ApiError } from './api/http-client.js';
import { router } from './app-routes.js';
import { applyStoredCareMode } from './components/care-mode.js';
import { initI18n } from './i18n/i18n.js';
import './styles/app.css';
import './styles/service.css';

applyStoredCareMode();
initI18n();

/** A 401 anywhere means the session has ended: the header and pages switch to the anonymous view. */
const onError = (err: unknown) => {
  if (err instanceof ApiError && err.status === 401 && err.code === 'UNAUTHENTICATED') {
    queryClient.setQueryData(authKeys.me, null);
  }
};

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      // Refusals are answers, not glitches: only network faults and 5xx are retried.
      retry: (count, err) => count < 1 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
      staleTime: 30_000,
      refetchOnWindowFocus: false,
    },
  },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
