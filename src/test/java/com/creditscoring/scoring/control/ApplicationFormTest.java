package com.creditscoring.scoring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.models.control.Learner;
import com.creditscoring.models.control.LoadedModel;
import com.creditscoring.problems.Problem.FieldError;
import com.creditscoring.scoring.control.ApplicationForm.ExtraFields;
import com.creditscoring.scoring.control.ApplicationForm.Reading;
import com.creditscoring.testing.Applicants;
import com.creditscoring.testing.TrainedModels;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ApplicationFormTest {

  private final LoadedModel model = TrainedModels.onDemoData(Learner.LOGISTIC);

  private Map<String, String> errors(JsonObject application, ExtraFields extras) {
    Reading reading = ApplicationForm.read(application, model, extras);
    return reading.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message));
  }

  @Test
  void seedRequestIsAcceptedAsItIs() {
    Reading reading = ApplicationForm.read(Applicants.seedRequest(false).build(), model, ExtraFields.REJECT);
    assertTrue(reading.valid(), reading.errors()::toString);
    assertEquals("MORTGAGE", reading.applicant().fields().getString("person_home_ownership"));
    assertEquals(41, reading.applicant().instance().value(model.header().attribute("person_age")));
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    JsonObject application =
        Applicants.seedRequest(false)
            .add("person_age", "forty")
            .add("person_income", 5_000)
            .add("loan_grade", "Z")
            .add("person_home_ownership", 3)
            .remove("loan_amnt")
            .add("favourite_colour", "blue")
            .build();
    Map<String, String> errors = errors(application, ExtraFields.REJECT);
    assertEquals(6, errors.size(), errors::toString);
    assertEquals("must be a number, not the text \"forty\"", errors.get("person_age"));
    assertEquals("must be between 10000 and 1000000, not 5000", errors.get("person_income"));
    assertEquals("must be one of [A, B, C, D, E, F, G], not 'Z'", errors.get("loan_grade"));
    assertTrue(errors.get("person_home_ownership").startsWith("must be one of [MORTGAGE, OTHER, OWN, RENT]"), errors::toString);
    assertEquals("is required", errors.get("loan_amnt"));
    assertTrue(errors.get("favourite_colour").startsWith("is not an input of model 0"), errors::toString);
  }

  @Test
  void seedRangesBoundEachSeedField() {
    Map<String, Object[]> outside =
        Map.of(
            "person_age", new Object[] {17, 101}, "person_emp_length", new Object[] {-1, 51}, "loan_amnt", new Object[] {999, 100_001},
            "loan_int_rate", new Object[] {-0.1, 100.5}, "loan_percent_income", new Object[] {-0.01, 1.01},
            "cb_person_cred_hist_length", new Object[] {-1, 51}, "person_income", new Object[] {9_999, 1_000_001});
    outside.forEach(
        (field, values) -> {
          for (Object value : values) {
            var application = Applicants.seedRequest(false);
            application.add(field, value instanceof Integer i ? jakarta.json.Json.createValue(i) : jakarta.json.Json.createValue((Double) value));
            Map<String, String> errors = errors(application.build(), ExtraFields.REJECT);
            assertEquals(1, errors.size(), field + "=" + value + " gave " + errors);
            assertTrue(errors.get(field).startsWith("must be between"), errors::toString);
          }
        });
  }

  @Test
  void extraFieldsCanBeIgnoredInsteadOfRejected() {
    JsonObject application = Applicants.seedRequest(false).add("channel", "branch").build();
    assertEquals(Map.of(), errors(application, ExtraFields.IGNORE));
    assertTrue(errors(application, ExtraFields.REJECT).containsKey("channel"));
  }

  @Test
  void nullCountsAsMissing() {
    JsonObject application = Applicants.seedRequest(false).addNull("loan_grade").build();
    assertEquals(Map.of("loan_grade", "is required"), errors(application, ExtraFields.REJECT));
  }

  @Test
  void batchRecordsNameTheirIndex() {
    Reading reading = ApplicationForm.read(Applicants.seedRequest(false).add("loan_grade", "Z").build(), model, ExtraFields.REJECT, "[7].");
    assertFalse(reading.valid());
    assertEquals("[7].loan_grade", reading.errors().get(0).field());
  }
}
