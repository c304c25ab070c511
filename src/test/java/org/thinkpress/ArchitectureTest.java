package org.thinkpress;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The map of docs/architecture.md, enforced: packages by feature, wired only in {@code app}, the
 * HTTP server and the commands out of the features' reach, no feature on the public pages, no
 * cycles. Each rule is also shown to fail on a class that breaks it
 * ({@code org.thinkpress.search.forbidden}, test sources only).
 */
class ArchitectureTest {

  private static final String ROOT = "org.thinkpress";
  /** jte's generated template classes: they import the view models of whichever feature renders them. */
  private static final String TEMPLATES = "org.thinkpress.templates..";
  private static final String[] FEATURES = {"org.thinkpress.accounts..", "org.thinkpress.content..",
      "org.thinkpress.media..", "org.thinkpress.publishing..", "org.thinkpress.search..", "org.thinkpress.site..",
      "org.thinkpress.subscribers..", "org.thinkpress.newsletter..", "org.thinkpress.imports..", "org.thinkpress.admin..",
      "org.thinkpress.research..", "org.thinkpress.design.."};

  static final ArchRule ONLY_APP_IMPORTS_WEB = noClasses()
      .that().resideOutsideOfPackages("org.thinkpress.app..", "org.thinkpress.web..")
      .should().dependOnClassesThat().resideInAPackage("org.thinkpress.web..")
      .as("only app imports web");

  static final ArchRule NOTHING_IMPORTS_CLI = noClasses()
      .that().resideOutsideOfPackage("org.thinkpress.cli..")
      .should().dependOnClassesThat().resideInAPackage("org.thinkpress.cli..")
      .as("nothing imports cli (the entry point)");

  static final ArchRule ONLY_THE_COMMANDS_USE_THE_WIRING = noClasses()
      .that().resideOutsideOfPackages("org.thinkpress.app..", "org.thinkpress.cli..")
      .should().dependOnClassesThat().resideInAPackage("org.thinkpress.app..")
      .as("no feature asks the wiring (app) for its services");

  static final ArchRule NO_FEATURE_IMPORTS_THE_PUBLIC_PAGES = noClasses()
      .that().resideOutsideOfPackages("org.thinkpress.site..", "org.thinkpress.app..", TEMPLATES)
      .should().dependOnClassesThat().resideInAPackage("org.thinkpress.site..")
      .as("no feature imports the public pages (site)");

  static final ArchRule THE_BASE_KNOWS_NO_FEATURE = noClasses()
      .that().resideInAnyPackage("org.thinkpress.kit..", "org.thinkpress.content..", "org.thinkpress.storage..",
          "org.thinkpress.accounts..", "org.thinkpress.web..")
      .should().dependOnClassesThat().resideInAnyPackage("org.thinkpress.media..", "org.thinkpress.publishing..",
          "org.thinkpress.search..", "org.thinkpress.site..", "org.thinkpress.subscribers..",
          "org.thinkpress.newsletter..", "org.thinkpress.imports..", "org.thinkpress.admin..", "org.thinkpress.app..",
          "org.thinkpress.cli..", "org.thinkpress.research..")
      .as("kit, content, storage, accounts and web know no feature above them");

  static final ArchRule THE_ADMIN_SHELL_KNOWS_NO_FEATURE = noClasses()
      .that().resideInAPackage("org.thinkpress.admin..")
      .should().dependOnClassesThat().resideInAnyPackage("org.thinkpress.media..", "org.thinkpress.publishing..",
          "org.thinkpress.search..", "org.thinkpress.site..", "org.thinkpress.subscribers..",
          "org.thinkpress.newsletter..", "org.thinkpress.imports..", "org.thinkpress.research..")
      .as("the admin shell knows no feature; features hand it their sections");

  static final ArchRule ONLY_APP_BUILDS_ANOTHER_FEATURES_SERVICES = classes()
      .that().resideInAnyPackage(FEATURES)
      .should(buildNoServiceOfAnotherFeature())
      .as("only app builds a feature's services for another feature");

  static final ArchRule NO_CYCLES = slices().matching("org.thinkpress.(*)..")
      .should().beFreeOfCycles()
      .as("no cycles between packages");

  /** Names of the classes (not records) that are services or their parts: stores, routes, handlers, sections. */
  private static final Pattern SERVICE = Pattern.compile(
      ".*(Service|Store|Workflow|Accounts|Uploads|Newsletter|Editor|Routes|Handlers|Admin|Pages|Search|Tokens|Links)");

  private static JavaClasses production;
  private static JavaClasses forbidden;

  @BeforeAll
  static void importClasses() {
    production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
    forbidden = new ClassFileImporter().importPackages("org.thinkpress.search.forbidden");
  }

  @Test
  void theImportedCodeIsTheWholeProduct() {
    assertThat(production.contain("org.thinkpress.app.ThinkPress")).isTrue();
    assertThat(production.contain("org.thinkpress.search.forbidden.ImportsThePublicPages")).isFalse();
    assertThat(forbidden.stream().map(JavaClass::getSimpleName).filter(name -> !name.equals("package-info")))
        .containsExactlyInAnyOrder("ImportsThePublicPages", "ImportsTheServer", "ImportsTheWiring",
            "BuildsAnotherFeaturesService");
  }

  @Test
  void onlyAppImportsWeb() {
    ONLY_APP_IMPORTS_WEB.check(production);
    thenItFailsOn(ONLY_APP_IMPORTS_WEB, "ImportsTheServer");
  }

  @Test
  void nothingImportsCli() {
    NOTHING_IMPORTS_CLI.check(production);
  }

  @Test
  void noFeatureAsksTheWiringForItsServices() {
    ONLY_THE_COMMANDS_USE_THE_WIRING.check(production);
    thenItFailsOn(ONLY_THE_COMMANDS_USE_THE_WIRING, "ImportsTheWiring");
  }

  @Test
  void noFeatureImportsThePublicPages() {
    NO_FEATURE_IMPORTS_THE_PUBLIC_PAGES.check(production);
    thenItFailsOn(NO_FEATURE_IMPORTS_THE_PUBLIC_PAGES, "ImportsThePublicPages");
  }

  @Test
  void theBaseKnowsNoFeature() {
    THE_BASE_KNOWS_NO_FEATURE.check(production);
  }

  @Test
  void theAdminShellKnowsNoFeature() {
    THE_ADMIN_SHELL_KNOWS_NO_FEATURE.check(production);
  }

  @Test
  void onlyAppBuildsAFeaturesServicesForAnother() {
    ONLY_APP_BUILDS_ANOTHER_FEATURES_SERVICES.check(production);
    thenItFailsOn(ONLY_APP_BUILDS_ANOTHER_FEATURES_SERVICES, "BuildsAnotherFeaturesService");
  }

  @Test
  void noCyclesBetweenPackages() {
    NO_CYCLES.check(production);
  }

  /** The rule holds for the product and is broken by the named fixture, and says so. */
  private static void thenItFailsOn(ArchRule rule, String fixture) {
    assertThatThrownBy(() -> rule.check(forbidden)).isInstanceOf(AssertionError.class)
        .hasMessageContaining(rule.getDescription()).hasMessageContaining("forbidden." + fixture);
  }

  /** A constructor call from one feature to a service of another (by its name), outside {@code app}. */
  private static ArchCondition<JavaClass> buildNoServiceOfAnotherFeature() {
    return new ArchCondition<>("build no service of another feature") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        for (JavaConstructorCall call : origin.getConstructorCallsFromSelf()) {
          JavaClass target = call.getTargetOwner();
          if (!target.isRecord() && SERVICE.matcher(target.getSimpleName()).matches()
              && target.getPackageName().startsWith(ROOT + ".")
              && !feature(target).equals(feature(origin))) {
            events.add(SimpleConditionEvent.violated(call, call.getDescription()));
          }
        }
      }
    };
  }

  private static String feature(JavaClass type) {
    String rest = type.getPackageName().substring(ROOT.length());
    return rest.isEmpty() ? "" : rest.substring(1).split("\\.")[0];
  }
}
