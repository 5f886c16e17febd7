/** Training, cross-validation and the registry of model versions, one of them active. */
package com.creditscoring.models;
