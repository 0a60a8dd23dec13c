package com.acme.rma.monitor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** conventions.md: the domain at the centre, adapters at the edge and apart from each other. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.acme.rma.monitor");
  }

  @Test
  void theDomainDependsOnlyOnTheJdkAndTheBusinessCalendar() {
    classes()
        .that()
        .resideInAPackage("..monitor.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "com.acme.rma.monitor.domain..", "com.acme.rma.calendar..")
        .check(classes);
  }

  @Test
  void theDomainAndTheApplicationDoNotKnowTheAdapters() {
    noClasses()
        .that()
        .resideInAnyPackage("..monitor.domain..", "..monitor.application..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..monitor.adapters..")
        .check(classes);
  }

  @Test
  void theRestAdapterDoesNotUseTheOtherAdapters() {
    noClasses()
        .that()
        .resideInAPackage("..monitor.adapters.rest..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..monitor.adapters.kafka..", "..monitor.adapters.db..")
        .check(classes);
  }

  @Test
  void theKafkaAdapterDoesNotUseTheOtherAdapters() {
    noClasses()
        .that()
        .resideInAPackage("..monitor.adapters.kafka..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..monitor.adapters.rest..", "..monitor.adapters.db..")
        .check(classes);
  }

  @Test
  void theDatabaseAdapterDoesNotUseTheOtherAdapters() {
    noClasses()
        .that()
        .resideInAPackage("..monitor.adapters.db..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..monitor.adapters.rest..", "..monitor.adapters.kafka..")
        .check(classes);
  }
}
