package vn.motsach.command.authorities;

import static vn.motsach.events.authority.AuthorityKind.COMMUNE_OFFICE;
import static vn.motsach.events.authority.AuthorityKind.DISTRICT_OFFICE;
import static vn.motsach.events.authority.AuthorityKind.PROVINCE_DEPARTMENT;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.authority.AuthorityDetailsChanged;
import vn.motsach.events.authority.AuthorityRegistered;

class AuthorityTreeTest {

    private static final AuthorityId QUANG_NGAI = AuthorityId.of("so-gddt-quang-ngai");
    private static final AuthorityId KHANH_HOA = AuthorityId.of("so-gddt-khanh-hoa");
    private static final AuthorityId LY_SON = AuthorityId.of("xa-ly-son");
    private static final AuthorityId BINH_SON = AuthorityId.of("phong-gddt-binh-son");
    private static final AuthorityRegistered PROVINCE = new AuthorityRegistered(QUANG_NGAI, "Sở GD&ĐT Quảng Ngãi",
            PROVINCE_DEPARTMENT, null);
    private static final AuthorityRegistered COMMUNE = new AuthorityRegistered(LY_SON, "Phòng VH-XH đặc khu Lý Sơn",
            COMMUNE_OFFICE, QUANG_NGAI);

    /** An authority some school already names, though the tree does not hold it. */
    private static final AuthorityId NAMED_BY_A_SCHOOL = AuthorityId.of("xa-da-duoc-truong-neu");

    private AggregateTestFixture<AuthorityTree> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AuthorityTree.class);
        fixture.registerInjectableResource((NamedAuthorities) NAMED_BY_A_SCHOOL::equals);
    }

    @Test
    void aProvinceThenItsCommuneOfficesAndLegacyDistrictOffices() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAuthority(QUANG_NGAI, "Sở GD&ĐT Quảng Ngãi", PROVINCE_DEPARTMENT, null, null))
                .expectResultMessagePayload(AuthorityRegistration.REGISTERED)
                .expectEvents(PROVINCE);
        fixture.given(PROVINCE)
                .when(new RegisterAuthority(LY_SON, "Phòng VH-XH đặc khu Lý Sơn", COMMUNE_OFFICE, QUANG_NGAI, null))
                .expectEvents(COMMUNE);
        fixture.given(PROVINCE)
                .when(new RegisterAuthority(BINH_SON, "Phòng GD&ĐT Bình Sơn", DISTRICT_OFFICE, QUANG_NGAI, null))
                .expectEvents(new AuthorityRegistered(BINH_SON, "Phòng GD&ĐT Bình Sơn", DISTRICT_OFFICE, QUANG_NGAI));
    }

    @Test
    void theSameDetailsChangeNothingAndNewOnesAreRecorded() {
        fixture.given(PROVINCE, COMMUNE)
                .when(new RegisterAuthority(LY_SON, "Phòng VH-XH đặc khu Lý Sơn", COMMUNE_OFFICE, QUANG_NGAI, null))
                .expectResultMessagePayload(AuthorityRegistration.UNCHANGED)
                .expectNoEvents();
        fixture.given(PROVINCE, COMMUNE)
                .when(new RegisterAuthority(LY_SON, "Phòng Văn hóa – Xã hội Lý Sơn", COMMUNE_OFFICE, QUANG_NGAI, null))
                .expectResultMessagePayload(AuthorityRegistration.CHANGED)
                .expectEvents(new AuthorityDetailsChanged(LY_SON, "Phòng Văn hóa – Xã hội Lý Sơn", COMMUNE_OFFICE, QUANG_NGAI));
    }

    @Test
    void anUnknownParentIsRefused() {
        fixture.given(PROVINCE)
                .when(new RegisterAuthority(LY_SON, "Lý Sơn", COMMUNE_OFFICE, KHANH_HOA, null))
                .expectException(Refused.class)
                .expectExceptionMessage(RefusalCode.PARENT_AUTHORITY_NOT_FOUND.name())
                .expectNoEvents();
    }

    @Test
    void anAuthorityCannotStandUnderItselfOrUnderWhatIsBelowIt() {
        fixture.given(PROVINCE)
                .when(new RegisterAuthority(QUANG_NGAI, "Sở GD&ĐT Quảng Ngãi", COMMUNE_OFFICE, QUANG_NGAI, null))
                .expectExceptionMessage(RefusalCode.AUTHORITY_CYCLE.name())
                .expectNoEvents();
        fixture.given(PROVINCE, COMMUNE)
                .when(new RegisterAuthority(QUANG_NGAI, "Sở GD&ĐT Quảng Ngãi", COMMUNE_OFFICE, LY_SON, null))
                .expectExceptionMessage(RefusalCode.AUTHORITY_CYCLE.name())
                .expectNoEvents();
    }

    @Test
    void kindsStandWhereTheReformPutsThem() {
        AuthorityRegistered otherProvince = new AuthorityRegistered(KHANH_HOA, "Sở GD&ĐT Khánh Hòa", PROVINCE_DEPARTMENT, null);
        // a province's Sở stands at the top
        fixture.given(PROVINCE, otherProvince)
                .when(new RegisterAuthority(KHANH_HOA, "Sở GD&ĐT Khánh Hòa", PROVINCE_DEPARTMENT, QUANG_NGAI, null))
                .expectExceptionMessage(RefusalCode.AUTHORITY_PARENT_NOT_ALLOWED.name())
                .expectNoEvents();
        // nothing stands under a commune office
        fixture.given(PROVINCE, COMMUNE)
                .when(new RegisterAuthority(BINH_SON, "Phòng GD&ĐT Bình Sơn", DISTRICT_OFFICE, LY_SON, null))
                .expectExceptionMessage(RefusalCode.AUTHORITY_PARENT_NOT_ALLOWED.name())
                .expectNoEvents();
        // a province with commune offices under it cannot become one
        fixture.given(PROVINCE, COMMUNE, otherProvince)
                .when(new RegisterAuthority(QUANG_NGAI, "Sở GD&ĐT Quảng Ngãi", COMMUNE_OFFICE, KHANH_HOA, null))
                .expectExceptionMessage(RefusalCode.AUTHORITY_HAS_CHILDREN.name())
                .expectNoEvents();
    }

    @Test
    void anAuthoritysAdministratorPlacesAuthoritiesOnlyBelowTheirOwn() {
        AuthorityRegistered otherProvince = new AuthorityRegistered(KHANH_HOA, "Sở GD&ĐT Khánh Hòa", PROVINCE_DEPARTMENT, null);
        fixture.given(PROVINCE, otherProvince)
                .when(new RegisterAuthority(LY_SON, "Lý Sơn", COMMUNE_OFFICE, QUANG_NGAI, QUANG_NGAI))
                .expectEvents(new AuthorityRegistered(LY_SON, "Lý Sơn", COMMUNE_OFFICE, QUANG_NGAI));
        // another province is as unknown to them as a province that does not exist
        fixture.given(PROVINCE, otherProvince)
                .when(new RegisterAuthority(LY_SON, "Lý Sơn", COMMUNE_OFFICE, KHANH_HOA, QUANG_NGAI))
                .expectExceptionMessage(RefusalCode.PARENT_AUTHORITY_NOT_FOUND.name())
                .expectNoEvents();
    }

    @Test
    void anAuthorityNamedBySchoolsBeforeTheTreeKnewItIsPlacedOnlyByTheSystemsAdministrator() {
        fixture.given(PROVINCE)
                .when(new RegisterAuthority(NAMED_BY_A_SCHOOL, "Xã đã được nêu", COMMUNE_OFFICE, QUANG_NGAI, QUANG_NGAI))
                .expectException(Refused.class)
                .expectExceptionMessage(RefusalCode.AUTHORITY_NAMED_BY_SCHOOLS.name())
                .expectNoEvents();
        fixture.given(PROVINCE)
                .when(new RegisterAuthority(NAMED_BY_A_SCHOOL, "Xã đã được nêu", COMMUNE_OFFICE, QUANG_NGAI, null))
                .expectEvents(new AuthorityRegistered(NAMED_BY_A_SCHOOL, "Xã đã được nêu", COMMUNE_OFFICE, QUANG_NGAI));
        // once in the tree below the province, the province's administrator keeps it as any other
        fixture.given(PROVINCE, new AuthorityRegistered(NAMED_BY_A_SCHOOL, "Xã đã được nêu", COMMUNE_OFFICE, QUANG_NGAI))
                .when(new RegisterAuthority(NAMED_BY_A_SCHOOL, "Xã mới tên", COMMUNE_OFFICE, QUANG_NGAI, QUANG_NGAI))
                .expectEvents(new AuthorityDetailsChanged(NAMED_BY_A_SCHOOL, "Xã mới tên", COMMUNE_OFFICE, QUANG_NGAI));
    }
}
