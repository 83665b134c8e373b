/**
 * One reader per source format, each turning rows into {@code Imported...} records; the small
 * classes beside them read the values every format shares (dates, amounts, conditions, loan
 * periods, titles) the same way everywhere.
 */
package org.nanum.dataimport.formats;
