import type { CSSProperties } from 'react';
import { Link } from 'react-router';

export interface RankItem {
  key: string;
  name: string;
  value: number;
  /** The value as shown. */
  shown: string;
  /** Where choosing the item leads (a district's own screen). */
  to?: string;
}

interface RankingProps {
  items: RankItem[];
  /** Names the list for screen readers. */
  label: string;
  testId: string;
  /** Lays the list out in this many columns, filled top to bottom. */
  columns?: number;
  className?: string;
}

/**
 * A ranked list with a bar per item, longest first: plain HTML, so it reads as a list and each
 * item that leads somewhere is a link reachable by keyboard. The bars are decoration.
 */
export function Ranking({ items, label, testId, columns = 1, className }: RankingProps) {
  const top = Math.max(1, ...items.map((i) => i.value));
  const style: CSSProperties | undefined =
    columns > 1
      ? {
          gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
          gridTemplateRows: `repeat(${Math.ceil(items.length / columns)}, auto)`,
          gridAutoFlow: 'column',
        }
      : undefined;
  return (
    <ol className={`screen-ranking ${className ?? ''}`} aria-label={label} data-testid={testId} style={style}>
      {items.map((item, i) => (
        <li key={item.key}>
          <span className="screen-rank" aria-hidden="true">
            {i + 1}
          </span>
          <span className="screen-rank-name">{item.to ? <Link to={item.to}>{item.name}</Link> : item.name}</span>
          <span className="screen-rank-value">{item.shown}</span>
          <span className="screen-bar" aria-hidden="true">
            <span style={{ width: `${(Math.max(0, item.value) / top) * 100}%` }} />
          </span>
        </li>
      ))}
    </ol>
  );
}
