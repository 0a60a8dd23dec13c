package com.acme.rma.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layout of conventions.md, checked; every rule fails if it matches no class at all. */
class ArchitectureTest {

  private static final String ROOT = "com.acme.rma.intake";
  private static final String[] ADAPTERS = {"rest", "kafka", "db", "registry", "http", "identity"};

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void domainDependsOnlyOnTheJdkAndTheBusinessCalendar() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..", "javax.crypto..", ROOT + ".domain..", "com.acme.rma.calendar..")
        .check(classes);
  }

  @Test
  void domainAndApplicationDoNotDependOnAdapters() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".domain..", ROOT + ".application..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".adapters..")
        .check(classes);
  }

  @Test
  void adaptersDoNotDependOnEachOther() {
    for (String adapter : ADAPTERS) {
      for (String other : ADAPTERS) {
        if (!adapter.equals(other)) {
          noClasses()
              .that()
              .resideInAPackage(ROOT + ".adapters." + adapter + "..")
              .should()
              .dependOnClassesThat()
              .resideInAPackage(ROOT + ".adapters." + other + "..")
              .check(classes);
        }
      }
    }
  }
}
