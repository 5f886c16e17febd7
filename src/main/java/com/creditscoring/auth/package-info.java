/** Users, roles, passwords and tokens. */
package com.creditscoring.auth;
