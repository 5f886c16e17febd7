/** Training data: the demo set, German credit, and uploaded CSV or ARFF files. */
package com.creditscoring.datasets;
