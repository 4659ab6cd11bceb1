"""Pure domain: value objects, enums, rules. No I/O, no Qt."""
