/** A table's "nothing here" line, in a colour that keeps its contrast (antd's own is too faint). */
export function EmptyText({ children }: { children: string }) {
  return <span className="table-empty">{children}</span>;
}

/** Solid tag colour for flags and no-shows: white text on it keeps AA contrast (antd's orange preset does not). */
export const FLAG_COLOUR = '#ad4e00';
