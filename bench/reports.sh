#!/usr/bin/env bash
# Report rendering (JasperReports fill + PDF export): the first decision report of a JVM and the
# median of 50 warm ones per report (decision, comparison, model card) and language, printed as
# ratios to the goal of 100 ms a report. About a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath > /dev/null
java -Xmx1g -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  com.creditscoring.bench.ReportBenchmark 2> >(grep -v 'OpenPDF\|ClassicPdfUtils' >&2)
