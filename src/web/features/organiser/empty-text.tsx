/** A table's "nothing here" line, in a colour that keeps its contrast (antd's own is too faint). */
export function EmptyText({ children }: { children: string }) {
  return <span className="table-empty">{children}</span>;
}
