/** Scoring loan applications: decisions, reasons, explanations, batches and the decision audit trail. */
package com.creditscoring.scoring;
