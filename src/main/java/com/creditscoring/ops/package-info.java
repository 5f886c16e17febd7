/** Running the service: start-up, settings, health, request logging. */
package com.creditscoring.ops;
