"""The secretariat's and the tests' tools: `make new`'s skeleton and the fictional archive."""
