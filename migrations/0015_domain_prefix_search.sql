-- The queue's search matches work-account domains by prefix: a b-tree range scan on the
-- lower-cased prefix answers that in bounded time (the trigram index from 0005 had to read
-- every tenant sharing the term's trigrams: 470 ms for "bench-77" at a million tenants).
create index tenants_domain_prefix_lower_idx on tenants (lower(domain_prefix::text) text_pattern_ops);
