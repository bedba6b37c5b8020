package vn.motsach.command.school;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.motsach.events.EducationLevel;

/**
 * The grades (khối) a school teaches, from its education levels: preschool 0, primary 1–5, lower
 * secondary (THCS) 6–9, upper secondary (THPT) 10–12. A school whose levels are not known (none
 * recorded) is taken to teach every grade.
 */
public record SchoolGrades(Set<EducationLevel> levels) {

    private static final Map<EducationLevel, List<Integer>> GRADES = Map.of(
            EducationLevel.PRESCHOOL, List.of(0),
            EducationLevel.PRIMARY, List.of(1, 2, 3, 4, 5),
            EducationLevel.LOWER_SECONDARY, List.of(6, 7, 8, 9),
            EducationLevel.UPPER_SECONDARY, List.of(10, 11, 12));

    public SchoolGrades {
        levels = levels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(levels));
    }

    public boolean teaches(int grade) {
        return levels.isEmpty() || levels.stream().anyMatch(level -> GRADES.get(level).contains(grade));
    }

    /** The grades taught as a message says them, language aside: "6–9", "1–9", "0, 6–12". */
    public String inWords() {
        TreeSet<Integer> grades = new TreeSet<>();
        levels.forEach(level -> grades.addAll(GRADES.get(level)));
        List<String> runs = new ArrayList<>();
        Integer first = null;
        Integer last = null;
        for (int grade : grades) {
            if (last != null && grade == last + 1) {
                last = grade;
                continue;
            }
            if (first != null) {
                runs.add(run(first, last));
            }
            first = grade;
            last = grade;
        }
        if (first != null) {
            runs.add(run(first, last));
        }
        return String.join(", ", runs);
    }

    private static String run(int first, int last) {
        return first == last ? Integer.toString(first) : first + "–" + last;
    }
}
