package vn.motsach.events.authority;

/**
 * What an authority is, since the reform of 1 July 2025: a province's Sở GD&ĐT at the top, the
 * commune offices (Phòng Văn hóa – Xã hội of a xã, phường or đặc khu) under it, and the district
 * offices (Phòng GD&ĐT) that supervised schools before the reform, kept for those years.
 */
public enum AuthorityKind {
    PROVINCE_DEPARTMENT,
    COMMUNE_OFFICE,
    DISTRICT_OFFICE;

    /** Whether an authority of this kind may stand directly under one of {@code parent}'s kind. */
    public boolean mayStandUnder(AuthorityKind parent) {
        return this != PROVINCE_DEPARTMENT && parent == PROVINCE_DEPARTMENT;
    }
}
