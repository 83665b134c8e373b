/**
 * {@code ./nanum import}: reads a file with the format readers, signs in to Keycloak, sends the
 * records to the server's import API in batches, remembers how far it got so that an interrupted
 * import resumes, and writes a report. {@link org.nanum.dataimport.cli.ImportCommand} is the entry
 * point; the other classes each do one of those things and are tested alone.
 */
package org.nanum.dataimport.cli;
