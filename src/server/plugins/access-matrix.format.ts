/** The access matrix as a text table (access-matrix.ts): its cells, its reader and its writer. */
export type Outcome = 'allowed' | 'invalid' | '401' | '403' | '404' | '405' | '413' | '415' | '429';
export type Cell = Outcome | `${Outcome}/${Outcome}`;
export const MATRIX_ROLES = [
  'anonymous',
  'volunteer',
  'organiser',
  'site_manager',
  'region_admin',
  'system_admin',
] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];
export type Row = Record<MatrixRole, Cell>;

const OUTCOMES: readonly string[] = ['allowed', 'invalid', '401', '403', '404', '405', '413', '415', '429'];
const isCell = (s: string): s is Cell => s.split('/').length <= 2 && s.split('/').every((o) => OUTCOMES.includes(o));

/**
 * Reads the table: a header line `operation` then the roles in MATRIX_ROLES' order, then one line
 * per operation with one cell per role, columns separated by spaces. A malformed line throws.
 */
export function parseMatrix(table: string): Record<string, Row> {
  const [head, ...lines] = table
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const expected = ['operation', ...MATRIX_ROLES].join(' ');
  if (head?.split(/\s+/).join(' ') !== expected) throw new Error(`access matrix header must read: ${expected}`);
  const rows: Record<string, Row> = {};
  for (const line of lines) {
    const [id = '', ...cells] = line.split(/\s+/);
    if (cells.length !== MATRIX_ROLES.length || !cells.every(isCell))
      throw new Error(`access matrix row "${line}" needs one known outcome per role`);
    if (id in rows) throw new Error(`access matrix: ${id} has two rows`);
    rows[id] = Object.fromEntries(MATRIX_ROLES.map((r, i) => [r, cells[i]])) as Row;
  }
  return rows;
}

/** Writes rows as the aligned table parseMatrix reads. */
export function formatMatrix(rows: Record<string, Row>): string {
  const lines = [
    ['operation', ...MATRIX_ROLES],
    ...Object.entries(rows).map(([id, row]) => [id, ...MATRIX_ROLES.map((r) => row[r])]),
  ];
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return lines.map((l) => l.map((c, i) => (i === l.length - 1 ? c : c.padEnd(widths[i]!))).join(' ')).join('\n');
}

/** The file access-matrix.ts with its table replaced by `rows`, its comment kept. */
export function withTable(file: string, rows: Record<string, Row>): string {
  const start = file.indexOf('const TABLE = `');
  const end = file.indexOf('`;', start);
  if (start < 0 || end < 0) throw new Error('access-matrix.ts has no TABLE to replace');
  return `${file.slice(0, start)}const TABLE = \`\n${formatMatrix(rows)}\n${file.slice(end)}`;
}
