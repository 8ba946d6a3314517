package io.holdfast.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The server's modules (one package each: screening, rules, accounts, security, ...) depend on
 * each other without cycles, and only adapters read the wall clock: everything else takes the
 * injected Clock so tests can drive time.
 */
class ServerArchitectureTest {
  private static final JavaClasses SERVER = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.holdfast.server");

  @Test
  void modulesHaveNoCycles() {
    slices().matching("io.holdfast.server.(*)..").should().beFreeOfCycles().check(SERVER);
  }

  @Test
  void timeComesFromTheInjectedClock() {
    noClasses().should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .because("time is injected as a Clock bean")
        .check(SERVER);
  }
}
