import { useEffect, type RefObject } from 'react';

/**
 * Makes every Ant Design table body in `root` that scrolls sideways reachable by keyboard: a
 * table wider than its box scrolls inside it (console-layout.css), and a scrolling area with
 * nothing focusable in it (a read-only or empty table) must take the focus itself to be
 * scrolled without a mouse (WCAG 2.1.1; axe's scrollable-region-focusable). Tables come and go
 * as pages load and change size with care mode and the language, so observers keep them marked.
 */
export function useScrollableTables(root: RefObject<HTMLElement | null>, label: string): void {
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let frame = 0;
    // Care mode or the language can widen a table without any change inside `root`.
    const resized = new ResizeObserver(() => soon());
    const watched = new WeakSet<Element>();
    const mark = () => {
      for (const box of el.querySelectorAll<HTMLElement>('.ant-table-content')) {
        for (const part of [box, box.firstElementChild]) {
          if (part && !watched.has(part)) {
            watched.add(part);
            resized.observe(part);
          }
        }
        const scrolls = box.scrollWidth > box.clientWidth;
        if (scrolls && box.tabIndex !== 0) {
          box.tabIndex = 0;
          box.setAttribute('role', 'region');
          box.setAttribute('aria-label', label);
        } else if (!scrolls && box.tabIndex === 0) {
          box.removeAttribute('tabindex');
          box.removeAttribute('role');
          box.removeAttribute('aria-label');
        }
      }
    };
    // After layout: a table's width is known only once the browser has laid it out.
    const soon = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(mark);
    };
    soon();
    const observer = new MutationObserver(soon);
    observer.observe(el, { childList: true, subtree: true, characterData: true });
    window.addEventListener('resize', soon);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      resized.disconnect();
      window.removeEventListener('resize', soon);
    };
  }, [root, label]);
}
