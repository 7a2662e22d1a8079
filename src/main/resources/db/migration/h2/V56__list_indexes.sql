-- H2 has no partial indexes: the same lists with the filter column in the index.
create index conversations_list_by_team on conversations (team_id, listed, list_at desc, id desc);
create index conversations_list on conversations (listed, list_at desc, id desc);
create index conversations_alarms on conversations (alarm_at);
create index cases_open_queue on cases (team_id, id desc);
