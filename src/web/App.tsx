import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Route, Routes } from 'react-router-dom';
import { EmptyState } from './components/EmptyState.js';
import { Loading } from './components/Loading.js';
import { PageHeader } from './components/PageHeader.js';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage.js';
import { RedirectIfSignedIn, RequireSignedIn } from './features/auth/guards.js';
import { CalendarPage } from './features/calendar/CalendarPage.js';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage.js';
import { SignInPage } from './features/auth/SignInPage.js';
import { SignUpPage } from './features/auth/SignUpPage.js';
import { ConnectionsPage } from './features/connections/ConnectionsPage.js';
import { CreatePage } from './features/create/CreatePage.js';
import { DashboardHome } from './features/dashboard/DashboardHome.js';
import { InvitePage } from './features/invitations/InvitePage.js';
import { ItemPage } from './features/item/ItemPage.js';
import { LibraryPage } from './features/library/LibraryPage.js';
import { MediaPage } from './features/media/MediaPage.js';
import { PrivacyCenterPage } from './features/privacy/PrivacyCenterPage.js';
import { ReviewPage } from './features/review/ReviewPage.js';
import { SettingsPage } from './features/settings/SettingsPage.js';
import { AppShell } from './features/shell/AppShell.js';

// The Analytics pages carry the chart library: loaded on first visit, kept out of the main bundle.
const AnalyticsPage = lazy(() =>
  import('./features/analytics/AnalyticsPage.js').then((m) => ({ default: m.AnalyticsPage })),
);
const VideoAnalyticsPage = lazy(() =>
  import('./features/analytics/VideoAnalyticsPage.js').then((m) => ({ default: m.VideoAnalyticsPage })),
);

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading label="Loading analytics…" />}>{children}</Suspense>;
}

function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState heading="Nothing lives at this address" icon="home" action={<Link to="/">Go to home</Link>}>
        <p>The link may be mistyped, or the page may have moved.</p>
      </EmptyState>
    </>
  );
}

export function App() {
  return (
    <Routes>
      <Route element={<RedirectIfSignedIn />}>
        <Route path="/signin" element={<SignInPage />} />
        <Route path="/signup" element={<SignUpPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      </Route>
      {/* Reachable signed in or out: the token in the link is what counts. */}
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/invite" element={<InvitePage />} />
      <Route element={<RequireSignedIn />}>
        <Route element={<AppShell />}>
          <Route index element={<DashboardHome />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="/connections" element={<ConnectionsPage />} />
          <Route path="/create" element={<CreatePage />} />
          <Route path="/library" element={<LibraryPage />} />
          <Route path="/library/media" element={<MediaPage />} />
          <Route path="/library/:id" element={<ItemPage />} />
          <Route path="/review" element={<ReviewPage />} />
          <Route path="/calendar" element={<CalendarPage />} />
          <Route
            path="/analytics"
            element={
              <Lazy>
                <AnalyticsPage />
              </Lazy>
            }
          />
          <Route
            path="/analytics/videos/:id"
            element={
              <Lazy>
                <VideoAnalyticsPage />
              </Lazy>
            }
          />
          <Route path="/privacy-center" element={<PrivacyCenterPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
