/**
 * From a source's categories to Nanum's: an editable mapping file per source and the list of
 * Nanum's category codes it is checked against.
 */
package org.nanum.dataimport.categories;
