import type { ScaleSummary } from './scale.generate.js';
import { fmt } from './scale.run.js';

/** Prints what a generated city holds and how long each phase took. */
export function printScaleSummary(s: ScaleSummary): void {
  const sites = Object.entries(s.sitesTotal)
    .map(([type, n]) => `${type} ${fmt(n)}`)
    .join(', ');
  console.log(
    `Generated a city (${s.scale}, seed ${s.seed}, as of ${s.asOf}) in ${s.seconds.toFixed(1)} s: ` +
      `${fmt(s.organisationsAdded)} organisations added, ${fmt(s.volunteers)} volunteers (${fmt(s.memberships)} memberships), ` +
      `${fmt(s.activities)} activities with ${fmt(s.shifts)} shifts, ${fmt(s.records)} confirmed service records, ` +
      `${fmt(s.pointsEarned)} points earned in ${fmt(s.earnings)} earnings, ` +
      `${fmt(s.redemptions)} redemptions (${fmt(s.pointsRedeemed)} points).`,
  );
  console.log(`Sites now: ${sites}.`);
  console.log(`Phases: ${s.phases.map((p) => `${p.phase} ${p.seconds.toFixed(1)} s`).join(', ')}.`);
  const writes = Object.entries(s.writeSeconds)
    .sort(([, a], [, b]) => b - a)
    .map(([t, sec]) => `${t} ${fmt(s.rows[t] ?? 0)} rows ${sec.toFixed(1)} s`);
  console.log(`Writing: ${writes.join(', ')}.`);
  console.log('Generated people have no usable password. Check the ledger with `shanmei points verify`.');
}
