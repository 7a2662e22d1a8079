-- a replayed POST /api/v1/cases/{number}/messages with the same Idempotency-Key returns the first message
create table api_message_idempotency (
    token_id     bigint       not null references api_tokens (id),
    idem_key     varchar(200) not null,
    request_hash varchar(64)  not null,
    case_id      bigint       not null references cases (id),
    message_id   bigint       not null references messages (id),
    created_at   timestamp with time zone not null,
    primary key (token_id, idem_key)
);
