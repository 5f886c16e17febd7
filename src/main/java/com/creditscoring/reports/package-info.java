/**
 * Printable documents in English or Russian: the PDF decision report of one scored application,
 * the model comparison report and the model card of a model version.
 */
package com.creditscoring.reports;
