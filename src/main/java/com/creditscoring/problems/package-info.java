/** RFC 9457 application/problem+json for every error the service answers. */
package com.creditscoring.problems;
