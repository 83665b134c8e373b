/**
 * The time bank: households' accounts of whole minutes on a double-entry ledger, transfers with
 * idempotency keys, two-phase holds for sessions, a hash-chained journal, statements, and the
 * babysitting and service sessions that move the minutes. Builds on residents (households,
 * sitter checks), the catalogue (childcare and service listings) and lending (conversations,
 * calendar feeds).
 */
package org.nanum.timebank;
