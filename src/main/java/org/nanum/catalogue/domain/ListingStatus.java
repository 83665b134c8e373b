package org.nanum.catalogue.domain;

/** Only PUBLISHED listings are searchable; HIDDEN is set and lifted by moderation only. */
public enum ListingStatus { DRAFT, PUBLISHED, PAUSED, HIDDEN, WITHDRAWN }
