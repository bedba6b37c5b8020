package vn.motsach.command.imports.rollover;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A year's rollover as decided when it was asked for: the classes to open in the new year, and
 * every student to move or to graduate, as they stood on the old year's last day. The job applies
 * this plan as it was written, so it reads the same steps in the same order after a restart,
 * whatever its first steps changed meanwhile.
 *
 * @param startsOn the new year's first day (ISO), from which students move and graduates have left
 * @param classesLeftOut the old year's open classes the plan neither moves nor graduates: their
 *     students stay where they are, and the classes stay open (none in a plan stored before it was kept)
 * @param closesOn the day (ISO) from which the old year's classes the plan moves or graduates are
 *     closed, by its last steps (null in a plan stored before classes were closed: it has no such step)
 */
public record RolloverPlan(String schoolYear, String fromSchoolYear, String startsOn, List<Step> steps,
        @Nullable List<LeftOut> classesLeftOut, @Nullable String closesOn) {

    public RolloverPlan {
        steps = List.copyOf(steps);
        classesLeftOut = classesLeftOut == null ? List.of() : List.copyOf(classesLeftOut);
    }

    /** A class of the old year the plan leaves as it is, with its students the plan would have taken. */
    public record LeftOut(String classId, String name, @Nullable Integer grade, int students) {
    }

    /**
     * The classes opened and the students moved and graduated by the plan's steps, but for the
     * steps (numbered from 1, as the job's records) that were rejected.
     */
    public Tally tally(Set<Integer> rejected) {
        int[] counts = new int[Action.values().length];
        for (int i = 0; i < steps.size(); i++) {
            if (!rejected.contains(i + 1)) {
                counts[steps.get(i).action().ordinal()]++;
            }
        }
        return new Tally(counts[Action.OPEN_CLASS.ordinal()], counts[Action.MOVE.ordinal()], counts[Action.GRADUATE.ordinal()]);
    }

    public record Tally(int classesOpened, int studentsMoved, int studentsGraduated) {
    }

    /** One record of the job: a class opened, a student moved or graduated, or an old year's class closed. */
    public record Step(Action action, String classId, String name, Integer grade, String patronId, String fromClassId) {

        static Step open(String classId, String name, int grade) {
            return new Step(Action.OPEN_CLASS, classId, name, grade, null, null);
        }

        static Step move(String patronId, String fromClassId, String toClassId) {
            return new Step(Action.MOVE, toClassId, null, null, patronId, fromClassId);
        }

        static Step graduate(String patronId, String fromClassId) {
            return new Step(Action.GRADUATE, null, null, null, patronId, fromClassId);
        }

        static Step close(String classId) {
            return new Step(Action.CLOSE_CLASS, classId, null, null, null, null);
        }

        /** The step as the job's report shows it. */
        String words() {
            return switch (action) {
                case OPEN_CLASS -> "Mở lớp " + classId + " (" + name + ", khối " + grade + ")";
                case MOVE -> patronId + ": " + fromClassId + " → " + classId;
                case GRADUATE -> patronId + ": " + fromClassId + " → tốt nghiệp";
                case CLOSE_CLASS -> "Đóng lớp " + classId + " của năm học cũ";
            };
        }
    }

    public enum Action {
        OPEN_CLASS,
        MOVE,
        GRADUATE,
        CLOSE_CLASS
    }
}
