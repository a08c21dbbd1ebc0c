/**
 * How people are named in Teams: a child by the authority's privacy style (first name and initial,
 * initials, or case number), a member of staff by the first word of their display name.
 */
import type { Child } from './types';

export const NAME_STYLES = ['first-name-initial', 'initials', 'case-number'] as const;
export type NameStyle = (typeof NAME_STYLES)[number];

/** How a child is named in a Teams message, per the authority's privacy setting. */
export function shortName(child: Pick<Child, 'id' | 'name'>, style: NameStyle): string {
  switch (style) {
    case 'first-name-initial':
      return `${child.name.first} ${child.name.familyInitial}.`;
    case 'initials':
      return `${Array.from(child.name.first)[0] ?? ''}.${child.name.familyInitial}.`;
    case 'case-number':
      return `Ref ${child.id}`;
  }
}

/** How Hearth greets or names a member of staff: the first word of their display name. */
export function firstName(displayName: string): string {
  return displayName.split(' ')[0] ?? displayName;
}
