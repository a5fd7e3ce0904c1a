export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div role="status" className="loading">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** Whole-screen wait, while we learn whether someone is signed in. */
export function FullPageLoading() {
  return (
    <main className="full-page-center">
      <Loading label="Loading AI Factory…" />
    </main>
  );
}
