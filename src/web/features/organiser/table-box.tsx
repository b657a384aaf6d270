import type { ReactNode } from 'react';

/**
 * A table that may be wider than a phone: it scrolls inside this box, and the box is a named
 * region the keyboard reaches, so a table with nothing focusable in it (empty, or read-only)
 * can still be scrolled without a mouse.
 */
export function TableBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-box" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
