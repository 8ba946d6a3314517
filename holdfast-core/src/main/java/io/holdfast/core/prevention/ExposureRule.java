package io.holdfast.core.prevention;

import java.util.Optional;

/**
 * A named pattern that precedes a known scam. A rule looks at one account's activity and
 * returns a finding when the pattern is there; rules never see each other's findings.
 */
public interface ExposureRule {
  String code();

  Optional<Finding> check(AccountActivity activity);
}
