package gradus.optim;

/** One hyperparameter of a method or schedule: its name, its default (null: required), its kind. */
public record Param(String name, Object defaultValue, Kind kind) {
  public enum Kind {
    /** a finite double */
    NUMBER,
    /** an integral number */
    INTEGER,
    /** true or false */
    BOOLEAN,
    /** a learning rate: a number or a {@link Schedule} */
    RATE
  }

  public boolean required() {
    return defaultValue == null;
  }
}
