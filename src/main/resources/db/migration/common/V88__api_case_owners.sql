-- the API token that opened a case: a token sees and writes its own cases unless it has the scope cases:all
alter table cases add column opened_by_token_id bigint references api_tokens (id);
create index cases_by_opening_token on cases (opened_by_token_id, id);
-- tokens made before this kept reading every case: they keep doing so
update api_tokens set scopes = scopes || ' cases:all';
