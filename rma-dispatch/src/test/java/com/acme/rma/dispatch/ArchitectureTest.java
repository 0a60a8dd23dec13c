package com.acme.rma.dispatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of conventions.md, checked on the production classes. */
class ArchitectureTest {

  private static final String BASE = "com.acme.rma.dispatch";
  private static final String DOMAIN = BASE + ".domain..";
  private static final String APPLICATION = BASE + ".application..";
  private static final String REST = BASE + ".adapters.rest..";
  private static final String KAFKA = BASE + ".adapters.kafka..";
  private static final String DB = BASE + ".adapters.db..";
  private static final String ADAPTERS = BASE + ".adapters..";

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);
  }

  @Test
  void theDomainDependsOnNothingButTheJdkAndItself() {
    classes()
        .that()
        .resideInAPackage(DOMAIN)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", DOMAIN)
        .check(classes);
  }

  @Test
  void theDomainAndTheUseCasesDoNotKnowTheAdapters() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAIN, APPLICATION)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ADAPTERS)
        .check(classes);
  }

  @Test
  void theRestAdapterDoesNotUseTheOtherAdapters() {
    noClasses()
        .that()
        .resideInAPackage(REST)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(KAFKA, DB)
        .check(classes);
  }

  @Test
  void theKafkaAdapterDoesNotUseTheOtherAdapters() {
    noClasses()
        .that()
        .resideInAPackage(KAFKA)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(REST, DB)
        .check(classes);
  }

  @Test
  void theDatabaseAdapterDoesNotUseTheOtherAdapters() {
    noClasses()
        .that()
        .resideInAPackage(DB)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(REST, KAFKA)
        .check(classes);
  }
}
