-- "log out everywhere": every session of the agent that began before this moment has ended, on every node
alter table agents add column sessions_ended_at timestamp with time zone;
