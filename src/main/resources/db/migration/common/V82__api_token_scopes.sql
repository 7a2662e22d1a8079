-- what a token may do, space-separated; tokens made before scopes existed keep doing everything
alter table api_tokens add column scopes varchar(200) not null default 'cases:read cases:write';
