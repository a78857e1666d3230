"""Literature-based alliance counting: text to candidate relations with evidence."""
