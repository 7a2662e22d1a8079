-- failed logins per user name (known or not, so a lockout tells nobody which names exist)
create table login_lockouts (
    username      varchar(200) not null primary key,
    failures      int          not null,
    window_start  timestamp with time zone not null,
    locked_until  timestamp with time zone
);
