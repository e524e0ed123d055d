-- Registry search inside a territory (issue 11; bench/registry-search.bench.ts, docs/benchmarks.md): a prefix of the pinyin
-- initials (zsf) or of the whole pinyin (zhangshu) searched among the residents of one grid or of a whole town. Two or
-- three letters match a few per cent of a city's residents, so an index on the letters alone hands the query tens of
-- thousands of rows to check against the scope one by one; with org_path beside the letters, the scope is checked on the
-- index entries and only the territory's matches are read (town-wide over 1,000,000 residents: ~25–45 ms instead of a
-- scan of the town's 100,000 rows). The index serves `name_initials like 'zs%' and org_path like '/…/%'` (a prefix on
-- both); it does not serve a match on part of a name ('%秀%') nor one ORed with a column of another table. The cost:
-- org_path in every entry, ~300 MB more at 1,000,000 residents.
drop index if exists registry_residents_initials;
create index registry_residents_initials_scope on registry_residents (name_initials text_pattern_ops, org_path text_pattern_ops);
create index registry_residents_pinyin_scope on registry_residents (name_pinyin text_pattern_ops, org_path text_pattern_ops);
