package org.nanum.catalogue.domain;

/** An offer ("I can lend / help") or a request ("I am looking for"). */
public enum Direction { OFFER, REQUEST }
