/**
 * Just enough reading of Bicep text for tests to check the templates against the code (no Bicep
 * CLI here): object blocks (`settings: { ... }`), their `key: value` entries, and `param`
 * declarations with their decorators. Strings, including `${...}` inside them, are skipped when
 * counting braces, so a Key Vault reference does not end a block early.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const infraDir = join(__dirname, '../../infra');
export const readInfra = (file: string) => readFileSync(join(infraDir, file), 'utf8');

/** The text between the braces of the first `<name>: {` or `<name> = {` block. */
export function block(text: string, name: string): string {
  const start = new RegExp(`\\b${name}\\s*[:=]\\s*\\{`).exec(text);
  if (!start) throw new Error(`no block named ${name}`);
  let depth = 0;
  let inString = false;
  let interpolation = 0;
  for (let i = start.index + start[0].length - 1; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '$' && text[i + 1] === '{') {
        interpolation++;
        i++;
      } else if (c === '}' && interpolation > 0) interpolation--;
      else if (c === "'" && interpolation === 0) inString = false;
      continue;
    }
    if (c === "'") inString = true;
    else if (c === '/' && text[i + 1] === '/') i = text.indexOf('\n', i) - 1;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(start.index + start[0].length, i);
  }
  throw new Error(`block ${name} never closes`);
}

/** The `key: value` entries at the top level of a block (comments dropped). */
export function entries(blockText: string): Map<string, string> {
  const found = new Map<string, string>();
  let depth = 0;
  for (const raw of blockText.split('\n')) {
    const line = raw.replace(/\s\/\/.*$/, '').trim();
    if (line === '' || line.startsWith('//')) continue;
    const match = depth === 0 ? /^([A-Za-z_][\w]*)\s*:\s*(.+)$/.exec(line) : null;
    if (match) found.set(match[1] as string, (match[2] as string).trim());
    depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
  }
  return found;
}

export interface Param {
  name: string;
  type: string;
  /** The default's Bicep text, when there is one. */
  defaultText?: string;
  allowed?: string[];
  description?: string;
}

/** Every `param` with its decorators. */
export function params(text: string): Map<string, Param> {
  const found = new Map<string, Param>();
  let pending: Omit<Param, 'name' | 'type'> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const allowed = /^@allowed\(\[(.*)\]\)$/.exec(line);
    if (allowed)
      pending.allowed = [...(allowed[1] as string).matchAll(/'([^']*)'/g)].map((m) => m[1] as string);
    const description = /^@description\('(.*)'\)$/.exec(line);
    if (description) pending.description = description[1];
    const param = /^param (\w+) (\w+)(?: = (.+))?$/.exec(line);
    if (param) {
      found.set(param[1] as string, {
        name: param[1] as string,
        type: param[2] as string,
        ...(param[3] ? { defaultText: param[3] } : {}),
        ...pending,
      });
      pending = {};
    } else if (!line.startsWith('@')) pending = {};
  }
  return found;
}
