package com.creditscoring.ops.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** One clock for the whole application, so time-dependent rules can be tested with a fixed one. */
@ApplicationScoped
public class Clocks {

  @Produces
  Clock system() {
    return Clock.systemUTC();
  }
}
