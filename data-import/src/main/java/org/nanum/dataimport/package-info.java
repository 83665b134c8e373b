/**
 * Reads what cities and sharing schemes already have into records Nanum's import API can take:
 * {@link org.nanum.dataimport.ImportedListing}, {@link org.nanum.dataimport.ImportedMember} and
 * {@link org.nanum.dataimport.ImportedTransfer}, each with an external id (source + id) so that
 * importing the same file twice changes nothing. A reader never stops at a bad row: it reports a
 * {@link org.nanum.dataimport.RowError} (line, column, reason) and goes on; rows repeating an
 * external id are merged and the merge is reported. {@code csv} holds the strict CSV reader,
 * {@code categories} the editable mapping to Nanum's categories, {@code formats} one reader per format.
 */
package org.nanum.dataimport;
