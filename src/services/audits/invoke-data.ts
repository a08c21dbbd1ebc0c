/**
 * The edge: what an audit card's button sends back (its small data plus every input on the card,
 * as Adaptive Cards send them), parsed by schema. Anything malformed is refused here, before any
 * use case reads it; past here the types are trusted.
 */
import { z } from 'zod/v4';
import { GRADES } from '../../domain/audit';

const id = z.string().min(1).max(200);
/** Cards send numbers back as numbers; some clients send them as text. */
const revision = z
  .union([z.number(), z.string().regex(/^\d{1,9}$/)])
  .transform(Number)
  .pipe(z.number().int().min(0));

export const openData = z.object({ audit: id, step: z.string().max(40).optional() });
export const saveData = z.object({
  audit: id,
  step: z.string().min(1).max(40),
  rev: revision,
  go: z.enum(['next', 'back', 'later']),
});
export const submitData = z.object({ audit: id, rev: revision });
export const worryData = z.object({
  audit: id,
  step: z.string().max(40).optional(),
  rev: revision.optional(),
});
export const acknowledgeData = z.object({ worry: id });
export const reflectData = z.object({ audit: id, reflection: z.string().optional() });
export const actionDoneData = z.object({ audit: id, action: z.string().min(1).max(10) });
export const moderateData = z.object({
  audit: id,
  agree: z.enum(['yes', 'no']),
  grade: z.union([z.enum(GRADES), z.literal('')]).optional(),
  reason: z.string().optional(),
});

/** The card's inputs: every other string field, untrimmed; a non-string input is malformed. */
export function inputsOf(
  raw: Record<string, unknown>,
  known: readonly string[],
): { ok: true; inputs: Record<string, string> } | { ok: false } {
  const inputs: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    // Any length: the use case says the limit, which is kinder than refusing the whole card.
    if (typeof value === 'string') inputs[key] = value;
    else if (known.includes(key) && value !== undefined && value !== null) return { ok: false };
  }
  return { ok: true, inputs };
}

export function parse<T>(schema: z.ZodType<T>, data: unknown): T | undefined {
  const result = schema.safeParse(data);
  return result.success ? result.data : undefined;
}

export const asRecord = (data: unknown): Record<string, unknown> =>
  data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};

/** Which audit a card is about: its id, and its team (so it can be read directly). */
export function auditRef(raw: Record<string, unknown>): { id: string; team?: string } {
  const id = typeof raw.audit === 'string' && raw.audit.length <= 200 ? raw.audit : '';
  const team = typeof raw.team === 'string' && raw.team.length <= 128 ? raw.team : undefined;
  return team ? { id, team } : { id };
}
