/** Where the data lives: the connection pool, JPA and the Liquibase schema, on H2 or PostgreSQL. */
package com.creditscoring.storage;
