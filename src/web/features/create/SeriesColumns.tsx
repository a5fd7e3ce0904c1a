import { LibraryMusicValues } from './LibraryMusicValues.js';
import { exampleSeriesHref, seriesColumns } from './seriesCsv.js';

/** What a series CSV looks like: the columns, what goes in each, and an example to start from. */
export function SeriesColumns() {
  return (
    <section className="panel" aria-labelledby="series-columns-heading">
      <h2 id="series-columns-heading" className="panel-title">
        The CSV format
      </h2>
      <p className="muted">
        A header row naming the columns, then one video per row. Only <code>topic</code> is required; the
        other columns can be left out or left empty and take the same defaults as a single video.
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Columns of a series CSV</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">What goes in it</th>
            </tr>
          </thead>
          <tbody>
            {seriesColumns.map((column) => (
              <tr key={column.name}>
                <th scope="row">
                  <code>{column.name}</code>
                </th>
                <td>{column.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LibraryMusicValues />
      <p>
        <a href={exampleSeriesHref} download="ai-factory-series-example.csv">
          Download an example CSV
        </a>{' '}
        <span className="muted">(three videos; open it in a spreadsheet or a text editor)</span>
      </p>
    </section>
  );
}
