package com.oversight;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps the packages' dependencies pointing one way (see DEVELOPERS.md): platform at the bottom,
 * identity on platform, reference data on both, the risk engine on those three; no cycles
 * between capability packages; controllers live in capability packages.
 */
class ArchitectureTest {

  private static final String ROOT = "com.oversight";
  private static final String PLATFORM = "com.oversight.platform..";
  private static final String IDENTITY = "com.oversight.identity..";
  private static final String REFERENCE_DATA = "com.oversight.referencedata..";
  private static final String RISK = "com.oversight.risk..";
  private static final String AUDIT = "com.oversight.audit..";
  private static final String NOTIFICATION = "com.oversight.notification..";
  private static final String SALES = "com.oversight.sales..";
  private static final String GRIEVANCE = "com.oversight.grievance..";
  private static final String INVESTIGATION = "com.oversight.investigation..";
  private static final String OPERATIONS = "com.oversight.operations..";
  private static final String TRANSPARENCY = "com.oversight.transparency..";
  private static final String REVIEW = "com.oversight.review..";
  private static final String REASSESSMENT = "com.oversight.reassessment..";
  private static final String DASHBOARD = "com.oversight.dashboard..";

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  @Test
  void platformDependsOnNoCapability() {
    onlyDependsOn(PLATFORM).check(main);
  }

  @Test
  void identityDependsOnlyOnPlatform() {
    onlyDependsOn(IDENTITY, PLATFORM).check(main);
  }

  @Test
  void referenceDataDependsOnlyOnPlatformAndIdentity() {
    onlyDependsOn(REFERENCE_DATA, PLATFORM, IDENTITY).check(main);
  }

  @Test
  void riskDependsOnlyOnReferenceDataPlatformAndIdentity() {
    onlyDependsOn(RISK, REFERENCE_DATA, PLATFORM, IDENTITY).check(main);
  }

  @Test
  void auditAndNotificationDependOnlyOnPlatform() {
    onlyDependsOn(AUDIT, PLATFORM).check(main);
    onlyDependsOn(NOTIFICATION, PLATFORM).check(main);
  }

  @Test
  void salesUseTheCapabilitiesBelowIt() {
    onlyDependsOn(SALES, RISK, REFERENCE_DATA, AUDIT, NOTIFICATION, IDENTITY, PLATFORM)
        .check(main);
  }

  @Test
  void grievancesKnowNothingOfSalesOrRisk() {
    // the grievance channel reaches investigations only through the BPMN call activity
    onlyDependsOn(GRIEVANCE, AUDIT, NOTIFICATION, IDENTITY, PLATFORM).check(main);
  }

  @Test
  void investigationsUseSalesAndTheCapabilitiesBelowIt() {
    onlyDependsOn(INVESTIGATION, SALES, AUDIT, NOTIFICATION, IDENTITY, REFERENCE_DATA, PLATFORM)
        .check(main);
  }

  @Test
  void transparencyReadsTheDataNotTheCapabilities() {
    // the report's figures are SQL aggregates over the capabilities' tables: no Java
    // dependency on sales, grievances or investigations, so no record can leak into a report
    onlyDependsOn(TRANSPARENCY, AUDIT, IDENTITY, PLATFORM).check(main);
  }

  @Test
  void reassessmentsUseSalesRiskAndTheCapabilitiesBelowThem() {
    // reference data tells of worsened countries by a Spring event, never by calling up
    onlyDependsOn(REASSESSMENT, SALES, RISK, REFERENCE_DATA, AUDIT, NOTIFICATION, IDENTITY,
        PLATFORM).check(main);
  }

  @Test
  void operationsKnowOnlyThePlatform() {
    // health and metrics read Camunda's queries, never a capability's records
    onlyDependsOn(OPERATIONS, PLATFORM).check(main);
  }

  @Test
  void policyReviewUsesTheRiskEngineAndTheTransparencyReportsContract() {
    // the decision impact replays stored risk inputs; the review drafts and publishes through
    // transparency.TransparencyReports; sale cases are read from their stored snapshots only
    onlyDependsOn(REVIEW, "com.oversight.transparency..", RISK, REFERENCE_DATA, AUDIT, IDENTITY,
        PLATFORM).check(main);
  }

  @Test
  void dashboardReadsOnlyTheOperationsFiguresAndSaleStatuses() {
    // read-only figures: Camunda's queries, the operations figures and aggregate counts of the
    // ov_* tables; never a grievance, investigation or identity class
    onlyDependsOn(DASHBOARD, OPERATIONS, SALES, PLATFORM).check(main);
  }

  @Test
  void salesKnowInvestigationsOnlyThroughTheModel() {
    classes().that().resideInAPackage(SALES).should().onlyDependOnClassesThat(
        resideOutsideOfPackage(INVESTIGATION)).check(main);
  }

  @Test
  void capabilitiesHaveNoCycles() {
    slices().matching("com.oversight.(*)..").should().beFreeOfCycles().check(main);
  }

  @Test
  void controllersLiveInCapabilityPackages() {
    classes().that().areAnnotatedWith(RestController.class)
        .should().resideInAPackage("com.oversight.*..")
        .andShould().resideOutsideOfPackage(PLATFORM)
        .allowEmptyShould(true)
        .check(main);
  }

  /** Classes of {@code packages[0]} use only those packages and libraries (not com.oversight). */
  private static ArchRule onlyDependsOn(String... packages) {
    return classes().that().resideInAPackage(packages[0])
        .should().onlyDependOnClassesThat(
            resideInAnyPackage(packages).or(resideOutsideOfPackage("com.oversight..")))
        .allowEmptyShould(true);
  }
}
