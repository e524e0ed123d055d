-- Every department a case was ever sent to. A district department sees exactly these cases and their history
-- (部门报到), also after the case was returned, escalated or dispatched elsewhere; it has no territory of its own.
alter table cases add column department_ids text[] not null default '{}';

update cases c set department_ids = array(
  select distinct d from (
    select e.data->'assignee'->>'departmentId' as d from case_events e where e.case_id = c.id
    union all select c.assignee->>'departmentId'
  ) x where d is not null order by d)
where exists (select 1 from case_events e where e.case_id = c.id and e.data->'assignee' ? 'departmentId')
   or c.assignee ? 'departmentId';

create index cases_department_ids on cases using gin (department_ids) where department_ids <> '{}';
