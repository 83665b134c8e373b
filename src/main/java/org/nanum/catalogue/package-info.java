/**
 * The catalogue: listings of goods, spaces, services and childcare time, their categories, and
 * the Lucene index that searches them. Owns the tables {@code category}, {@code listing} and
 * {@code listing_change} (the outbox the index follows). Lucene lives in {@code search} only; the
 * index is disposable and rebuilt from the database, which stays the source of truth.
 */
package org.nanum.catalogue;
