/**
 * The schema for an authority's timescale overrides: a JSON file whose `rules` replace the
 * defaults with the same id (field by field), add new ones, or switch one off with
 * `"disabled": true`. Parsed here so a bad file is refused with a reason, never half-applied.
 */
import { z } from 'zod/v4';
import { DEFAULT_RULES, UNITS } from './timescale-rules';
import type { TimescaleRule } from './timescale-rules';
import { ANCHOR_KINDS, CHILD_KINDS, EVENT_KINDS } from './types';

const interval = z.strictObject({
  amount: z.number().int('must be a whole number').positive('must be more than 0'),
  unit: z.enum(UNITS, { error: `must be one of ${UNITS.join(', ')}` }),
});

const startRef = z.union(
  [
    z.strictObject({ anchor: z.enum(ANCHOR_KINDS, { error: `must be one of ${ANCHOR_KINDS.join(', ')}` }) }),
    z.strictObject({ event: z.enum(EVENT_KINDS, { error: `must be one of ${EVENT_KINDS.join(', ')}` }) }),
  ],
  { error: `must be {"anchor": one of ${ANCHOR_KINDS.join(', ')}} or {"event": an event kind}` },
);

const ruleFields = {
  eventKind: z.enum(EVENT_KINDS, { error: `must be one of ${EVENT_KINDS.join(', ')}` }),
  childKinds: z.array(z.enum(CHILD_KINDS, { error: `must be one of ${CHILD_KINDS.join(', ')}` })).min(1),
  basis: z.string().min(1),
  first: z.strictObject({ after: z.array(startRef).min(1), within: interval }),
  then: z.array(interval).min(1).optional(),
  when: z
    .strictObject({
      ageAtLeast: z.number().int().min(0).optional(),
      ageUnder: z.number().int().min(1).optional(),
      inHomeAtLeastYears: z.number().int().min(1).optional(),
      homeIntendedUntil18: z.boolean().optional(),
      longTermFosterVisitsAgreed: z.boolean().optional(),
    })
    .optional(),
  lookBackDays: z.number().int().positive().optional(),
  disabled: z.boolean().optional(),
};

const ruleId = z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be lower-case letters, digits and dashes');
const fullRule = z.strictObject({ id: ruleId, ...ruleFields });
const partialRule = z.strictObject({ id: ruleId }).extend(
  Object.fromEntries(Object.entries(ruleFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof ruleFields]: z.ZodOptional<(typeof ruleFields)[K]>;
  },
);

export const overridesSchema = z.strictObject({ rules: z.array(partialRule) });

export class TimescaleOverrideError extends Error {
  override name = 'TimescaleOverrideError';
}

/** The default rules with an authority's overrides applied. */
export function applyOverrides(
  json: unknown,
  defaults: readonly TimescaleRule[] = DEFAULT_RULES,
): TimescaleRule[] {
  const parsed = overridesSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new TimescaleOverrideError(`The timescales file is not right: ${where}`);
  }
  const rules = defaults.map((r) => ({ ...r }));
  for (const [index, override] of parsed.data.rules.entries()) {
    const existing = rules.findIndex((r) => r.id === override.id);
    const defined = Object.fromEntries(Object.entries(override).filter(([, v]) => v !== undefined));
    if (existing >= 0) {
      const merged = fullRule.safeParse({ ...rules[existing], ...defined });
      if (!merged.success)
        throw new TimescaleOverrideError(
          `rules.${index} (${override.id}): ${merged.error.issues[0]?.message}`,
        );
      rules[existing] = merged.data;
    } else {
      const added = fullRule.safeParse(defined);
      if (!added.success) {
        const first = added.error.issues[0];
        throw new TimescaleOverrideError(
          `rules.${index} (${override.id}) is a new rule, so it needs every field: ${first?.path.join('.')}: ${first?.message}`,
        );
      }
      rules.push(added.data);
    }
  }
  return rules;
}
