/** Credit-scoring service: one package per feature, each split into boundary, control and entity. */
package com.creditscoring;
