package vn.motsach.events.evaluation;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;

/**
 * Circular 16/2022/TT-BGDĐT as this library evaluates it: its five standards, their criteria with
 * their texts in Vietnamese and English, which ones software counts and which ones the school
 * declares, and the numbers the Circular fixes. The one place the command side checks declared
 * criteria against and the query side evaluates by.
 *
 * <p>Numbers the Circular leaves open, or that could not be confirmed in its text (level 2 copies
 * per student above preschool, activities per month, which document types count), are defaults an
 * authority overrides for its schools and a school year ({@link Circular16ThresholdsSet}); a
 * level 2 number with no default stays unset until the authority sets it.
 */
public final class Circular16 {

    /** A level of the Circular, for a criterion, a standard or a school; {@code NOT_MET} is below level 1. */
    public enum Level {
        NOT_MET,
        LEVEL_1,
        LEVEL_2;

        public Level lower(Level other) {
            return compareTo(other) <= 0 ? this : other;
        }
    }

    /** Whether software counts a criterion from the events or the school declares it in its library profile. */
    public enum Source {
        COMPUTED,
        DECLARED
    }

    public record Standard(int number, String name, String nameEn) {
    }

    /**
     * A criterion of a standard. {@code requiredFor} is the lowest level that needs it: a level 1
     * criterion is needed for both levels, a level 2 criterion only for level 2.
     */
    public record Criterion(String id, int standard, Source source, Level requiredFor, String text, String textEn) {
    }

    public static final String COPIES_PER_STUDENT = "S1-COPIES-PER-STUDENT";
    public static final String COPIES_PER_TEACHER = "S1-COPIES-PER-TEACHER";
    public static final String RESOURCES_PROCESSED = "S1-RESOURCES-PROCESSED";
    public static final String EXTENDED_RESOURCES = "S1-EXTENDED-RESOURCES";
    public static final String READING_ROOM = "S2-READING-ROOM";
    public static final String LOCATION = "S2-LOCATION";
    public static final String OPEN_READING_SPACE = "S2-OPEN-READING-SPACE";
    public static final String FURNITURE = "S3-FURNITURE";
    public static final String COMPUTERS = "S3-COMPUTERS";
    public static final String SAFETY = "S3-SAFETY";
    public static final String DIGITAL_DEVICES = "S3-DIGITAL-DEVICES";
    public static final String LOOKUP = "S4-LOOKUP";
    public static final String ELECTRONIC_CIRCULATION = "S4-ELECTRONIC-CIRCULATION";
    public static final String ACTIVITIES = "S4-ACTIVITIES";
    public static final String READING_EVENT = "S4-READING-EVENT";
    public static final String INTEROPERATION = "S4-INTEROPERATION";
    public static final String REGISTERS = "S5-REGISTERS";
    public static final String STOCKTAKE = "S5-STOCKTAKE";
    public static final String WEEDING = "S5-WEEDING";
    public static final String PLAN = "S5-PLAN";
    public static final String STAFF = "S5-STAFF";

    public static final List<Standard> STANDARDS = List.of(
            new Standard(1, "Tài nguyên thông tin", "Information resources"),
            new Standard(2, "Cơ sở vật chất", "Facilities"),
            new Standard(3, "Thiết bị chuyên dùng", "Specialised equipment"),
            new Standard(4, "Hoạt động thư viện", "Library activities"),
            new Standard(5, "Quản lý thư viện", "Library management"));

    public static final List<Criterion> CRITERIA = List.of(
            computed(COPIES_PER_STUDENT, 1, Level.LEVEL_1, "Số bản sách trên mỗi học sinh (trẻ) theo cấp học",
                    "Copies per student (child) by education level"),
            computed(COPIES_PER_TEACHER, 1, Level.LEVEL_1, "Số bản sách trên mỗi giáo viên theo cấp học",
                    "Copies per teacher by education level"),
            computed(RESOURCES_PROCESSED, 1, Level.LEVEL_1,
                    "Tài nguyên thông tin được xử lý theo quy tắc nghiệp vụ thư viện (đăng ký, phân loại)",
                    "Resources processed by library rules (registered, classified)"),
            declared(EXTENDED_RESOURCES, 1, Level.LEVEL_2,
                    "Có tài nguyên thông tin mở rộng (sách tham khảo theo môn, tranh ảnh, bản đồ, học liệu điện tử…)",
                    "Extended resources (reference books by subject, pictures, maps, e-learning materials…)"),
            declared(READING_ROOM, 2, Level.LEVEL_1, "Phòng đọc có diện tích đủ theo quy định, có chỗ ngồi cho người đọc",
                    "A reading room of the required area, with seats for readers"),
            declared(LOCATION, 2, Level.LEVEL_1, "Thư viện ở vị trí trung tâm, thuận tiện, dễ tiếp cận (cả người khuyết tật)",
                    "The library is central, convenient and accessible (disabled users included)"),
            declared(OPEN_READING_SPACE, 2, Level.LEVEL_2, "Có không gian đọc mở, thân thiện (góc đọc, tủ sách lớp học)",
                    "An open, friendly reading space (reading corners, class book cabinets)"),
            declared(FURNITURE, 3, Level.LEVEL_1, "Có đủ giá, tủ, bàn ghế chuyên dùng cho thư viện",
                    "Enough library shelves, cabinets, tables and chairs"),
            declared(COMPUTERS, 3, Level.LEVEL_1, "Có máy tính kết nối Internet phục vụ quản lý và tra cứu",
                    "Computers connected to the Internet for management and lookup"),
            declared(SAFETY, 3, Level.LEVEL_1, "Có thiết bị an ninh, phòng cháy chữa cháy",
                    "Security and fire-safety equipment"),
            declared(DIGITAL_DEVICES, 3, Level.LEVEL_2, "Có thiết bị cho người đọc khai thác học liệu điện tử",
                    "Devices for readers to use e-learning materials"),
            computed(LOOKUP, 4, Level.LEVEL_1, "Có hệ thống tra cứu tài nguyên thông tin được sử dụng",
                    "A lookup system for the resources, in use"),
            computed(ELECTRONIC_CIRCULATION, 4, Level.LEVEL_1, "Mượn trả tài liệu được ghi nhận bằng phần mềm trong năm học",
                    "Loans and returns recorded by software in the school year"),
            computed(ACTIVITIES, 4, Level.LEVEL_1, "Tổ chức hoạt động thư viện (tiết đọc, giới thiệu sách, sự kiện đọc) đều đặn hằng tháng",
                    "Library activities (library periods, book talks, reading events) held every month"),
            computed(READING_EVENT, 4, Level.LEVEL_1, "Tổ chức ngày hội đọc, sự kiện khuyến đọc trong năm học",
                    "A reading festival or reading-promotion event in the school year"),
            declared(INTEROPERATION, 4, Level.LEVEL_1, "Tham gia liên thông thư viện (chia sẻ dữ liệu, luân chuyển tài liệu)",
                    "Takes part in library interoperation (shared records, rotated materials)"),
            computed(REGISTERS, 5, Level.LEVEL_1, "Sổ sách thư viện được lập và cập nhật (sổ đăng ký cá biệt, tổng quát)",
                    "Library registers kept up to date (individual and general registers)"),
            computed(STOCKTAKE, 5, Level.LEVEL_1, "Kiểm kê tài nguyên thông tin trong năm học",
                    "A stocktake of the resources in the school year"),
            computed(WEEDING, 5, Level.LEVEL_1, "Thanh lọc tài liệu trong vòng ba năm",
                    "Weeding within the last three years"),
            declared(PLAN, 5, Level.LEVEL_1, "Có kế hoạch công tác thư viện năm học được phê duyệt",
                    "An approved library plan for the school year"),
            declared(STAFF, 5, Level.LEVEL_1, "Người làm công tác thư viện có trình độ chuyên môn nghiệp vụ thư viện",
                    "Library staff qualified in librarianship"));

    private static final Map<String, Criterion> BY_ID = CRITERIA.stream()
            .collect(Collectors.toMap(Criterion::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));

    /** The reading space a school library needs at least (Decree 93/2020 Art 17(3)), in m². */
    public static final BigDecimal READING_ROOM_M2 = new BigDecimal("50");

    /** Weeding is due every three years in a library of at most 300,000 items (TT 02/2020/TT-BVHTTDL Art 17). */
    public static final int WEEDING_YEARS = 3;

    /** Library activities a month, where the authority sets none (Hà Nội 2025-26: "ít nhất 01 lần/01 tháng"). */
    public static final int DEFAULT_ACTIVITIES_PER_MONTH = 1;

    /** Copies of every type count but periodicals and digital items, unless the authority says otherwise. */
    public static final Set<DocType> DEFAULT_COUNTED_DOC_TYPES =
            Set.copyOf(EnumSet.complementOf(EnumSet.of(DocType.PERIODICAL, DocType.DIGITAL)));

    private Circular16() {
    }

    public static Optional<Criterion> criterion(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** Whether a school may answer this criterion in its library profile. */
    public static boolean isDeclared(String id) {
        return criterion(id).map(criterion -> criterion.source() == Source.DECLARED).orElse(false);
    }

    /**
     * Copies per student (child) the Circular asks at {@code level} for schools of {@code education}:
     * level 1 preschool 2, primary 3, lower secondary 4, upper secondary 5; level 2 preschool 3.
     * Empty where the Circular's number is not confirmed: the authority sets it.
     */
    public static Optional<BigDecimal> copiesPerStudent(EducationLevel education, Level level) {
        if (level == Level.LEVEL_1) {
            return Optional.of(BigDecimal.valueOf(switch (education) {
                case PRESCHOOL -> 2;
                case PRIMARY -> 3;
                case LOWER_SECONDARY -> 4;
                case UPPER_SECONDARY -> 5;
            }));
        }
        return education == EducationLevel.PRESCHOOL ? Optional.of(BigDecimal.valueOf(3)) : Optional.empty();
    }

    /**
     * Copies per teacher the Circular asks: preschool 3 at level 1 and 4 at level 2; the other
     * levels ask one set of books per teacher (by grade or subject), counted here as one copy per
     * teacher at level 1, the level 2 number left to the authority.
     */
    public static Optional<BigDecimal> copiesPerTeacher(EducationLevel education, Level level) {
        if (education == EducationLevel.PRESCHOOL) {
            return Optional.of(BigDecimal.valueOf(level == Level.LEVEL_1 ? 3 : 4));
        }
        return level == Level.LEVEL_1 ? Optional.of(BigDecimal.ONE) : Optional.empty();
    }

    /** The education level of a class's grade (khối): 0 preschool, 1–5 primary, 6–9 lower and 10–12 upper secondary. */
    public static EducationLevel levelOfGrade(int grade) {
        if (grade <= 0) {
            return EducationLevel.PRESCHOOL;
        }
        if (grade <= 5) {
            return EducationLevel.PRIMARY;
        }
        return grade <= 9 ? EducationLevel.LOWER_SECONDARY : EducationLevel.UPPER_SECONDARY;
    }

    private static Criterion computed(String id, int standard, Level requiredFor, String text, String textEn) {
        return new Criterion(id, standard, Source.COMPUTED, requiredFor, text, textEn);
    }

    private static Criterion declared(String id, int standard, Level requiredFor, String text, String textEn) {
        return new Criterion(id, standard, Source.DECLARED, requiredFor, text, textEn);
    }
}
