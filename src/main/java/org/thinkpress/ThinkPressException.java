package org.thinkpress;

/**
 * The one unchecked base of every ThinkPress failure.
 *
 * <p>Subclasses are named after what failed ({@code PublicationNotFoundException},
 * {@code ContentImportException}) and their messages carry the context an operator needs (which
 * slug, file, line or setting). Each one declares a {@link Kind}; only the {@code web} package
 * turns kinds into HTTP statuses, and only the {@code cli} package turns them into exit codes.
 */
public abstract class ThinkPressException extends RuntimeException {

  /** What kind of failure this is, independent of how it is reported. */
  public enum Kind {
    /** The thing asked for does not exist (or is not visible to the caller). */
    NOT_FOUND,
    /** The input is malformed or breaks a rule; repeating it unchanged fails again. */
    BAD_INPUT,
    /** The input is well-formed but conflicts with the current state. */
    CONFLICT,
    /** The caller may not do this. */
    FORBIDDEN,
    /** A fault of ours or of something we depend on (database, disk, mail relay). */
    INTERNAL
  }

  private final Kind kind;

  protected ThinkPressException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  protected ThinkPressException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public final Kind kind() {
    return kind;
  }
}
