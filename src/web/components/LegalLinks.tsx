/** The public privacy policy and terms: server pages, so plain links that leave the single-page app. */
export function LegalLinks({ className }: { className: string }) {
  return (
    <footer className={className}>
      <a href="/privacy">Privacy policy</a>
      <a href="/terms">Terms</a>
    </footer>
  );
}
