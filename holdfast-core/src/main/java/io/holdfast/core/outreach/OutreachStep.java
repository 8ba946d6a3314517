package io.holdfast.core.outreach;

import java.util.List;

/**
 * The messages of an outreach conversation. The first five are the guide, sent one at a time
 * as the victim reads them: what happened, what we froze, how to claim, how to protect the
 * account, where to get support. The others answer what the victim or the clock did.
 */
public enum OutreachStep {
  HAPPENED,
  FROZEN,
  CLAIM,
  PROTECT,
  SUPPORT,
  REMINDER,
  RECEIVED,
  DECLINED,
  REPAID;

  /** The guide, in the order a victim is taken through it. */
  public static final List<OutreachStep> GUIDE = List.of(HAPPENED, FROZEN, CLAIM, PROTECT,
      SUPPORT);
}
