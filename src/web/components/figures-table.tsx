/** One column of a table of figures: its heading and how a row shows in it. */
export interface FiguresColumn<R> {
  title: string;
  value: (r: R) => string;
}

export interface FiguresTableProps<R> {
  id: string;
  className?: string;
  caption: string;
  /** The heading of the first column, whose cells head their rows. */
  rowTitle: string;
  rows: R[];
  rowHeader: (r: R) => string;
  columns: FiguresColumn<R>[];
}

/**
 * The figures behind a chart as a table: a caption, one header row, and each row headed by its
 * first cell. The statistics page shows it under its chart; the big screen hides it visually,
 * for screen readers.
 */
export function FiguresTable<R>({ id, className, caption, rowTitle, rows, rowHeader, columns }: FiguresTableProps<R>) {
  return (
    <table className={className} id={id}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowTitle}</th>
          {columns.map((c) => (
            <th key={c.title} scope="col">
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={rowHeader(r)}>
            <th scope="row">{rowHeader(r)}</th>
            {columns.map((c) => (
              <td key={c.title}>{c.value(r)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
