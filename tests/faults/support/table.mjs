// The fault table: one row per fault, what was tried and what came out of it. "lost" is what was tried and never
// delivered or never kept: replies (tried − delivered) plus escalations (tried − kept); it must be 0, like duplicates
// and 5xx. "resent" counts a reply that had already left (the TwiML answer received, or the activity posted to the
// Connector) before the kill and was sent once more after the restart: the at-least-once moment the README names,
// shown in the table rather than failed; any other second reply is a duplicate.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

/** A row to fill in while a fault runs. */
export function row(fault) {
  return { fault, tried: 0, delivered: 0, kept: 0, duplicates: 0, resent: 0, errors5xx: 0, notes: [] };
}

export const lost = (r) => Math.max(0, r.tried - r.delivered) + Math.max(0, r.tried - r.kept);

/** Fails unless the row lost nothing, answered nothing twice and saw no 5xx; the message names the fault and its notes. */
export function assertClean(r) {
  const why = (column) => `${r.fault}: ${column} (${r.notes.join('; ')})`;
  assert.equal(lost(r), 0, why('lost'));
  assert.equal(r.duplicates, 0, why('duplicates'));
  assert.equal(r.errors5xx, 0, why('5xx'));
}

/** The table as aligned plain text. */
export function format(rows, title) {
  const header = ['fault', 'turns tried', 'replies delivered', 'escalations kept', 'lost', 'duplicates', 'resent', '5xx'];
  const body = rows.map((r) => [r.fault, r.tried, r.delivered, r.kept, lost(r), r.duplicates, r.resent, r.errors5xx].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const totals = rows.reduce((t, r) => ({
    tried: t.tried + r.tried, delivered: t.delivered + r.delivered, kept: t.kept + r.kept,
    lost: t.lost + lost(r), duplicates: t.duplicates + r.duplicates, resent: t.resent + r.resent, errors5xx: t.errors5xx + r.errors5xx,
  }), { tried: 0, delivered: 0, kept: 0, lost: 0, duplicates: 0, resent: 0, errors5xx: 0 });
  const total = ['total', totals.tried, totals.delivered, totals.kept, totals.lost, totals.duplicates, totals.resent, totals.errors5xx].map(String);
  return [title, '', line(header), rule, ...body.map(line), rule, line(total), ''].join('\n');
}

/** Writes the text to tests/faults/artifacts/&lt;name&gt; (gitignored). */
export function save(name, text) {
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, name), text);
}
