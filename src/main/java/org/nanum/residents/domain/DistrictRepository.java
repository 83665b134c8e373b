package org.nanum.residents.domain;

import java.util.List;
import java.util.Optional;

public interface DistrictRepository {
    List<District> all();

    Optional<District> findByCode(String code);

    void add(District district);
}
