// Prints the Lighthouse table of bench/lighthouse.sh from its JSON reports:
//   node lighthouse-table.mjs REPORT_DIR RUNS "name path" …
// One row per page (the run with the median performance score), then what each page lost points on.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [dir, runsArg, ...pages] = process.argv.slice(2);
const runs = Number(runsArg);
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const score = (lhr, id) => (lhr.categories[id]?.score == null ? NaN : Math.round(lhr.categories[id].score * 100));

const chosen = [];
console.log('| page | path | performance | accessibility | best-practices | seo | performance of every run |');
console.log('|---|---|---:|---:|---:|---:|---|');
for (const entry of pages) {
  const [name, path] = entry.split(' ');
  const reports = [];
  for (let run = 1; run <= runs; run++) {
    const file = join(dir, `${name}-${run}.json`);
    if (existsSync(file)) reports.push(JSON.parse(readFileSync(file, 'utf8')));
  }
  if (reports.length === 0) {
    console.log(`| ${name} | \`${path}\` | failed | | | | |`);
    continue;
  }
  const sorted = [...reports].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  chosen.push([name, median]);
  const cells = categories.map(c => score(median, c));
  console.log(`| ${name} | \`${path}\` | ${cells.join(' | ')} | ${reports.map(r => score(r, 'performance')).join(', ')} |`);
}

// What cost points: audits that count in a category (weight > 0) and did not pass.
console.log();
for (const [name, lhr] of chosen) {
  const lost = [];
  for (const c of categories) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
        const value = audit.displayValue ? ` (${audit.displayValue})` : '';
        lost.push(`${c}: ${ref.id} ${Math.round(audit.score * 100)}${value}`);
      }
    }
  }
  const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']
    .map(id => `${id.replace(/-/g, ' ')} ${lhr.audits[id]?.displayValue ?? '?'}`).join(', ');
  console.log(`- **${name}**: ${metrics}`);
  console.log(lost.length === 0 ? '  - nothing lost' : lost.map(l => `  - ${l}`).join('\n'));
}
