package com.creditscoring.testing;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/** Loan applications in the seed's LoanRequest shape. */
public final class Applicants {

  private Applicants() {}

  /** A plausible applicant; {@code risky} ones rent, borrow much of their income and have grade E. */
  public static JsonObjectBuilder seedRequest(boolean risky) {
    return Json.createObjectBuilder()
        .add("person_age", risky ? 23 : 41)
        .add("person_income", risky ? 18000 : 95000)
        .add("person_home_ownership", risky ? "RENT" : "MORTGAGE")
        .add("person_emp_length", risky ? 0.0 : 12.0)
        .add("loan_intent", risky ? "MEDICAL" : "HOMEIMPROVEMENT")
        .add("loan_grade", risky ? "E" : "A")
        .add("loan_amnt", risky ? 9000 : 5000)
        .add("loan_int_rate", risky ? 17.5 : 7.1)
        .add("loan_percent_income", risky ? 0.5 : 0.05)
        .add("cb_person_default_on_file", risky ? "Y" : "N")
        .add("cb_person_cred_hist_length", risky ? 2 : 15);
  }
}
