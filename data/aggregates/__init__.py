"""The published reports counted for the dashboard and the API: aggregate tables kept equal
to a recount in the writer's transaction (keep, write, recount), read per filter (read,
insights, queries, world, representation)."""
