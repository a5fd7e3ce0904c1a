import type { VersionView } from '../../../api/content.js';
import { stageName } from './stages.js';

const msFormat = new Intl.NumberFormat();

/** How the version was made: per stage, whether it ran or its result was reused, and how long it took. */
export function StageLog({ log }: { log: VersionView['stageLog'] }) {
  return (
    <section className="panel" aria-labelledby="stage-log-heading">
      <h2 id="stage-log-heading" className="panel-title">
        Stage log
      </h2>
      <p className="muted">
        A stage whose inputs did not change reuses its earlier result (cached) instead of running again.
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Ran or cached</th>
              <th scope="col" className="numeric">
                Time (ms)
              </th>
            </tr>
          </thead>
          <tbody>
            {log.map((entry) => (
              <tr key={entry.stage}>
                <th scope="row">{stageName(entry.stage)}</th>
                <td>{entry.cached ? 'Cached' : 'Ran'}</td>
                <td className="numeric">{msFormat.format(entry.ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
