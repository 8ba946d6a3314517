package io.holdfast.core.prevention.campaign;

/** Bad input for a campaign, naming the field at fault; the server answers it with a 400. */
public final class InvalidCampaign extends IllegalArgumentException {
  private final String field;

  public InvalidCampaign(String field, String detail) {
    super(detail);
    this.field = field;
  }

  public String field() {
    return field;
  }

  static void require(boolean condition, String field, String detail) {
    if (!condition) {
      throw new InvalidCampaign(field, detail);
    }
  }
}
