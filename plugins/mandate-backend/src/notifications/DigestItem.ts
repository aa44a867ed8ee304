/**
 * One thing a team is told about in its daily digest. Each kind of item (a level drop, a waiver
 * about to expire, a campaign deadline near) has one collector; the digest sends each item to
 * its recipient once.
 */
export interface DigestItem {
  /** The collector's kind, e.g. `level-drop`. */
  kind: string;
  /** Unique among the items of all kinds and stable across runs, e.g. `level-drop:42`. */
  key: string;
  /** The team to tell: a group entity ref. */
  recipient: string;
  /** One line of the digest. */
  text: string;
}

/** Finds the items of one kind that are due at `now`, for every team. */
export interface DigestItemCollector {
  kind: string;
  collect(now: Date): Promise<DigestItem[]>;
}
