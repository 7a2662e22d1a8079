-- The agents' chat list. Each conversation keeps where it stands in the list (list_at moves up only after a
-- quiet spell, so the list does not jump), whether it is listed at all (it has an open case, is a group chat,
-- or the contact wrote again), its open case with that case's team and assignee (copied by the cases module,
-- so one team's list is one index scan), the oldest unanswered client message and an alarm.
alter table conversations add column list_at timestamp with time zone;
alter table conversations add column listed boolean default true not null;
alter table conversations add column open_case_id bigint;
alter table conversations add column case_assignee_id bigint references agents (id);
alter table conversations add column assignee_id bigint references agents (id);
alter table conversations add column last_inbound_id bigint;
alter table conversations add column waiting_since timestamp with time zone;
alter table conversations add column alarm_at timestamp with time zone;
alter table conversations add column alarm_by bigint references agents (id);

create index cases_by_conversation on cases (conversation_id, id);

update conversations set list_at = last_message_at;
alter table conversations alter column list_at set not null;

update conversations set open_case_id = (
    select max(k.id) from cases k where k.conversation_id = conversations.id and k.status not in ('RESOLVED', 'CLOSED'));
update conversations set
    team_id = coalesce((select k.team_id from cases k where k.id = conversations.open_case_id),
                       (select o.team_id from organisations o where o.id = conversations.organisation_id),
                       team_id),
    case_assignee_id = (select k.assignee_id from cases k where k.id = conversations.open_case_id),
    listed = (open_case_id is not null or organisation_id is not null
              or not exists (select 1 from cases k where k.conversation_id = conversations.id));
update conversations set
    last_inbound_id = (select max(m.id) from messages m where m.conversation_id = conversations.id and m.kind = 'INBOUND');
update conversations set waiting_since = (
    select min(m.created_at) from messages m
    where m.conversation_id = conversations.id and m.kind = 'INBOUND'
      and m.id > coalesce((select max(o.id) from messages o
                           where o.conversation_id = conversations.id and o.kind = 'OUTBOUND'), 0));

-- per agent: pinned (in the agent's own order), starred, read up to which message
create table conversation_marks (
    agent_id        bigint  not null references agents (id),
    conversation_id bigint  not null references conversations (id),
    pin_position    int,
    starred         boolean default false not null,
    read_message_id bigint,
    primary key (agent_id, conversation_id)
);

-- "mark all as read": every message up to this one counts as read for the agent
create table conversation_readers (
    agent_id            bigint not null primary key references agents (id),
    read_all_message_id bigint not null
);

-- who gets alarms: agents on duty
alter table agents add column on_duty boolean default true not null;
