/** Reported loan outcomes, and retraining that learns from them. */
package com.creditscoring.feedback;
