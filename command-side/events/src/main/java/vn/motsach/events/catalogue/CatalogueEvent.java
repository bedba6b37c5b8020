package vn.motsach.events.catalogue;

import vn.motsach.events.SchoolEvent;

/** Events of the catalogue: titles (đầu sách) and their copies (bản sách). */
public sealed interface CatalogueEvent extends SchoolEvent permits TitleCatalogued, TitleRevised, IntakeReceived,
        CopyAccessioned, CopyDetailsRevised, CopyWithdrawn, CopyReportedLost {
}
