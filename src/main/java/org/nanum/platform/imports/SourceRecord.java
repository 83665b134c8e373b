package org.nanum.platform.imports;

/** A record of a source file: its id there, and the line it was read from (for the report). */
public interface SourceRecord {
    String externalId();

    int line();
}
