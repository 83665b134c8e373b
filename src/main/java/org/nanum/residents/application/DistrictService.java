package org.nanum.residents.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.nanum.residents.application.Views.DistrictView;
import org.nanum.residents.domain.District;
import org.nanum.residents.domain.DistrictRepository;

/** The city's districts: listed for everyone, loaded from the city's data file at startup. */
@ApplicationScoped
public class DistrictService {
    @Inject
    DistrictRepository districts;

    @Transactional
    public List<DistrictView> list() {
        return districts.all().stream().map(DistrictView::of).toList();
    }

    /** Adds new districts and updates known ones; never deletes (residents may point at them). */
    @Transactional
    public int load(List<District> fromFile) {
        int changed = 0;
        for (District d : fromFile) {
            District known = districts.findByCode(d.code()).orElse(null);
            if (known == null) {
                districts.add(d);
                changed++;
            } else {
                known.updateFrom(d);
            }
        }
        return changed;
    }
}
