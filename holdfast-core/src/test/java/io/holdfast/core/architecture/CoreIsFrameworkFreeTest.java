package io.holdfast.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core holds the domain and the engines and nothing else: no Spring, no JDBC, no JSON
 * library, and no hidden clock or randomness (time and ids are injected), so it can be tested
 * and benchmarked on its own and moved to any adapter.
 */
class CoreIsFrameworkFreeTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.holdfast.core");

  @Test
  void coreDependsOnNoFrameworkJdbcOrJson() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "java.sql..", "javax.sql..", "com.fasterxml.jackson..",
            "tools.jackson..", "jakarta..", "com.google.gson..", "org.json..")
        .because("the domain core must stay plain Java")
        .check(CORE);
  }

  @Test
  void coreReadsNoWallClockAndMakesNoRandomIds() {
    noClasses().should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(java.util.UUID.class, "randomUUID")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .because("time comes from an injected Clock and ids from the caller")
        .check(CORE);
  }

  @Test
  void coreIsOnlyUsedByTheCore() {
    noClasses().that().resideInAPackage("io.holdfast.core..")
        .should().dependOnClassesThat().resideInAPackage("io.holdfast.server..")
        .check(CORE);
  }
}
