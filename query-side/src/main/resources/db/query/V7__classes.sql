-- The class directory projection (processing group "class-directory").
create table qs_class (
    school_id            varchar(64)  not null,
    class_id             varchar(32)  not null,
    name                 varchar(100) not null,
    grade                integer      not null,
    school_year          varchar(9)   not null,
    homeroom_teacher_id  varchar(32),
    last_position        bigint       not null,
    -- the day the class was closed (null while open)
    closed_on            date,
    primary key (school_id, class_id)
);
