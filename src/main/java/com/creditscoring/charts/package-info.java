/** Charts drawn with Java2D as PNGs, for the API's explanations and the PDF reports. */
package com.creditscoring.charts;
