#!/usr/bin/env bash
# Training time and peak heap per learner on the real credit-risk file (27k rows) and on 1M
# generated rows, printed as ratios to the goals. One command; takes several minutes on 2 cores.
#   bench/training.sh              all of it
#   bench/training.sh --skip-1m    only the 27k-row file
#   bench/training.sh --all-1m     every learner on 1M rows too (forest and boosting: many minutes)
#   bench/training.sh --only-trees-1m [LEARNER...]   only boosting and the forest (or the learners
#                                   named: boosted_trees, random_forest) on 1M rows (an hour or more)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath > /dev/null
java -Xmx4g -XX:+UseParallelGC -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  com.creditscoring.bench.TrainingBenchmark ../shared/data/credit_risk_dataset.csv "$@"
if [ "${1:-}" != "--skip-1m" ] && [ "${1:-}" != "--only-trees-1m" ]; then
  echo "-- logistic on 1,000,000 rows in a JVM limited to 1 GB of heap (-Xmx1g), data included:"
  if java -Xmx1g -XX:+UseParallelGC -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    com.creditscoring.bench.TrainingBenchmark ../shared/data/credit_risk_dataset.csv --only-1m 2>&1 | tail -n 1; then
    echo "fits in 1 GB: yes"
  fi
fi
