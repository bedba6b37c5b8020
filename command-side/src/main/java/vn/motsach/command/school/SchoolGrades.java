package vn.motsach.command.school;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.evaluation.Circular16;

/**
 * The grades (khối) a school teaches, from its education levels: preschool 0, primary 1–5, lower
 * secondary (THCS) 6–9, upper secondary (THPT) 10–12. A school whose levels are not known (none
 * recorded) is taken to teach every grade.
 */
public record SchoolGrades(Set<EducationLevel> levels) {

    /** The grades a class may have (khối 0 to 12). */
    private static final int HIGHEST_GRADE = 12;

    public SchoolGrades {
        levels = levels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(levels));
    }

    public boolean teaches(int grade) {
        // the level of a grade is decided once, where the evaluation of Circular 16 decides it
        return levels.isEmpty() || levels.contains(Circular16.levelOfGrade(grade));
    }

    /** The grades taught as a message says them, language aside: "6–9", "1–9", "0, 6–12". */
    public String inWords() {
        TreeSet<Integer> grades = new TreeSet<>();
        for (int grade = 0; grade <= HIGHEST_GRADE; grade++) {
            if (levels.contains(Circular16.levelOfGrade(grade))) {
                grades.add(grade);
            }
        }
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
