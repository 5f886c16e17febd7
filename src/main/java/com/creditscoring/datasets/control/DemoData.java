package com.creditscoring.datasets.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Synthetic loan applications in the seed's schema, for trying the product out: seeded, so every
 * installation gets the same rows, with distributions shaped like credit-bureau data and a real
 * relationship between the applicant and default (about 20 % default). Clearly labelled synthetic
 * wherever it is shown; never a substitute for a bank's own data.
 */
public final class DemoData {

  public static final String TARGET = "loan_status";
  public static final String DEFAULT = "1";
  static final List<String> HOME = List.of("MORTGAGE", "OTHER", "OWN", "RENT");
  static final List<String> INTENT =
      List.of("DEBTCONSOLIDATION", "EDUCATION", "HOMEIMPROVEMENT", "MEDICAL", "PERSONAL", "VENTURE");
  static final List<String> GRADES = List.of("A", "B", "C", "D", "E", "F", "G");
  private static final double[] GRADE_SHARE = {0.33, 0.32, 0.20, 0.11, 0.03, 0.007, 0.003};
  private static final double[] GRADE_RATE = {7.3, 11.0, 13.5, 15.4, 17.0, 18.6, 20.2};
  private static final double[] GRADE_RISK = {0.0, 0.4, 0.8, 2.0, 2.3, 2.7, 3.5};
  private static final double[] INTENT_RISK = {0.35, -0.25, 0.2, 0.3, 0.0, -0.4};

  private DemoData() {}

  public static Instances generate(int rows, long seed) {
    Random random = new Random(seed);
    Instances data = new Instances("demo-credit-risk (synthetic)", attributes(), rows);
    data.setClassIndex(data.attribute(TARGET).index());
    for (int i = 0; i < rows; i++) {
      data.add(applicant(random, data));
    }
    return data;
  }

  private static ArrayList<Attribute> attributes() {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("person_age"));
    attributes.add(new Attribute("person_income"));
    attributes.add(new Attribute("person_home_ownership", HOME));
    attributes.add(new Attribute("person_emp_length"));
    attributes.add(new Attribute("loan_intent", INTENT));
    attributes.add(new Attribute("loan_grade", GRADES));
    attributes.add(new Attribute("loan_amnt"));
    attributes.add(new Attribute("loan_int_rate"));
    attributes.add(new Attribute(TARGET, List.of("0", DEFAULT)));
    attributes.add(new Attribute("loan_percent_income"));
    attributes.add(new Attribute("cb_person_default_on_file", List.of("N", "Y")));
    attributes.add(new Attribute("cb_person_cred_hist_length"));
    return attributes;
  }

  private static DenseInstance applicant(Random random, Instances data) {
    int age = (int) Math.min(80, 21 + Math.abs(random.nextGaussian()) * 7 + random.nextInt(5));
    double income = Math.round(Math.min(2_000_000, Math.max(4_000, Math.exp(10.95 + 0.5 * random.nextGaussian()))) / 100) * 100.0;
    int home = pick(random, new double[] {0.41, 0.01, 0.08, 0.50});
    double employment = Math.min(age - 16, Math.floor(-Math.log(1 - random.nextDouble()) * 4.8));
    int intent = random.nextInt(INTENT.size());
    int grade = pick(random, GRADE_SHARE);
    double rate = Math.round((GRADE_RATE[grade] + random.nextGaussian()) * 100) / 100.0;
    double amount = Math.round(Math.min(35_000, Math.max(500, Math.exp(8.9 + 0.6 * random.nextGaussian()))) / 25) * 25.0;
    double percent = Math.min(0.83, Math.round(amount / income * 100) / 100.0);
    boolean priorDefault = random.nextDouble() < (grade >= 2 ? 0.45 : 0.05);
    int history = (int) Math.max(2, Math.min(30, (age - 20) * 0.6 + random.nextGaussian() * 2 + 2));

    double logit =
        -3.1
            + GRADE_RISK[grade]
            + 7.5 * (percent - 0.17)
            + (home == 3 ? 0.9 : home == 2 ? -1.0 : 0.0)
            + (priorDefault ? 0.3 : 0.0)
            - 0.35 * Math.log(income / 55_000)
            + INTENT_RISK[intent]
            - 0.03 * Math.min(employment, 10);
    boolean defaulted = random.nextDouble() < 1 / (1 + Math.exp(-logit));

    double[] values = {
      age,
      income,
      home,
      random.nextDouble() < 0.027 ? Utils.missingValue() : employment,
      intent,
      grade,
      amount,
      random.nextDouble() < 0.096 ? Utils.missingValue() : rate,
      defaulted ? 1 : 0,
      percent,
      priorDefault ? 1 : 0,
      history
    };
    DenseInstance row = new DenseInstance(1.0, values);
    row.setDataset(data);
    return row;
  }

  private static int pick(Random random, double[] shares) {
    double roll = random.nextDouble();
    double sum = 0;
    for (int i = 0; i < shares.length; i++) {
      sum += shares[i];
      if (roll < sum) {
        return i;
      }
    }
    return shares.length - 1;
  }
}
