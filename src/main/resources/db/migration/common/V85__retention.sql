-- a legal hold keeps a case's personal data past the retention period until it is lifted
alter table cases add column legal_hold boolean default false not null;
alter table cases add column legal_hold_reason varchar(500);
alter table cases add column legal_hold_by bigint references agents (id);
alter table cases add column legal_hold_at timestamp with time zone;
-- when the case's personal data was erased (retention or a request); the case and its counts stay
alter table cases add column erased_at timestamp with time zone;
create index cases_for_retention on cases (erased_at, status, closed_at);
alter table contacts add column erased_at timestamp with time zone;
alter table conversations add column erased_at timestamp with time zone;

-- one sweep a day across all nodes: the node that moves next_run_at runs it
create table retention_runs (
    id          int primary key,
    next_run_at timestamp with time zone not null,
    last_run_at timestamp with time zone,
    last_erased int default 0 not null
);
insert into retention_runs (id, next_run_at) values (1, current_timestamp);
