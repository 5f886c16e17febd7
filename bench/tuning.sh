#!/usr/bin/env bash
# One tuning run: 10-fold CV (seed 1) of a Weka configuration on the credit-risk file, computed by
# the product's own ModelTrainer inside its FilteredClassifier, plus a timed final fit; appends one
# row to bench/tuning-results.tsv. Runs at the lowest CPU priority: the machine is shared.
#   bench/tuning.sh NAME 'weka.classifiers.meta.LogitBoost -I 200 -H 0.3 -W weka.classifiers.trees.REPTree -- -L 3 -P'
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: bench/tuning.sh NAME 'WEKA CLASSIFIER OPTIONS'" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath > /dev/null
row=$(nice -n 19 java -Xmx3g -XX:+UseParallelGC -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  com.creditscoring.bench.TuningRun "$1" "$2" ../shared/data/credit_risk_dataset.csv)
printf '%s\n' "$row" | tee -a bench/tuning-results.tsv
