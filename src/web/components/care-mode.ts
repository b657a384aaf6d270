import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'shanmei.care';
const CLASS = 'care-mode';
const listeners = new Set<() => void>();

function read(): boolean {
  return localStorage.getItem(STORAGE_KEY) === 'on';
}

/** Puts the remembered choice on <html> before the first render, so nothing flickers. */
export function applyStoredCareMode(): void {
  document.documentElement.classList.toggle(CLASS, read());
}

export function setCareMode(on: boolean): void {
  localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  document.documentElement.classList.toggle(CLASS, on);
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Care mode (关怀版): larger type, higher contrast, simpler layout; remembered per device. */
export function useCareMode(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, read);
  return [on, setCareMode];
}
