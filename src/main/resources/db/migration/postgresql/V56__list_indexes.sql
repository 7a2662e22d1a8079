-- The hot lists as index scans with no sort: only the rows they show are in the index.
-- One team's chats (and chats without a team), newest activity first
create index conversations_list_by_team on conversations (team_id, list_at desc, id desc) where listed;
-- every team's chats, for admins and supervisors
create index conversations_list on conversations (list_at desc, id desc) where listed;
-- raised alarms: a handful at a time
create index conversations_alarms on conversations (alarm_at) where alarm_at is not null;
-- one team's open cases, newest first (the queue's default)
create index cases_open_queue on cases (team_id, id desc) where status not in ('RESOLVED', 'CLOSED');
