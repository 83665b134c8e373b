/**
 * A strict, streaming RFC 4180 reader: bytes in, records out, one record in memory at a time.
 * Strict means that what a lenient reader would guess at (bytes that are not UTF-8, a stray quote,
 * a record with too few values, another delimiter) is reported with its line instead.
 */
package org.nanum.dataimport.csv;
