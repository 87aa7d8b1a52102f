package dev.hydra4j.override;

/** What an override does to its key: the prefix the user wrote. */
public enum OverrideType {
  /** {@code key=value}: change an existing value or group choice. */
  CHANGE(""),
  /** {@code +key=value}: add a key or a defaults-list entry that must not exist yet. */
  ADD("+"),
  /** {@code ++key=value}: add the key, or change it when it exists. */
  FORCE_ADD("++"),
  /** {@code ~key} or {@code ~key=value}: delete a key or a defaults-list entry. */
  DEL("~");

  private final String prefix;

  OverrideType(String prefix) {
    this.prefix = prefix;
  }

  /** The prefix as written on the command line: "", "+", "++" or "~". */
  public String prefix() {
    return prefix;
  }
}
