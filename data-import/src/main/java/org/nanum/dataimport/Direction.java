package org.nanum.dataimport;

/** An offer ("I can lend / help") or a request ("I am looking for"), as in the catalogue. */
public enum Direction { OFFER, REQUEST }
