/** Sets expectations before anyone waits for a result: without AI providers, the built-in engines do the work. */
export function OfflineEnginesNote({ id }: { id: string }) {
  return (
    <p id={id} className="engines-note">
      Videos are made with the built-in offline engines unless AI providers have been configured for this
      server. The offline writer builds the script from your topic and key points alone, so list the points
      you want the video to make.
    </p>
  );
}
