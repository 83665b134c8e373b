package org.nanum.catalogue.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A node of the category tree; its code's dotted prefixes are its ancestors. */
@Entity
@Table(name = "category")
public class Category {
    @Id
    private String code;
    @Column(name = "parent_code")
    private String parentCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ListingKind kind;
    @Column(name = "name_ko", nullable = false)
    private String nameKo;
    @Column(name = "name_en", nullable = false)
    private String nameEn;
    @Column(name = "name_fr", nullable = false)
    private String nameFr;
    @Column(nullable = false)
    private int position;

    protected Category() {
    }

    public Category(String code, String parentCode, ListingKind kind, String nameKo, String nameEn, String nameFr,
                    int position) {
        this.code = code;
        this.parentCode = parentCode;
        this.kind = kind;
        this.nameKo = nameKo;
        this.nameEn = nameEn;
        this.nameFr = nameFr;
        this.position = position;
    }

    public void updateFrom(Category other) {
        this.parentCode = other.parentCode;
        this.kind = other.kind;
        this.nameKo = other.nameKo;
        this.nameEn = other.nameEn;
        this.nameFr = other.nameFr;
        this.position = other.position;
    }

    /** This code and every ancestor's, from the root down: goods, goods.tools, goods.tools.power. */
    public static List<String> pathOf(String code) {
        List<String> path = new ArrayList<>();
        int dot = -1;
        while ((dot = code.indexOf('.', dot + 1)) >= 0) {
            path.add(code.substring(0, dot));
        }
        path.add(code);
        return path;
    }

    public String code() {
        return code;
    }

    public String parentCode() {
        return parentCode;
    }

    public ListingKind kind() {
        return kind;
    }

    public String nameKo() {
        return nameKo;
    }

    public String nameEn() {
        return nameEn;
    }

    public String nameFr() {
        return nameFr;
    }

    public int position() {
        return position;
    }
}
