// Shared by the client checks: every console.warn and console.error is
// kept as a failure, and still printed where it happens.
import { inspect } from 'node:util';

/** Starts keeping console warnings and errors; returns the list they go to. */
export function trapConsole() {
  const warnings = [];
  for (const level of ['warn', 'error']) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      warnings.push(`console.${level}: ${args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 4 }))).join(' ')}`);
      original(...args);
    };
  }
  return warnings;
}
