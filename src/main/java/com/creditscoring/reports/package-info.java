/** Printable documents: the PDF decision report of one scored application, in English or Russian. */
package com.creditscoring.reports;
