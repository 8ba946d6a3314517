package io.holdfast.core.rule;

/** Whether a rule changes decisions (active), is only recorded (shadow), or is off (disabled). */
public enum RuleStatus {
  ACTIVE,
  SHADOW,
  DISABLED
}
