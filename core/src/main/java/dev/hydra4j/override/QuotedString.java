package dev.hydra4j.override;

/**
 * A string the user wrote in quotes. Hydra keeps the quotes in its canonical text ({@code
 * key='100'} stays {@code '100'} in job overrides) while the value is a plain string, so the parser
 * keeps this marker until {@link Element#value()} drops it.
 */
record QuotedString(String text, char quote) {

  @Override
  public String toString() {
    return CanonicalText.quote(text, quote);
  }
}
