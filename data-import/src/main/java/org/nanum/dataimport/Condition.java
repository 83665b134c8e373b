package org.nanum.dataimport;

/** The condition of goods, as in the catalogue's {@code ListingDetails.Condition}. */
public enum Condition { NEW, GOOD, FAIR, WORN }
