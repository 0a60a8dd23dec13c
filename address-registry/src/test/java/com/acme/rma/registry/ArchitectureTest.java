package com.acme.rma.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of conventions.md; every rule must match classes (ArchUnit fails empty rules). */
class ArchitectureTest {

  private static final String ROOT = "com.acme.rma.registry";
  private static JavaClasses registry;

  @BeforeAll
  static void importMainClasses() {
    registry =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void theDomainDependsOnNothingButTheJdkAndItself() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", ROOT + ".domain..")
        .check(registry);
  }

  @Test
  void theDomainAndTheApplicationDoNotKnowTheAdapters() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".domain..", ROOT + ".application..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".adapters..")
        .check(registry);
  }

  @Test
  void restDoesNotDependOnTheOtherAdapters() {
    adapterStaysApart("rest", "kafka", "db");
  }

  @Test
  void kafkaDoesNotDependOnTheOtherAdapters() {
    adapterStaysApart("kafka", "rest", "db");
  }

  @Test
  void dbDoesNotDependOnTheOtherAdapters() {
    adapterStaysApart("db", "rest", "kafka");
  }

  private static void adapterStaysApart(String adapter, String... others) {
    String[] packages = new String[others.length];
    for (int i = 0; i < others.length; i++) {
      packages[i] = ROOT + ".adapters." + others[i] + "..";
    }
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".adapters." + adapter + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages)
        .check(registry);
  }
}
