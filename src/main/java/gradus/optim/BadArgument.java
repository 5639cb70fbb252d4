package gradus.optim;

/** A hyperparameter with a bad value: the message names it and the value; {@link #parameter()} is its name. */
public final class BadArgument extends IllegalArgumentException {
  private final String parameter;

  BadArgument(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The parameter at fault, as the user spells it ({@code lr}, {@code beta1}, ...). */
  public String parameter() {
    return parameter;
  }
}
