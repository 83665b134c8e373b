package org.nanum.catalogue.domain;

/** Who a listing belongs to: a resident, a household (childcare), or the city (staff manage it). */
public enum OwnerType { RESIDENT, HOUSEHOLD, CITY }
