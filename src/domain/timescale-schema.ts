/**
 * The schema for an authority's timescale overrides: a JSON file whose `rules` replace the
 * defaults with the same id (field by field), add new ones, or switch one off with
 * `"disabled": true`. Parsed here so a bad file is refused with a reason, never half-applied.
 */
import { z } from 'zod/v4';
import { DEFAULT_RULES, PICKS, UNITS } from './timescale-rules';
import type { TimescaleRule } from './timescale-rules';
import { ANCHOR_KINDS, CHILD_KINDS, EVENT_KINDS } from './types';

const interval = z.strictObject({
  amount: z.number().int('must be a whole number').positive('must be more than 0'),
  unit: z.enum(UNITS, { error: `must be one of ${UNITS.join(', ')}` }),
});

const eventKind = z.enum(EVENT_KINDS, { error: `must be one of ${EVENT_KINDS.join(', ')}` });

const startRef = z.union(
  [
    z.strictObject({ anchor: z.enum(ANCHOR_KINDS, { error: `must be one of ${ANCHOR_KINDS.join(', ')}` }) }),
    z.strictObject({ event: eventKind }),
    z.strictObject({ strategyDiscussion: z.literal('section-47') }),
    z.strictObject({ birthday: z.number().int().min(1).max(25) }),
    z.strictObject({ practitioner: z.literal('startedOn') }),
  ],
  {
    error:
      `must be {"anchor": one of ${ANCHOR_KINDS.join(', ')}}, {"event": an event kind}, ` +
      '{"strategyDiscussion": "section-47"}, {"birthday": an age} or {"practitioner": "startedOn"}',
  },
);

const ruleFields = {
  eventKind,
  childKinds: z.array(z.enum(CHILD_KINDS, { error: `must be one of ${CHILD_KINDS.join(', ')}` })).min(1),
  basis: z.string().min(1),
  group: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, 'must be lower-case letters, digits and dashes')
    .optional(),
  first: z
    .strictObject({
      after: z.array(startRef).min(1),
      within: interval,
      pick: z.enum(PICKS, { error: `must be one of ${PICKS.join(', ')}` }).optional(),
    })
    .optional(),
  then: z.array(interval).min(1).optional(),
  stages: z
    .strictObject({
      from: startRef,
      steps: z.array(z.strictObject({ until: interval, every: interval })).min(1),
    })
    .optional(),
  countsDoneBefore: z.union([z.literal('always'), interval]).optional(),
  before: z.strictObject({ eventKinds: z.array(eventKind).min(1), by: interval }).optional(),
  when: z
    .strictObject({
      ageAtLeast: z.number().int().min(0).optional(),
      ageUnder: z.number().int().min(1).optional(),
      inHomeAtLeastYears: z.number().int().min(1).optional(),
      homeIntendedUntil18: z.boolean().optional(),
      longTermFosterVisitsAgreed: z.boolean().optional(),
      practitionerNewlyQualified: z.boolean().optional(),
    })
    .optional(),
  lookBackDays: z.number().int().min(0, 'must be 0 or more').optional(),
  disabled: z.boolean().optional(),
};

const ruleId = z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be lower-case letters, digits and dashes');
// A rule is counted from dates (`first`) or due before another event (`before`): one of the two.
const fullRule = z
  .strictObject({ id: ruleId, ...ruleFields })
  .refine((r) => (r.first === undefined) !== (r.before === undefined), {
    error: 'needs either "first" (when it is due from) or "before" (what it comes before), not both',
    path: ['first'],
  });
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
