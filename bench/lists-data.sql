-- Read benchmark data, set-based: 1,000,000 cases, each with its conversation and two messages, 100,000 of them
-- open (their conversations are the open chats), spread over 10 teams and 30 days. Ids start at 10,000,000 so
-- nothing clashes with rows the application writes. Run on an empty, migrated Ombud database.
\set ON_ERROR_STOP on
set synchronous_commit = off;
\timing on

insert into teams (team_key, name, created_at)
select 'bench-' || t, 'Bench team ' || t, now() from generate_series(0, 9) t;

insert into agents (username, display_name, password_hash, role, locale, active, created_at)
select 'bench-agent-' || a, 'Bench Agent ' || a, '{noop}unused', 'AGENT', 'en', true, now()
from generate_series(0, 49) a;
insert into team_members (team_id, agent_id)
select (select id from teams where team_key = 'bench-' || (a % 10)), id
from (select id, row_number() over (order by id) - 1 as a from agents where username like 'bench-agent-%') x;

insert into contacts (id, display_name, locale, created_at)
select 10000000 + i, 'Contact ' || i, 'en', now() - interval '40 days'
from generate_series(0, 199999) i;

create temporary table bench_teams as
select row_number() over (order by id) - 1 as n, id from teams where team_key like 'bench-%';

-- case i: team i % 10; open when (i / 10) % 10 = 3 (100,000 open cases); created over the last 30 days, in order
insert into conversations (id, channel, contact_id, created_at, last_message_at, list_at, listed, team_id,
                           open_case_id, case_assignee_id, last_inbound_id, waiting_since)
select 10000000 + i, case when i % 3 = 0 then 'telegram' when i % 3 = 1 then 'webform' else 'email' end,
       10000000 + i % 200000,
       ts, ts + interval '2 minutes', ts + interval '2 minutes', (i / 10) % 10 = 3,
       (select id from bench_teams where n = i % 10),
       case when (i / 10) % 10 = 3 then 10000000 + i end,
       null,
       20000000 + 2 * i,
       case when (i / 10) % 10 = 3 and i % 4 = 0 then ts end
from (select i, now() - interval '30 days' + (i * interval '2592 milliseconds') as ts
      from generate_series(0, 999999) i) g;

insert into messages (id, conversation_id, kind, author_agent_id, body, created_at)
select 20000000 + 2 * i + k, 10000000 + i, case when k = 0 then 'INBOUND' else 'OUTBOUND' end, null,
       case when k = 0 then 'Hello, my account ' || i || ' was blocked after a stream and I do not know why'
            else 'Thank you, we are looking into it and will answer soon' end,
       now() - interval '30 days' + (i * interval '2592 milliseconds') + k * interval '1 minute'
from generate_series(0, 999999) i, generate_series(0, 1) k;

insert into cases (id, case_number, conversation_id, contact_id, channel, category_id, priority, status, team_id,
                   subject, locale, status_token_hash, created_at, updated_at)
select 10000000 + i, 'C-2026-' || lpad((10000000 + i)::text, 8, '0'), 10000000 + i, 10000000 + i % 200000,
       case when i % 3 = 0 then 'telegram' when i % 3 = 1 then 'webform' else 'email' end,
       (select min(id) from categories), 'NORMAL',
       case when (i / 10) % 10 = 3 then (case when (i / 10) % 20 = 3 then 'NEW' else 'INVESTIGATING' end) else 'CLOSED' end,
       (select id from bench_teams where n = i % 10),
       'Account ' || i || ' blocked after a stream', 'en', md5('bench-' || i),
       now() - interval '30 days' + (i * interval '2592 milliseconds'),
       now() - interval '30 days' + (i * interval '2592 milliseconds')
from generate_series(0, 999999) i;

select setval(pg_get_serial_sequence('contacts', 'id'), (select max(id) from contacts));
select setval(pg_get_serial_sequence('conversations', 'id'), (select max(id) from conversations));
select setval(pg_get_serial_sequence('messages', 'id'), (select max(id) from messages));
select setval(pg_get_serial_sequence('cases', 'id'), (select max(id) from cases));
vacuum analyze;
select (select count(*) from cases) as cases, (select count(*) from conversations where listed) as open_chats,
       (select count(*) from messages) as messages;
