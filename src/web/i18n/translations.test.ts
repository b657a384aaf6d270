import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

type Tree = { [k: string]: string | Tree };

/** Flattened keys, with i18next plural suffixes folded (`count_one`, `count_other` → `count`). */
function keys(tree: Tree, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix + k.replace(/_(zero|one|two|few|many|other)$/, '');
    if (typeof v === 'string') out.add(key);
    else for (const sub of keys(v, `${key}.`)) out.add(sub);
  }
  return out;
}

function values(tree: Tree): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : values(v)));
}

const sources = import.meta.glob('../**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

describe('translation files', () => {
  const zh = keys(zhCN as Tree);
  const english = keys(en as Tree);

  it('hold the same keys in zh-CN and en', () => {
    expect([...zh].filter((k) => !english.has(k))).toEqual([]);
    expect([...english].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('have no empty strings', () => {
    expect(values(zhCN as Tree).filter((v) => !v.trim())).toEqual([]);
    expect(values(en as Tree).filter((v) => !v.trim())).toEqual([]);
  });

  it('define every literal key the code asks for', () => {
    const missing: string[] = [];
    let asked = 0;
    for (const [file, text] of Object.entries(sources)) {
      if (file.endsWith('.test.ts')) continue;
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) {
        const key = m[1] ?? '';
        asked += 1;
        if (!zh.has(key)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
    expect(asked).toBeGreaterThan(100);
  });
});
