/**
 * What every capability stands on: the JAX-RS application and problem+json errors ({@code rest}),
 * the signed-in user and roles ({@code security}), the schema and its migrations
 * ({@code persistence}), the audit trail ({@code audit}) and health checks ({@code health}).
 */
package org.nanum.platform;
