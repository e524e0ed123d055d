-- Nobody verifies their own work (issue 10, item 7): a case remembers who handled it (report_done or resolve_on_spot)
-- and whether on the spot, so the lifecycle can refuse that account's verification and send 马上办 to the community.
alter table cases add column handled_by text;
alter table cases add column resolved_on_spot boolean not null default false;

update cases c set handled_by = h.actor_id, resolved_on_spot = (h.action = 'resolve_on_spot')
  from (select distinct on (case_id) case_id, actor_id, action from case_events
         where action in ('report_done', 'resolve_on_spot', 'reopen') order by case_id, id desc) h
 where h.case_id = c.id and h.action <> 'reopen' and c.status in ('handled', 'closed');

-- An action sent again with the same Idempotency-Key (a retried 受理并派遣) answers the case without a second step:
-- the key, scoped to the actor, is kept on the first timeline entry the action wrote.
alter table case_events add column request_key text;
create unique index case_events_request_key on case_events (case_id, request_key) where request_key is not null;

-- A 12345 call is reported by the caller, not by the dispatcher who entered it (issue 10, item 9): earlier intakes
-- named the dispatcher's account as the reporter. The timeline keeps the dispatcher as the actor of the report.
update cases set reporter_kind = 'caller', reporter_account_id = null where source = 'hotline' and reporter_kind = 'staff';
