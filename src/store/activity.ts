/**
 * The append-only log of who did what. Entries carry ids and counts, never names or free text.
 */
export interface ActivityEntry {
  id: string;
  teamId: string;
  at: string;
  /** Who: a person id, or a system actor such as `feed` or `import`. */
  actor: string;
  action: string;
  /** Ids and counts only. */
  details: Record<string, string | number | boolean>;
}
