package vn.motsach.query.reports;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import vn.motsach.query.documents.Column;
import vn.motsach.query.documents.TableWriter;
import vn.motsach.query.reports.StatisticsView.Group;

/** The yearly statistics as a table: the same numbers as their JSON, under the headings a report to the authority uses. */
final class StatisticsDocument {

    static final String TITLE = "Thống kê thư viện";
    static final List<Column> COLUMNS = List.of(new Column("Mục", 5), new Column("Nội dung", 40),
            new Column("Số đầu sách", 12), new Column("Số bản / số lượt / số người", 16));

    private StatisticsDocument() {
    }

    static void write(StatisticsView statistics, TableWriter table) throws IOException {
        StatisticsView.Holdings holdings = statistics.holdings();
        table.row(Arrays.asList("I", "Vốn tài liệu đến cuối năm học", holdings.titles(), holdings.copies()));
        groups(table, "Theo loại tài liệu", holdings.byDocType());
        groups(table, "Theo ngôn ngữ", holdings.byLanguage());
        groups(table, "Theo môn loại", holdings.byClassification());
        StatisticsView.Loans loans = statistics.loans();
        table.row(Arrays.asList("II", "Lượt mượn trong năm học", null, null));
        table.row(Arrays.asList(null, "Mượn về nhà", null, loans.outOfLibrary()));
        table.row(Arrays.asList(null, "  trong đó học sinh", null, loans.toStudents()));
        table.row(Arrays.asList(null, "  trong đó giáo viên", null, loans.toTeachers()));
        table.row(Arrays.asList(null, "  trong đó cán bộ, nhân viên", null, loans.toStaff()));
        table.row(Arrays.asList(null, "Đọc tại thư viện", null, loans.inLibrary()));
        StatisticsView.Readers readers = statistics.readers();
        table.row(Arrays.asList("III", "Bạn đọc", null, null));
        table.row(Arrays.asList(null, "Bạn đọc đăng ký", null, readers.registered()));
        table.row(Arrays.asList(null, "  trong đó học sinh", null, readers.students()));
        table.row(Arrays.asList(null, "  trong đó giáo viên", null, readers.teachers()));
        table.row(Arrays.asList(null, "  trong đó cán bộ, nhân viên", null, readers.staff()));
        table.row(Arrays.asList(null, "Bạn đọc mới trong năm học", null, readers.newReaders()));
        table.row(Arrays.asList(null, "Lượt bạn đọc đến thư viện", null, readers.visits()));
        table.row(Arrays.asList(null, "  đọc tại thư viện", null, readers.readingSessionsInLibrary()));
        table.row(Arrays.asList(null, "  dự tiết đọc thư viện", null, readers.libraryPeriodAttendances()));
    }

    private static void groups(TableWriter table, String heading, List<Group> groups) throws IOException {
        table.row(Arrays.asList(null, heading, null, null));
        for (Group group : groups) {
            table.row(Arrays.asList(null, "  " + group.name(), group.titles(), group.copies()));
        }
    }
}
