package org.nanum.catalogue.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nanum.platform.persistence.Rows;
import org.nanum.residents.application.PersonalData;

/** The listings the resident or their household own or created, with their photos' facts (the images by address). */
@ApplicationScoped
public class CataloguePersonalData implements PersonalData {
    @Inject
    Rows rows;

    @Override
    public String section() {
        return "catalogue";
    }

    @Override
    public Object of(Subject s) {
        String mine = "(l.created_by = ? or (l.owner_type = 'RESIDENT' and l.owner_id = ?) "
                + "or (l.owner_type = 'HOUSEHOLD' and l.owner_id = ?))";
        Object[] who = {s.residentId(), s.residentId(), s.householdId() == null ? "" : s.householdId()};
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("listings", rows.of("select l.id, l.kind, l.direction, l.owner_type, l.title, l.description, l.language, "
                + "l.category_code, l.district_code, l.latitude, l.longitude, l.details, l.status, l.created_at, "
                + "l.updated_at from listing l where " + mine + " order by l.created_at", who));
        out.put("photos", rows.of("select p.listing_id, p.id, p.position, p.width, p.height, p.hidden, p.created_at, "
                + "'/api/listings/' || p.listing_id || '/photos/' || p.id as url from listing_photo p join listing l "
                + "on l.id = p.listing_id where " + mine + " order by p.listing_id, p.position", who));
        return out;
    }
}
