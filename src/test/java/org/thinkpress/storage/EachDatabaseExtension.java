package org.thinkpress.storage;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The runs of an {@link EachDatabase} test: one per dialect, each with a {@link TestDatabase}
 * made on first use and closed when the run ends (after {@code @AfterEach}). A PostgreSQL run
 * without {@value TestDatabase#POSTGRES_URL_VARIABLE} is skipped, except when {@code CI=true}, where
 * it fails: CI must run it.
 */
final class EachDatabaseExtension implements TestTemplateInvocationContextProvider {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EachDatabaseExtension.class);

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(method -> AnnotationSupport.isAnnotated(method, EachDatabase.class)).orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    EachDatabase each = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), EachDatabase.class).orElseThrow();
    return Arrays.stream(each.value()).distinct().map(OnDatabase::new);
  }

  /** The display name of a run on {@code dialect}. */
  static String name(Dialect dialect) {
    return dialect == Dialect.SQLITE ? "SQLite" : "PostgreSQL";
  }

  /** One run of the test, on one database. */
  private static final class OnDatabase
      implements TestTemplateInvocationContext, ParameterResolver, ExecutionCondition, BeforeEachCallback {

    private final Dialect dialect;

    OnDatabase(Dialect dialect) {
      this.dialect = dialect;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
      return "[" + name(dialect) + "]";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(this);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (missing() && !inCi()) {
        return ConditionEvaluationResult.disabled("PostgreSQL run skipped: set " + TestDatabase.POSTGRES_URL_VARIABLE
            + " to a JDBC URL to run it; it is mandatory when CI=true");
      }
      return ConditionEvaluationResult.enabled("on " + name(dialect));
    }

    /** Fails the run before any {@code @BeforeEach} method opens a database it cannot have. */
    @Override
    public void beforeEach(ExtensionContext context) {
      if (missing()) {
        throw new IllegalStateException("CI=true but " + TestDatabase.POSTGRES_URL_VARIABLE + " is not set: the"
            + " PostgreSQL runs must run in CI (.ci/run sets it)");
      }
    }

    private boolean missing() {
      return dialect == Dialect.POSTGRESQL && !TestDatabase.postgresAvailable();
    }

    private static boolean inCi() {
      return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      Class<?> type = parameter.getParameter().getType();
      return type == Dialect.class || type == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      if (parameter.getParameter().getType() == Dialect.class) {
        return dialect;
      }
      // Stored in the run's context: the same database for @BeforeEach, the test and @AfterEach,
      // closed by JUnit (TestDatabase is AutoCloseable) when the run's context closes.
      return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestDatabase.class, type -> TestDatabase.of(dialect),
          TestDatabase.class);
    }
  }
}
