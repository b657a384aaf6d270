import { describe, expect, it } from 'vitest';
import { loadConfig, parseMapTiles, parsePublicUrl } from './config.js';

const SECRET = { secret: 'x'.repeat(32) };

describe('SHANMEI_MAP_TILES', () => {
  it('is off when unset or blank', () => {
    expect(parseMapTiles(undefined)).toBeNull();
    expect(parseMapTiles('  ')).toBeNull();
    expect(loadConfig({}, SECRET).mapTiles).toBeNull();
  });

  it('takes an http(s) template with {z}, {x} and {y} (and {s} subdomains)', () => {
    for (const ok of [
      'https://tiles.example.org/{z}/{x}/{y}.png',
      'http://127.0.0.1:8081/{z}/{x}/{y}.png',
      'https://{s}.tile.example.org/{z}/{x}/{y}.png?key=abc',
    ]) {
      expect(parseMapTiles(ok)).toBe(ok);
    }
    expect(loadConfig({ SHANMEI_MAP_TILES: 'https://t.example.org/{z}/{x}/{y}.png' }, SECRET).mapTiles).toBe(
      'https://t.example.org/{z}/{x}/{y}.png',
    );
  });

  it('stops the start with a message naming the variable for anything else', () => {
    const cases: [string, RegExp][] = [
      ['ftp://tiles.example.org/{z}/{x}/{y}.png', /http\(s\)/],
      ['tiles.example.org/{z}/{x}/{y}.png', /http\(s\)/],
      ['https://tiles.example.org/{z}/{x}.png', /missing \{y\}/],
      ['https://tiles.example.org/tile.png', /missing \{z\}, \{x\}, \{y\}/],
      ['https://exa mple.org/{z}/{x}/{y}', /SHANMEI_MAP_TILES/],
    ];
    for (const [value, message] of cases) {
      expect(() => loadConfig({ SHANMEI_MAP_TILES: value }, SECRET), value).toThrow(/^SHANMEI_MAP_TILES must be/);
      expect(() => parseMapTiles(value), value).toThrow(message);
    }
  });

  it('reads the attribution as plain text, trimmed', () => {
    expect(loadConfig({ SHANMEI_MAP_ATTRIBUTION: ' © OpenStreetMap contributors ' }, SECRET).mapAttribution).toBe(
      '© OpenStreetMap contributors',
    );
    expect(loadConfig({}, SECRET).mapAttribution).toBeNull();
  });
});

describe('SHANMEI_PUBLIC_URL', () => {
  it('takes an http(s) origin, without its trailing slash, and is off when unset', () => {
    expect(loadConfig({}, SECRET).publicUrl).toBeNull();
    expect(parsePublicUrl(' https://zyz.example.org/ ')).toBe('https://zyz.example.org');
    expect(parsePublicUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });

  it('stops the start with a message naming the variable for anything else', () => {
    for (const bad of [
      'zyz.example.org',
      'ftp://zyz.example.org',
      'https://zyz.example.org/app',
      'https://x.org/?a=1',
    ]) {
      expect(() => loadConfig({ SHANMEI_PUBLIC_URL: bad }, SECRET), bad).toThrow(/^SHANMEI_PUBLIC_URL must be/);
    }
  });
});
